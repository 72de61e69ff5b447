import { adminUserSchema, adminUsersQuery, auditEntrySchema, auditQuery, changeRoleBody } from '@tavola/contracts/admin';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../platform/auth/guard.js';
import type { AccountsDeps } from './accounts.service.js';
import * as admin from './admin-accounts.service.js';

export function registerAdminAccountRoutes(app: FastifyInstance, deps: AccountsDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/users', { schema: { tags: ['admin'], querystring: adminUsersQuery, response: { 200: z.object({ items: z.array(adminUserSchema) }) } } }, async (request) => {
    requireRole(request, 'admin');
    return { items: await admin.listUsers(deps, request.query) };
  });

  r.patch(
    '/api/admin/users/:id',
    { schema: { tags: ['admin'], params: z.object({ id: z.string().uuid('is not a user id') }), body: changeRoleBody, response: { 200: adminUserSchema } } },
    async (request) => {
      const actor = requireRole(request, 'admin');
      return admin.changeRole(deps, actor.id, request.params.id, request.body.role, { ip: request.ip });
    },
  );

  r.get('/api/admin/audit', { schema: { tags: ['admin'], querystring: auditQuery, response: { 200: z.object({ items: z.array(auditEntrySchema) }) } } }, async (request) => {
    requireRole(request, 'admin');
    return { items: await admin.listAudit(deps, request.query) };
  });
}
