import type { OutboxMail } from '@tavola/contracts/mail';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { JobRun, Jobs, QueueOptions } from '../jobs/jobs.js';
import * as outbox from './mail.repository.js';
import { type MailRequest, renderMail } from './mail-templates.js';

export const mailDeliverQueue = 'mail.deliver';

export interface MailerOptions {
  database: Database;
  jobs: Jobs;
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>;
  /** Retries of one delivery. Default 10: with the 30 s base delay doubling, about eight hours of trying. */
  retry?: Pick<QueueOptions, 'retryLimit' | 'retryDelay'>;
}

/**
 * Mail is written to the outbox and its delivery enqueued in the caller's transaction; the
 * `mail.deliver` job sends it over SMTP when SMTP_URL is set (retried with backoff), or leaves it
 * in the outbox, where an admin reads it.
 */
export class Mailer {
  readonly #database: Database;
  readonly #jobs: Jobs;
  readonly #config: MailerOptions['config'];
  #transport: Transporter | undefined;

  constructor(options: MailerOptions) {
    this.#database = options.database;
    this.#jobs = options.jobs;
    this.#config = options.config;
    // Registered before jobs start, so this resolves at once.
    void options.jobs.register<{ id: string }>(mailDeliverQueue, ({ id }, run) => this.deliver(id, run), {
      retryLimit: 10,
      ...options.retry,
    });
  }

  /**
   * Renders the template, stores the mail and enqueues its delivery, atomically with the caller's
   * writes when given their transaction. Returns the outbox id.
   */
  async send(db: DbOrTx, request: MailRequest): Promise<string> {
    const rendered = renderMail(request);
    // On a transaction this is a savepoint; on the database, a transaction of its own: row and job go together.
    return db.transaction(async (tx) => {
      const id = await outbox.insertMail(tx, { to: request.to, template: request.template, ...rendered });
      await this.#jobs.send(mailDeliverQueue, { id }, { tx });
      return id;
    });
  }

  /**
   * The `mail.deliver` handler. Idempotent: a mail already sent or stored is left alone. A failed
   * SMTP delivery is counted and rethrown, so the job retries; the mail is `failed` after the last try.
   */
  async deliver(id: string, run: Pick<JobRun, 'isLastAttempt'>): Promise<void> {
    const { db } = this.#database;
    const mail = await outbox.findMailById(db, id);
    if (!mail || mail.status === 'sent' || mail.status === 'stored') return;
    if (!this.#config.smtpUrl) {
      await outbox.markMailStored(db, id);
      return;
    }
    try {
      await this.#smtp(this.#config.smtpUrl).sendMail({
        from: this.#config.mailFrom,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Stable across retries, so a receiving server can drop a duplicate of a mail we failed to mark sent.
        messageId: `<${mail.id}@tavola.outbox>`,
      });
    } catch (error) {
      await outbox.recordMailFailure(db, id, error instanceof Error ? error.message : String(error), run.isLastAttempt);
      throw error;
    }
    await outbox.markMailSent(db, id, new Date());
  }

  /** The outbox as an admin reads it, newest first. */
  async listOutbox(query: { limit: number; to?: string }): Promise<OutboxMail[]> {
    const rows = await outbox.listMail(this.#database.db, query);
    return rows.map((row) => ({
      id: row.id,
      to: row.toAddress,
      template: row.template,
      subject: row.subject,
      text: row.text,
      html: row.html,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: new Date(row.createdAt).toISOString(),
      sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
    }));
  }

  close(): void {
    this.#transport?.close();
    this.#transport = undefined;
  }

  #smtp(url: string): Transporter {
    this.#transport ??= nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.#transport;
  }
}
