import { outboxPageSchema, outboxQuery } from '@tavola/contracts/mail';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth/guard.js';
import type { Mailer } from '../../platform/mail/mailer.js';

export function registerMailOutboxRoutes(app: FastifyInstance, deps: { mailer: Pick<Mailer, 'listOutbox'> }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/outbox',
    { schema: { tags: ['admin'], summary: 'The mail outbox, newest first', querystring: outboxQuery, response: { 200: outboxPageSchema } } },
    async (request) => {
      requireRole(request, 'admin');
      return { items: await deps.mailer.listOutbox(request.query) };
    },
  );
}
