import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens, emailTokens, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type EmailTokenPurpose = (typeof emailTokens.$inferSelect)['purpose'];

/** Serialises sign-ups while the first-admin rule is decided (advisory lock, released at commit). */
export async function lockSignUps(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(727276)`);
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}

export async function findUserByEmailOrUsername(db: DbOrTx, email: string, username: string) {
  return db
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(or(eq(sql`lower(${users.email})`, email.toLowerCase()), eq(sql`lower(${users.username})`, username.toLowerCase())));
}

export async function insertUser(db: DbOrTx, row: typeof users.$inferInsert): Promise<UserRow> {
  const [user] = await db.insert(users).values(row).returning();
  return user as UserRow;
}

export async function findActiveUserByLogin(db: DbOrTx, login: string): Promise<UserRow | undefined> {
  const key = login.toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.status, 'active'), or(eq(sql`lower(${users.email})`, key), eq(sql`lower(${users.username})`, key))))
    .limit(1);
  return user;
}

export async function findActiveUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.status, 'active')))
    .limit(1);
  return user;
}

export async function updateUser(db: DbOrTx, id: string, changes: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [user] = await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return user as UserRow;
}

export async function insertEmailToken(db: DbOrTx, row: typeof emailTokens.$inferInsert): Promise<void> {
  await db.insert(emailTokens).values(row);
}

/** Marks a live token used and returns its user id; undefined when unknown, used or expired. */
export async function consumeEmailToken(db: DbOrTx, tokenHash: string, purpose: EmailTokenPurpose, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
    .returning({ userId: emailTokens.userId });
  return row?.userId;
}

export async function invalidateEmailTokens(db: DbOrTx, userId: string, purpose: EmailTokenPurpose, now: Date): Promise<void> {
  await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}

export async function insertApiToken(db: DbOrTx, row: typeof apiTokens.$inferInsert) {
  const [token] = await db.insert(apiTokens).values(row).returning();
  return token as typeof apiTokens.$inferSelect;
}

export async function listApiTokens(db: DbOrTx, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
}

export async function revokeApiToken(db: DbOrTx, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function revokeAllApiTokens(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

export async function searchUsers(db: DbOrTx, filter: { q?: string; limit: number }) {
  const pattern = filter.q ? `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select()
    .from(users)
    .where(pattern ? or(sql`lower(${users.email}) like ${pattern}`, sql`lower(${users.username}) like ${pattern}`) : undefined)
    .orderBy(desc(users.createdAt))
    .limit(filter.limit);
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/** Locks the admin rows so two concurrent demotions cannot leave the instance without an admin. */
export async function countActiveAdminsForUpdate(db: DbOrTx): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
    .for('update');
  return rows.length;
}
