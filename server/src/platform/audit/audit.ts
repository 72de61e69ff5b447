import type { DbOrTx } from '../../db/client.js';
import { insertAuditEntry, listAuditEntries } from './audit.repository.js';

export interface AuditEvent {
  actorId: string | null;
  /** Dotted verb, e.g. `auth.login`, `auth.login_failed`, `admin.role_changed`. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** What changed (never secrets: no passwords, tokens or hashes). */
  diff?: Record<string, unknown>;
  ip?: string;
}

/** Appends to the audit log inside the caller's transaction, so the entry exists exactly when the change does. */
export function recordAudit(db: DbOrTx, event: AuditEvent): Promise<void> {
  return insertAuditEntry(db, {
    actorId: event.actorId,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    diff: event.diff ?? null,
    ip: event.ip ?? null,
  });
}

export { listAuditEntries };
