import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens, sessions, users } from '../../db/schema/index.js';

/** Sessions and API-token lookups: what the auth plugin needs on every request. */

const userColumns = {
  id: users.id,
  email: users.email,
  username: users.username,
  role: users.role,
  emailVerifiedAt: users.emailVerifiedAt,
};

export async function findSessionWithUser(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ session: sessions, user: userColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), eq(users.status, 'active')))
    .limit(1);
  return row;
}

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function touchSession(db: DbOrTx, id: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string, userId?: string) {
  const rows = await db
    .delete(sessions)
    .where(userId ? and(eq(sessions.id, id), eq(sessions.userId, userId)) : eq(sessions.id, id))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function deleteUserSessions(db: DbOrTx, userId: string, exceptId?: string) {
  await db.delete(sessions).where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId));
}

export async function listLiveSessions(db: DbOrTx, userId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function findTokenWithUser(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, user: userColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.status, 'active')))
    .limit(1);
  return row;
}

export async function touchToken(db: DbOrTx, id: string, at: Date) {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}
