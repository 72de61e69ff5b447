import { z } from 'zod';

/** The mail outbox an admin reads (GET /api/admin/outbox?limit=&before=). */
export const outboxMailSchema = z.object({
  id: z.string().uuid(),
  to: z.string(),
  template: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: z.enum(['queued', 'sent', 'failed', 'stored']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

export const outboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  to: z.string().trim().max(254).optional(),
});

export const outboxPageSchema = z.object({ items: z.array(outboxMailSchema) });
