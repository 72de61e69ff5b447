import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { randomToken, sha256 } from '../crypto.js';
import * as repo from './auth.repository.js';
import type { AuthContext, AuthUser } from './guard.js';

/** Last-seen times are written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  /** The cookie value (128 random bits); only its hash is stored. */
  cookieValue: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTx,
  config: Config,
  input: { userId: string; ip?: string; userAgent?: string },
  now = new Date(),
): Promise<NewSession> {
  const cookieValue = randomToken(16);
  const id = sha256(cookieValue);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + config.session.absoluteMs);
  await repo.insertSession(db, {
    id,
    userId: input.userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  });
  return { cookieValue, id, csrfToken, expiresAt };
}

function toAuthUser(user: NonNullable<Awaited<ReturnType<typeof repo.findSessionWithUser>>>['user']): AuthUser {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    displayName: user.displayName,
    unitSystem: user.unitSystem,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt,
  };
}

/** A live session (neither idle too long nor past its absolute expiry) of an active user, or null. */
export async function resolveSession(db: DbOrTx, config: Config, cookieValue: string, now = new Date()): Promise<AuthContext | null> {
  const id = sha256(cookieValue);
  const row = await repo.findSessionWithUser(db, id);
  if (!row) return null;
  const { session } = row;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > config.session.idleMs;
  if (idleExpired || session.expiresAt <= now) {
    await repo.deleteSession(db, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, id, now);
  return { user: toAuthUser(row.user), via: 'session', sessionId: id, csrfToken: session.csrfToken, scopes: ['read', 'write'] };
}

export async function resolveApiToken(db: DbOrTx, token: string, now = new Date()): Promise<AuthContext | null> {
  const row = await repo.findTokenWithUser(db, sha256(token));
  if (!row) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) await repo.touchToken(db, row.token.id, now);
  return { user: toAuthUser(row.user), via: 'token', scopes: row.token.scopes.filter((s): s is 'read' | 'write' => s === 'read' || s === 'write') };
}

export const endSession = (db: DbOrTx, id: string, userId?: string) => repo.deleteSession(db, id, userId);
export const endUserSessions = (db: DbOrTx, userId: string, exceptId?: string) => repo.deleteUserSessions(db, userId, exceptId);
export const listLiveSessions = (db: DbOrTx, userId: string, now = new Date()) => repo.listLiveSessions(db, userId, now);
