import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens, sessions, users } from '../../db/schema/index.js';

/** Sessions and API-token lookups: what the auth plugin needs on every request. */

const userColumns = {
  id: users.id,
  email: users.email,
  username: users.username,
  displayName: users.displayName,
  unitSystem: users.unitSystem,
  role: users.role,
  emailVerifiedAt: users.emailVerifiedAt,
  createdAt: users.createdAt,
};

/**
 * The two lookups every authenticated request makes are prepared once per database handle: the
 * query is built once and PostgreSQL plans it once per connection.
 */
function buildLookups(db: DbOrTx) {
  return {
    session: db
      .select({ session: sessions, user: userColumns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder('id')), eq(users.status, 'active')))
      .limit(1)
      .prepare('auth_find_session'),
    token: db
      .select({ token: apiTokens, user: userColumns })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt), eq(users.status, 'active')))
      .limit(1)
      .prepare('auth_find_token'),
  };
}

const prepared = new WeakMap<object, ReturnType<typeof buildLookups>>();

function preparedLookups(db: DbOrTx): ReturnType<typeof buildLookups> {
  let lookups = prepared.get(db);
  if (!lookups) {
    lookups = buildLookups(db);
    prepared.set(db, lookups);
  }
  return lookups;
}

export async function findSessionWithUser(db: DbOrTx, id: string) {
  const [row] = await preparedLookups(db).session.execute({ id });
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
  const [row] = await preparedLookups(db).token.execute({ hash: tokenHash });
  return row;
}

export async function touchToken(db: DbOrTx, id: string, at: Date) {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}
