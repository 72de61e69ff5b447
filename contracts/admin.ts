import { z } from 'zod';
import { roleSchema } from './accounts.js';

/** Administration of accounts and the audit log (admins only). */

export const adminUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: roleSchema,
  status: z.enum(['active', 'deleted']),
  emailVerified: z.boolean(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUsersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const changeRoleBody = z.object({ role: roleSchema });

export const auditEntrySchema = z.object({
  id: z.number().int(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  diff: z.unknown().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuery = z.object({
  actorId: z.string().uuid().optional(),
  action: z.string().trim().max(100).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * GET   /api/admin/users?q=&limit=   -> { items: AdminUser[] }
 * PATCH /api/admin/users/:id         { role } -> AdminUser (the last admin cannot be demoted)
 * GET   /api/admin/audit?actorId=&action=&before=&limit= -> { items: AuditEntry[] } (newest first)
 */
