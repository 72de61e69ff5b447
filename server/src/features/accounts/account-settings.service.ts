import type { ApiToken, CreatedApiToken, Me, SessionInfo, TokenScope, UpdateMeBody } from '@tavola/contracts/accounts';
import { recordAudit } from '../../platform/audit/audit.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { endSession, endUserSessions, listLiveSessions } from '../../platform/auth/sessions.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './accounts.repository.js';
import { type AccountsDeps, findMe, type RequestMeta, toMe } from './accounts.service.js';

const wrongPassword = (field: string) =>
  new AppError('wrong_password', 422, 'The password you entered is not your current password', [{ field, message: 'is not your current password' }]);

/** Display name and preferences: no password needed, nothing else changes. An empty display name clears it. */
export async function updateProfile(deps: AccountsDeps, userId: string, input: UpdateMeBody): Promise<Me> {
  const changes: { displayName?: string | null; unitSystem?: 'metric' | 'us' } = {};
  if (input.displayName !== undefined) changes.displayName = input.displayName ? input.displayName : null;
  if (input.unitSystem !== undefined) changes.unitSystem = input.unitSystem;
  return toMe(await repo.updateUser(deps.db, userId, changes));
}

/** Needs the current password; ends every other session and tells the owner by mail. */
export async function changePassword(
  deps: AccountsDeps,
  userId: string,
  sessionId: string | undefined,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const user = await findMe(deps, userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw wrongPassword('currentPassword');
  checkPasswordPolicy(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await deps.db.transaction(async (tx) => {
    const others = (await listLiveSessions(tx, user.id)).filter((s) => s.id !== sessionId).map((s) => s.id);
    await repo.updateUser(tx, user.id, { passwordHash });
    await endUserSessions(tx, user.id, sessionId);
    await deps.mailer.send(tx, { to: user.email, template: 'password-changed', data: { username: user.username } });
    await recordAudit(tx, { actorId: user.id, action: 'auth.password_changed', targetType: 'user', targetId: user.id, ip: meta.ip });
    return others;
  });
  for (const id of ended) await deps.realtime.disconnectUser(user.id, id);
}

/**
 * Blocks the account at once: sessions and tokens end, and the personal data on the row is erased
 * (email and username freed for re-use). The audit log keeps the id only.
 */
export async function deleteAccount(deps: AccountsDeps, userId: string, password: string, meta: RequestMeta): Promise<void> {
  const user = await findMe(deps, userId);
  if (!(await verifyPassword(user.passwordHash, password))) throw wrongPassword('password');
  const now = new Date();
  await deps.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, {
      status: 'deleted',
      deletedAt: now,
      email: `deleted+${user.id}@invalid`,
      username: `deleted-${user.id}`,
      displayName: null,
      passwordHash: '!',
    });
    await endUserSessions(tx, user.id);
    await repo.revokeAllApiTokens(tx, user.id, now);
    await deps.mailer.send(tx, { to: user.email, template: 'account-deleted', data: { username: user.username } });
    await recordAudit(tx, { actorId: user.id, action: 'account.deleted', targetType: 'user', targetId: user.id, ip: meta.ip });
  });
  await deps.realtime.disconnectUser(user.id);
}

export async function listSessions(deps: AccountsDeps, userId: string, currentId: string | undefined): Promise<SessionInfo[]> {
  const now = new Date();
  const rows = await listLiveSessions(deps.db, userId, now);
  return rows
    .filter((s) => now.getTime() - s.lastSeenAt.getTime() <= deps.config.session.idleMs)
    .map((s) => ({
      id: s.id,
      current: s.id === currentId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
    }));
}

export async function revokeSession(deps: AccountsDeps, userId: string, id: string, meta: RequestMeta): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await endSession(tx, id, userId))) throw notFound('Session');
    await recordAudit(tx, { actorId: userId, action: 'auth.session_revoked', targetType: 'session', targetId: id, ip: meta.ip });
  });
  await deps.realtime.disconnectUser(userId, id);
}

const TOKEN_PREFIX = 'tvl_';

function toApiToken(row: Awaited<ReturnType<typeof repo.insertApiToken>>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as TokenScope[],
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** The secret is returned once; only its sha256 is stored. `write` implies `read`. */
export async function createApiToken(
  deps: AccountsDeps,
  userId: string,
  input: { name: string; scopes: TokenScope[] },
  meta: RequestMeta,
): Promise<CreatedApiToken> {
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  const scopes: TokenScope[] = input.scopes.includes('write') ? ['read', 'write'] : ['read'];
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertApiToken(tx, {
      userId,
      name: input.name,
      tokenHash: sha256(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      scopes,
    });
    await recordAudit(tx, { actorId: userId, action: 'auth.token_created', targetType: 'api_token', targetId: row.id, diff: { name: input.name, scopes }, ip: meta.ip });
    return { ...toApiToken(row), token: secret };
  });
}

export async function listApiTokens(deps: AccountsDeps, userId: string): Promise<ApiToken[]> {
  return (await repo.listApiTokens(deps.db, userId)).map(toApiToken);
}

export async function revokeApiToken(deps: AccountsDeps, userId: string, id: string, meta: RequestMeta): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await repo.revokeApiToken(tx, userId, id, new Date()))) throw notFound('API token');
    await recordAudit(tx, { actorId: userId, action: 'auth.token_revoked', targetType: 'api_token', targetId: id, ip: meta.ip });
  });
}
