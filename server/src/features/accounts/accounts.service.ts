import type { Me } from '@tavola/contracts/accounts';
import type { Config } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { checkPasswordPolicy, decoyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, endSession, endUserSessions, type NewSession } from '../../platform/auth/sessions.js';
import type { Cache } from '../../platform/cache.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { Realtime } from '../../platform/realtime/realtime.js';
import * as repo from './accounts.repository.js';
import type { UserRow } from './accounts.repository.js';

export interface AccountsDeps {
  db: Db;
  config: Config;
  cache: Cache;
  mailer: Mailer;
  /** Closes the sockets of sessions that end, on every instance. */
  realtime: Pick<Realtime, 'disconnectUser'>;
}

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

const VERIFY_TTL_MS = 48 * 3600_000;
const RESET_TTL_MS = 3600_000;

export function toMe(user: UserRow): Me {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    displayName: user.displayName,
    unitSystem: user.unitSystem,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

const invalidCredentials = () => new AppError('invalid_credentials', 401, 'The email/username or password is incorrect');

async function issueEmailToken(deps: AccountsDeps, tx: DbOrTx, user: UserRow, purpose: repo.EmailTokenPurpose, now: Date): Promise<string> {
  const token = randomToken(32);
  await repo.invalidateEmailTokens(tx, user.id, purpose, now);
  await repo.insertEmailToken(tx, {
    tokenHash: sha256(token),
    userId: user.id,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + (purpose === 'verify_email' ? VERIFY_TTL_MS : RESET_TTL_MS)),
  });
  return token;
}

async function sendVerification(deps: AccountsDeps, tx: DbOrTx, user: UserRow, now: Date): Promise<void> {
  const token = await issueEmailToken(deps, tx, user, 'verify_email', now);
  await deps.mailer.send(tx, {
    to: user.email,
    template: 'verify-email',
    data: { username: user.username, link: `${deps.config.publicUrl}/verify-email?token=${token}` },
  });
}

/** Creates the account and its first session. The first account on an empty instance, or the --admin email, is an admin. */
export async function signUp(
  deps: AccountsDeps,
  input: { email: string; username: string; password: string; displayName?: string },
  meta: RequestMeta,
): Promise<{ user: UserRow; session: NewSession }> {
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  return deps.db.transaction(async (tx) => {
    await repo.lockSignUps(tx);
    const clashes = await repo.findUserByEmailOrUsername(tx, input.email, input.username);
    const errors = [];
    if (clashes.some((c) => c.email.toLowerCase() === input.email.toLowerCase())) errors.push({ field: 'email', message: 'is already registered' });
    if (clashes.some((c) => c.username.toLowerCase() === input.username.toLowerCase())) errors.push({ field: 'username', message: 'is taken' });
    if (errors.length) throw new AppError('account_exists', 409, 'An account with this email or username already exists', errors);

    const first = (await repo.countUsers(tx)) === 0;
    const role = first || deps.config.adminEmail === input.email.toLowerCase() ? 'admin' : 'user';
    const user = await repo.insertUser(tx, {
      email: input.email.toLowerCase(),
      username: input.username,
      displayName: input.displayName || null,
      passwordHash,
      role,
      createdAt: now,
      updatedAt: now,
    });
    await sendVerification(deps, tx, user, now);
    const session = await createSession(tx, deps.config, { userId: user.id, ...meta }, now);
    await recordAudit(tx, { actorId: user.id, action: 'auth.signup', targetType: 'user', targetId: user.id, diff: { role }, ip: meta.ip });
    return { user, session };
  });
}

export async function verifyEmail(deps: AccountsDeps, token: string, meta: RequestMeta): Promise<UserRow> {
  const now = new Date();
  return deps.db.transaction(async (tx) => {
    const userId = await repo.consumeEmailToken(tx, sha256(token), 'verify_email', now);
    const user = userId ? await repo.findActiveUserById(tx, userId) : undefined;
    if (!user) throw new AppError('invalid_token', 400, 'This verification link is invalid, used or expired; ask for a new one');
    const verified = user.emailVerifiedAt ? user : await repo.updateUser(tx, user.id, { emailVerifiedAt: now });
    await recordAudit(tx, { actorId: user.id, action: 'auth.email_verified', targetType: 'user', targetId: user.id, ip: meta.ip });
    return verified;
  });
}

export async function resendVerification(deps: AccountsDeps, userId: string): Promise<void> {
  const now = new Date();
  await deps.db.transaction(async (tx) => {
    const user = await repo.findActiveUserById(tx, userId);
    if (!user) throw new AppError('not_found', 404, 'Account was not found');
    if (user.emailVerifiedAt) throw new AppError('already_verified', 409, 'Your email address is already verified');
    await sendVerification(deps, tx, user, now);
  });
}

const failKey = (subject: string) => `login-failures:${subject}`;
const lockKey = (subject: string) => `login-lock:${subject}`;

async function ensureNotLocked(deps: AccountsDeps, subject: string): Promise<void> {
  const remaining = await deps.cache.ttl(lockKey(subject));
  if (remaining > 0) {
    const seconds = Math.ceil(remaining / 1000);
    throw new AppError('account_locked', 429, `Too many failed log-ins; try again in ${Math.ceil(seconds / 60)} minutes`, undefined, {
      'retry-after': String(seconds),
    });
  }
}

async function recordFailure(deps: AccountsDeps, subject: string, userId: string | null, meta: RequestMeta): Promise<void> {
  const { lockoutFailures, lockoutWindowMs, lockoutMs } = deps.config.rateLimit;
  const failures = await deps.cache.incr(failKey(subject), lockoutWindowMs);
  await recordAudit(deps.db, { actorId: null, action: 'auth.login_failed', targetType: 'user', targetId: userId ?? undefined, ip: meta.ip });
  if (failures >= lockoutFailures) {
    await deps.cache.set(lockKey(subject), true, lockoutMs);
    await deps.cache.del(failKey(subject));
    await recordAudit(deps.db, { actorId: null, action: 'auth.account_locked', targetType: 'user', targetId: userId ?? undefined, ip: meta.ip });
  }
}

/**
 * Same answer, in about the same time, for an unknown login and a wrong password. Failures count per
 * account (per login text when there is no account): 30 in 3 minutes lock it for an hour.
 */
export async function logIn(
  deps: AccountsDeps,
  input: { login: string; password: string },
  meta: RequestMeta & { previousSessionId?: string },
): Promise<{ user: UserRow; session: NewSession }> {
  const user = await repo.findActiveUserByLogin(deps.db, input.login);
  const subject = user ? `user:${user.id}` : `login:${sha256(input.login.toLowerCase())}`;
  await ensureNotLocked(deps, subject);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok) {
    await recordFailure(deps, subject, user?.id ?? null, meta);
    throw invalidCredentials();
  }
  await deps.cache.del(failKey(subject));
  const session = await deps.db.transaction(async (tx) => {
    if (meta.previousSessionId) await endSession(tx, meta.previousSessionId);
    const created = await createSession(tx, deps.config, { userId: user.id, ...meta });
    await recordAudit(tx, { actorId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id, ip: meta.ip });
    return created;
  });
  if (meta.previousSessionId) await deps.realtime.disconnectUser(user.id, meta.previousSessionId);
  return { user, session };
}

export async function logOut(deps: AccountsDeps, userId: string, sessionId: string, meta: RequestMeta): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await endSession(tx, sessionId, userId);
    await recordAudit(tx, { actorId: userId, action: 'auth.logout', targetType: 'session', targetId: sessionId, ip: meta.ip });
  });
  await deps.realtime.disconnectUser(userId, sessionId);
}

/** Always the same answer; a mail goes out only when the address belongs to an active account. */
export async function forgotPassword(deps: AccountsDeps, email: string, meta: RequestMeta): Promise<void> {
  const now = new Date();
  await deps.db.transaction(async (tx) => {
    const user = await repo.findActiveUserByLogin(tx, email);
    if (!user || user.email !== email.toLowerCase()) return;
    const token = await issueEmailToken(deps, tx, user, 'reset_password', now);
    await deps.mailer.send(tx, {
      to: user.email,
      template: 'reset-password',
      data: { username: user.username, link: `${deps.config.publicUrl}/reset-password?token=${token}` },
    });
    await recordAudit(tx, { actorId: null, action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id, ip: meta.ip });
  });
}

/** Sets the new password, ends every session, and clears a lockout (the owner proved control of the mailbox). */
export async function resetPassword(deps: AccountsDeps, input: { token: string; password: string }, meta: RequestMeta): Promise<void> {
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  const userId = await deps.db.transaction(async (tx) => {
    const id = await repo.consumeEmailToken(tx, sha256(input.token), 'reset_password', now);
    const user = id ? await repo.findActiveUserById(tx, id) : undefined;
    if (!user) throw new AppError('invalid_token', 400, 'This reset link is invalid, used or expired; ask for a new one');
    await repo.updateUser(tx, user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now });
    await endUserSessions(tx, user.id);
    await deps.mailer.send(tx, { to: user.email, template: 'password-changed', data: { username: user.username } });
    await recordAudit(tx, { actorId: user.id, action: 'auth.password_reset', targetType: 'user', targetId: user.id, ip: meta.ip });
    return user.id;
  });
  await deps.cache.del(lockKey(`user:${userId}`));
  await deps.realtime.disconnectUser(userId);
}

export async function findMe(deps: AccountsDeps, userId: string): Promise<UserRow> {
  const user = await repo.findActiveUserById(deps.db, userId);
  if (!user) throw new AppError('unauthenticated', 401, 'Log in to continue');
  return user;
}

/** `--admin EMAIL`: that account becomes admin at boot if it exists (sign-up handles it otherwise). */
export async function promoteConfiguredAdmin(deps: Pick<AccountsDeps, 'db' | 'config'>): Promise<boolean> {
  const email = deps.config.adminEmail;
  if (!email) return false;
  return deps.db.transaction(async (tx) => {
    const user = await repo.findActiveUserByLogin(tx, email);
    if (!user || user.email !== email || user.role === 'admin') return false;
    await repo.updateUser(tx, user.id, { role: 'admin' });
    await recordAudit(tx, { actorId: null, action: 'admin.role_changed', targetType: 'user', targetId: user.id, diff: { role: [user.role, 'admin'], by: '--admin' } });
    return true;
  });
}
