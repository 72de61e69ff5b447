import type { AdminUser, AuditEntry } from '@tavola/contracts/admin';
import type { Role } from '@tavola/contracts/accounts';
import { listAuditEntries, recordAudit } from '../../platform/audit/audit.js';
import { endUserSessions } from '../../platform/auth/sessions.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './accounts.repository.js';
import { type AccountsDeps, type RequestMeta, toMe } from './accounts.service.js';

function toAdminUser(user: repo.UserRow): AdminUser {
  return { ...toMe(user), status: user.status };
}

export async function listUsers(deps: AccountsDeps, filter: { q?: string; limit: number }): Promise<AdminUser[]> {
  return (await repo.searchUsers(deps.db, filter)).map(toAdminUser);
}

/**
 * Changes a role; the instance always keeps one active admin. A changed role ends the user's
 * sessions, so new rights (or lost ones) apply at once everywhere.
 */
export async function changeRole(deps: AccountsDeps, actorId: string, userId: string, role: Role, meta: RequestMeta): Promise<AdminUser> {
  const result = await deps.db.transaction(async (tx) => {
    const admins = await repo.countActiveAdminsForUpdate(tx);
    const user = await repo.findUserById(tx, userId);
    if (!user || user.status !== 'active') throw notFound('User');
    if (user.role === role) return { user: toAdminUser(user), endedSessions: false };
    if (user.role === 'admin' && admins <= 1) {
      throw new AppError('last_admin', 409, 'This is the only admin; make someone else admin first');
    }
    const updated = await repo.updateUser(tx, user.id, { role });
    if (user.id !== actorId) await endUserSessions(tx, user.id);
    await recordAudit(tx, { actorId, action: 'admin.role_changed', targetType: 'user', targetId: user.id, diff: { role: [user.role, role] }, ip: meta.ip });
    return { user: toAdminUser(updated), endedSessions: user.id !== actorId };
  });
  if (result.endedSessions) await deps.realtime.disconnectUser(userId);
  return result.user;
}

export async function listAudit(deps: AccountsDeps, filter: { actorId?: string; action?: string; before?: number; limit: number }): Promise<AuditEntry[]> {
  const rows = await listAuditEntries(deps.db, { actorId: filter.actorId, action: filter.action, beforeId: filter.before, limit: filter.limit });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
