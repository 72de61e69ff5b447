import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await makeUser(t, { role: 'admin' });
});
afterAll(() => t.close());

describe('admin: users and roles', () => {
  it('lists and searches users', async () => {
    const cook = await makeUser(t, { username: 'pasta_maker' });
    const all = await admin.inject({ url: '/api/admin/users' });
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([admin.id, cook.id]));
    const found = (await admin.inject({ url: '/api/admin/users?q=PASTA' })).json().items;
    expect(found.map((u: { id: string }) => u.id)).toEqual([cook.id]);
    expect((await admin.inject({ url: '/api/admin/users?q=%25' })).json().items).toEqual([]);
    expect((await admin.inject({ url: '/api/admin/users?limit=0' })).statusCode).toBe(400);
  });

  it('changes a role, ends that user’s sessions and audits it', async () => {
    const cook = await makeUser(t);
    const res = await admin.inject({ method: 'PATCH', url: `/api/admin/users/${cook.id}`, payload: { role: 'moderator' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('moderator');
    expect((await cook.inject({ url: '/api/me' })).statusCode).toBe(401);
    const audit = (await admin.inject({ url: `/api/admin/audit?action=admin.role_changed` })).json().items;
    expect(audit[0]).toMatchObject({ actorId: admin.id, targetId: cook.id, diff: { role: ['user', 'moderator'] } });
  });

  it('keeps the last admin', async () => {
    const solo = await buildTestApp();
    try {
      const only = await makeUser(solo, { role: 'admin' });
      const res = await only.inject({ method: 'PATCH', url: `/api/admin/users/${only.id}`, payload: { role: 'user' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('last_admin');
    } finally {
      await solo.close();
    }
  });

  it('rejects bad input', async () => {
    expect((await admin.inject({ method: 'PATCH', url: `/api/admin/users/${admin.id}`, payload: { role: 'emperor' } })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'PATCH', url: '/api/admin/users/nope', payload: { role: 'user' } })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'PATCH', url: '/api/admin/users/00000000-0000-4000-8000-000000000000', payload: { role: 'user' } })).statusCode).toBe(404);
    expect((await admin.inject({ url: '/api/admin/audit?actorId=zzz' })).statusCode).toBe(400);
  });

  it('is closed to strangers: users and moderators get 403, anonymous 401', async () => {
    const cook = await makeUser(t);
    const moderator = await makeUser(t, { role: 'moderator' });
    for (const who of [cook, moderator]) {
      expect((await who.inject({ url: '/api/admin/users' })).statusCode).toBe(403);
      expect((await who.inject({ url: '/api/admin/audit' })).statusCode).toBe(403);
      const escalate = await who.inject({ method: 'PATCH', url: `/api/admin/users/${who.id}`, payload: { role: 'admin' } });
      expect(escalate.statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/admin/users' })).statusCode).toBe(401);
    const { rows } = await t.platform.database.executeSql('select role from users where id = $1', [cook.id]);
    expect(rows[0].role).toBe('user');
  });

  it('pages the audit log newest first', async () => {
    const first = (await admin.inject({ url: '/api/admin/audit?limit=2' })).json().items;
    expect(first).toHaveLength(2);
    expect(first[0].id).toBeGreaterThan(first[1].id);
    const next = (await admin.inject({ url: `/api/admin/audit?limit=2&before=${first[1].id}` })).json().items;
    expect(next[0].id).toBeLessThan(first[1].id);
  });
});

describe('--admin EMAIL', () => {
  it('promotes an existing account when the app starts', async () => {
    const cook = await makeUser(t);
    const app = await buildApp({ ...t.platform, config: { ...t.config, adminEmail: cook.email } }, { logger: false });
    await app.ready();
    await app.close();
    const { rows } = await t.platform.database.executeSql('select role from users where id = $1', [cook.id]);
    expect(rows[0].role).toBe('admin');
  });
});
