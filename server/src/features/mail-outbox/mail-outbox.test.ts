import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /api/admin/outbox', () => {
  it('answers 401 problem+json to an anonymous request', async () => {
    const res = await t.app.inject({ url: '/api/admin/outbox' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('shows an admin the mails, newest first, filtered by address and limited', async () => {
    const admin = await makeUser(t, { role: 'admin' });
    const cook = await makeUser(t);
    await t.platform.mailer.send(t.platform.database.db, { to: cook.email, template: 'password-changed', data: { username: cook.username } });

    const res = await admin.inject({ url: `/api/admin/outbox?to=${encodeURIComponent(cook.email)}` });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((m: { template: string }) => m.template)).toEqual(['password-changed', 'verify-email']);
    expect(items[1]).toMatchObject({ to: cook.email, subject: 'Confirm your email address', attempts: expect.any(Number), lastError: null });
    expect(items[1].text).toContain(`${t.config.publicUrl}/verify-email?token=`);

    const one = await admin.inject({ url: '/api/admin/outbox?limit=1' });
    expect(one.json().items).toHaveLength(1);
    const tooMany = await admin.inject({ url: '/api/admin/outbox?limit=1000' });
    expect(tooMany.statusCode).toBe(400);
  });

  it('refuses a user who is not an admin', async () => {
    const cook = await makeUser(t, { role: 'user' });
    const res = await cook.inject({ url: '/api/admin/outbox' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });
});
