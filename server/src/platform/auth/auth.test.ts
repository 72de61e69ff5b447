import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, sessionCookieFrom } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await makeUser(t, { role: 'admin' });
});
afterAll(() => t.close());

describe('CSRF and cross-site writes', () => {
  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one', async () => {
    const user = await makeUser(t);
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/resend-verification', headers: { cookie: user.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/resend-verification', headers: { cookie: user.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expect(wrong.json().code).toBe('csrf_failed');
    expect((await user.inject({ method: 'POST', url: '/api/auth/resend-verification' })).statusCode).toBe(202);
  });

  it('refuses unsafe requests from another origin, even anonymous ones', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { login: 'a', password: 'b' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('cross_origin_refused');
    const fetchMeta = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'sec-fetch-site': 'cross-site' }, payload: { login: 'a', password: 'b' } });
    expect(fetchMeta.json().code).toBe('cross_origin_refused');
    const same = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: t.config.publicUrl }, payload: { login: 'a', password: 'b' } });
    expect(same.statusCode).toBe(401);
  });

  it('does not answer CORS preflights with an allow-origin', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/me', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('sessions expire', () => {
  it('ends a session idle for longer than the idle limit', async () => {
    const user = await makeUser(t);
    const idleHours = t.config.session.idleMs / 3600_000 + 1;
    await t.platform.database.executeSql(`update sessions set last_seen_at = now() - interval '${idleHours} hours' where user_id = $1`, [user.id]);
    expect((await user.inject({ url: '/api/me' })).statusCode).toBe(401);
    const { rows } = await t.platform.database.executeSql('select count(*)::int as n from sessions where user_id = $1', [user.id]);
    expect(rows[0].n).toBe(0);
  });

  it('ends a session past its absolute expiry even when in use', async () => {
    const user = await makeUser(t);
    await t.platform.database.executeSql("update sessions set expires_at = now() - interval '1 second' where user_id = $1", [user.id]);
    expect((await user.inject({ url: '/api/me' })).statusCode).toBe(401);
  });

  it('keeps an active session alive and moves its last-seen time', async () => {
    const user = await makeUser(t);
    await t.platform.database.executeSql("update sessions set last_seen_at = now() - interval '2 hours' where user_id = $1", [user.id]);
    expect((await user.inject({ url: '/api/me' })).statusCode).toBe(200);
    const { rows } = await t.platform.database.executeSql("select (last_seen_at > now() - interval '1 minute') as fresh from sessions where user_id = $1", [user.id]);
    expect(rows[0].fresh).toBe(true);
  });
});

describe('cookies over HTTPS', () => {
  it('uses a Secure __Host- cookie when the public URL is https', async () => {
    const secure = await buildTestApp({ env: { PUBLIC_URL: 'https://tavola.example' } });
    try {
      const res = await secure.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: 'tls@example.test', username: 'tls', password: 'over https only please' } });
      const cookie = res.cookies.find((c) => c.name === '__Host-tavola_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie).not.toHaveProperty('domain');
      const me = await secure.app.inject({ url: '/api/me', headers: { cookie: sessionCookieFrom(res) } });
      expect(me.statusCode).toBe(200);
    } finally {
      await secure.close();
    }
  });
});

describe('account lockout', () => {
  it('locks an account for an hour after 30 failures in 3 minutes, even for the right password', async () => {
    const user = await makeUser(t);
    for (let i = 0; i < 30; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.email, password: `wrong guess ${i}` }, remoteAddress: `10.5.${i}.1` });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.email, password: user.password }, remoteAddress: '10.6.0.1' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3500);
    const { rows } = await t.platform.database.executeSql("select count(*)::int as n from audit_log where action = 'auth.account_locked' and target_id = $1", [user.id]);
    expect(rows[0].n).toBe(1);
  });
});

describe('audit log', () => {
  it('records auth events and refuses to be changed', async () => {
    const user = await makeUser(t);
    const { rows } = await t.platform.database.executeSql("select action, ip from audit_log where actor_id = $1 and action = 'auth.signup'", [user.id]);
    expect(rows).toHaveLength(1);
    await expect(t.platform.database.executeSql('delete from audit_log where actor_id = $1', [user.id])).rejects.toThrow(/append-only/);
    await expect(t.platform.database.executeSql("update audit_log set action = 'x' where actor_id = $1", [user.id])).rejects.toThrow(/append-only/);
  });
});
