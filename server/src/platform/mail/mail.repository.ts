import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/index.js';

export type OutboxMailRow = typeof mailOutbox.$inferSelect;

export async function insertMail(
  db: DbOrTx,
  mail: { to: string; template: string; subject: string; html: string; text: string },
): Promise<string> {
  const [row] = await db
    .insert(mailOutbox)
    .values({ toAddress: mail.to, template: mail.template, subject: mail.subject, html: mail.html, text: mail.text })
    .returning({ id: mailOutbox.id });
  if (!row) throw new Error('insert into mail_outbox returned no row');
  return row.id;
}

export async function findMailById(db: DbOrTx, id: string): Promise<OutboxMailRow | undefined> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1);
  return row;
}

export async function markMailSent(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: at, attempts: sql`${mailOutbox.attempts} + 1`, lastError: null })
    .where(eq(mailOutbox.id, id));
}

/** No SMTP configured: the outbox is the delivery; an admin reads it. */
export async function markMailStored(db: DbOrTx, id: string): Promise<void> {
  await db.update(mailOutbox).set({ status: 'stored' }).where(eq(mailOutbox.id, id));
}

/** Counts a failed delivery; `final` when no retry follows. */
export async function recordMailFailure(db: DbOrTx, id: string, error: string, final: boolean): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: error.slice(0, 2000), status: final ? 'failed' : 'queued' })
    .where(eq(mailOutbox.id, id));
}

/** Newest first; `to` filters on the exact address. */
export async function listMail(db: DbOrTx, query: { limit: number; to?: string }): Promise<OutboxMailRow[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(query.to ? eq(mailOutbox.toAddress, query.to) : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(query.limit);
}
