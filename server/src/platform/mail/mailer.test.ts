import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { freePort, startSmtpServer, type TestSmtpServer } from '../../../test/smtp.js';
import { findMailById, listMail } from './mail.repository.js';
import { mailDeliverQueue } from './mailer.js';

const waitLong = { timeout: 15_000, interval: 100 };

async function outboxRow(t: TestApp, id: string) {
  return findMailById(t.platform.database.db, id);
}

async function deliveryJobCount(t: TestApp, outboxId: string): Promise<number> {
  const { rows } = await t.platform.database.executeSql(`select count(*)::int as n from pgboss.job where name = $1 and data->>'id' = $2`, [mailDeliverQueue, outboxId]);
  return Number(rows[0].n);
}

describe('mailer with SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tavola <mail@tavola.test>' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a mail sent in a transaction exactly once', async () => {
    const link = `${t.config.publicUrl}/verify-email?token=tok_${Date.now()}`;
    const id = await t.platform.database.db.transaction((tx) =>
      t.platform.mailer.send(tx, { to: 'ada@example.test', template: 'verify-email', data: { username: 'ada', link } }),
    );
    const mail = await smtp.waitFor((m) => m.to.includes('ada@example.test'));
    expect(mail.subject).toBe('Confirm your email address');
    expect(mail.from).toBe('mail@tavola.test');
    expect(mail.text).toContain(link);
    expect(mail.raw).toContain(`Message-ID: <${id}@tavola.outbox>`);

    await vi.waitFor(async () => expect((await outboxRow(t, id))?.status).toBe('sent'), waitLong);
    const row = await outboxRow(t, id);
    expect(row).toMatchObject({ attempts: 1, lastError: null });
    expect(row?.sentAt).toBeTruthy();

    // The delivery job has completed; running the handler again (a duplicate run) sends nothing.
    await t.platform.mailer.deliver(id, { isLastAttempt: false });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(smtp.messages.filter((m) => m.to.includes('ada@example.test'))).toHaveLength(1);
  });
});

describe('mailer while the SMTP server is down', () => {
  let port: number;
  let smtp: TestSmtpServer | undefined;
  let t: TestApp;
  beforeAll(async () => {
    port = await freePort();
    t = await buildTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close();
    await smtp?.close();
  });

  it('keeps the mail queued, retries, and delivers it once when the server is back', async () => {
    const link = `${t.config.publicUrl}/reset-password?token=later`;
    const id = await t.platform.mailer.send(t.platform.database.db, { to: 'bob@example.test', template: 'reset-password', data: { username: 'bob', link } });

    await vi.waitFor(async () => expect((await outboxRow(t, id))?.attempts).toBeGreaterThanOrEqual(1), waitLong);
    const waiting = await outboxRow(t, id);
    expect(waiting?.status).toBe('queued');
    expect(waiting?.lastError).toMatch(/ECONNREFUSED|connect/i);

    smtp = await startSmtpServer({ port });
    const mail = await smtp.waitFor((m) => m.to.includes('bob@example.test'), 15_000);
    expect(mail.text).toContain(link);
    await vi.waitFor(async () => expect((await outboxRow(t, id))?.status).toBe('sent'), waitLong);
    expect(t.platform.jobs.stats()[mailDeliverQueue]?.retry).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(smtp.messages).toHaveLength(1);
  });
});

describe('mailer without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('leaves the mail in the outbox, status stored', async () => {
    const id = await t.platform.mailer.send(t.platform.database.db, { to: 'cleo@example.test', template: 'password-changed', data: { username: 'cleo' } });
    await vi.waitFor(async () => expect((await outboxRow(t, id))?.status).toBe('stored'), waitLong);
    expect(await deliveryJobCount(t, id)).toBe(1);
  });

  it('writes neither an outbox row nor a job when the transaction rolls back', async () => {
    let id = '';
    await expect(
      t.platform.database.db.transaction(async (tx) => {
        id = await t.platform.mailer.send(tx, { to: 'dan@example.test', template: 'account-deleted', data: { username: 'dan' } });
        throw new Error('the account deletion failed');
      }),
    ).rejects.toThrow('the account deletion failed');
    expect(id).not.toBe('');
    expect(await outboxRow(t, id)).toBeUndefined();
    expect(await deliveryJobCount(t, id)).toBe(0);
  });

  it('stores the html escaped', async () => {
    const id = await t.platform.mailer.send(t.platform.database.db, {
      to: 'eve@example.test',
      template: 'verify-email',
      data: { username: '<script>alert(1)</script>', link: `${t.config.publicUrl}/verify-email?token=x` },
    });
    const row = await outboxRow(t, id);
    expect(row?.html).not.toContain('<script>');
    expect(row?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lists the outbox newest first, filtered by address', async () => {
    const db = t.platform.database.db;
    await t.platform.mailer.send(db, { to: 'fay@example.test', template: 'password-changed', data: { username: 'fay' } });
    await t.platform.mailer.send(db, { to: 'fay@example.test', template: 'account-deleted', data: { username: 'fay' } });
    const rows = await listMail(db, { limit: 10, to: 'fay@example.test' });
    expect(rows.map((r) => r.template)).toEqual(['account-deleted', 'password-changed']);
    expect(await listMail(db, { limit: 1 })).toHaveLength(1);
    const page = await t.platform.mailer.listOutbox({ limit: 5, to: 'fay@example.test' });
    expect(page[0]).toMatchObject({ to: 'fay@example.test', template: 'account-deleted', lastError: null });
    expect(new Date(page[0]?.createdAt as string).toISOString()).toBe(page[0]?.createdAt);
  });
});
