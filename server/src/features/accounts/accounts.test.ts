import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { latestMailTo, makeUser, sessionCookieFrom, sessionState, tokenFromLink } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ argv: ['--admin', 'chef@example.test'] });
});
afterAll(() => t.close());

let ip = 0;
const signUp = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/auth/signup', payload, remoteAddress: `10.1.0.${++ip}` });
const logIn = (login: string, password: string, remoteAddress = `10.2.0.${++ip}`) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress });

describe('sign-up', () => {
  it('makes the first account an admin, sends a verification mail and logs in', async () => {
    const res = await signUp({ email: 'First@Example.test', username: 'first_cook', password: 'a long risotto evening' });
    expect(res.statusCode).toBe(201);
    const me = res.json();
    expect(me).toMatchObject({ email: 'first@example.test', username: 'first_cook', role: 'admin', emailVerified: false });
    const cookie = res.cookies.find((c) => c.name === 'tavola_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value).toMatch(/^[\w-]{22}$/);
    const mail = await latestMailTo(t, 'first@example.test', 'verify-email');
    expect(mail?.text).toContain(`${t.config.publicUrl}/verify-email?token=`);
    const state = await sessionState(t, sessionCookieFrom(res));
    expect(state.user?.id).toBe(me.id);
    expect(state.csrfToken).toBeTruthy();
  });

  it('makes later accounts plain users, and the --admin email an admin', async () => {
    const plain = await signUp({ email: 'second@example.test', username: 'second', password: 'a long risotto evening' });
    expect(plain.json().role).toBe('user');
    const chef = await signUp({ email: 'chef@example.test', username: 'chef', password: 'a long risotto evening' });
    expect(chef.json().role).toBe('admin');
  });

  it('rejects bad input with the fields named, and writes nothing', async () => {
    const res = await signUp({ email: 'not-an-email', username: 'x', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password', 'username']);
    const { rows } = await t.platform.database.executeSql("select count(*)::int as n from users where email = 'not-an-email'");
    expect(rows[0].n).toBe(0);
  });

  it('applies the password policy: 8..128 characters, common passwords refused, no truncation', async () => {
    const short = await signUp({ email: 's1@example.test', username: 'short1', password: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'weak_password', errors: [{ field: 'password' }] });
    const common = await signUp({ email: 's2@example.test', username: 'short2', password: 'Password1' });
    expect(common.json().code).toBe('weak_password');
    const tooLong = await signUp({ email: 's3@example.test', username: 'short3', password: 'x'.repeat(129) });
    expect(tooLong.json().code).toBe('weak_password');
    const long = 'ä'.repeat(100) + 'suffix-that-matters!'.repeat(1);
    const ok = await signUp({ email: 's4@example.test', username: 'short4', password: long });
    expect(ok.statusCode).toBe(201);
    expect((await logIn('short4', long.slice(0, 110))).statusCode).toBe(401);
    expect((await logIn('short4', long)).statusCode).toBe(200);
  });

  it('refuses a taken email or username (case-insensitive)', async () => {
    const res = await signUp({ email: 'SECOND@example.test', username: 'Second', password: 'a long risotto evening' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'username']);
  });
});

describe('email verification', () => {
  it('verifies with the mailed link once; a used or unknown token is refused', async () => {
    const user = await makeUser(t);
    const token = tokenFromLink((await latestMailTo(t, user.email, 'verify-email'))?.text ?? '');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(res.statusCode).toBe(200);
    expect(res.json().emailVerified).toBe(true);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });

  it('resends a verification mail to a logged-in unverified user, superseding the old link', async () => {
    const user = await makeUser(t);
    const first = tokenFromLink((await latestMailTo(t, user.email, 'verify-email'))?.text ?? '');
    const res = await user.inject({ method: 'POST', url: '/api/auth/resend-verification' });
    expect(res.statusCode).toBe(202);
    const second = tokenFromLink((await latestMailTo(t, user.email, 'verify-email'))?.text ?? '');
    expect(second).not.toBe(first);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: first } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: second } })).statusCode).toBe(200);
    expect((await user.inject({ method: 'POST', url: '/api/auth/resend-verification' })).json().code).toBe('already_verified');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/resend-verification' })).statusCode).toBe(401);
  });
});

describe('log-in and log-out', () => {
  it('logs in by email or username with a new session id each time', async () => {
    const user = await makeUser(t);
    const a = await logIn(user.email.toUpperCase(), user.password);
    const b = await logIn(user.username, user.password);
    expect(a.statusCode).toBe(200);
    expect(sessionCookieFrom(a)).not.toBe(sessionCookieFrom(b));
    expect(sessionCookieFrom(a)).not.toBe(user.cookie);
  });

  it('answers an unknown login and a wrong password the same way', async () => {
    const user = await makeUser(t);
    const wrong = await logIn(user.email, 'not the password at all');
    const unknown = await logIn('nobody@example.test', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('replaces the session a browser already had (no session fixation)', async () => {
    const user = await makeUser(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.email, password: user.password }, headers: { cookie: user.cookie, 'x-csrf-token': user.csrfToken } });
    expect(res.statusCode).toBe(200);
    expect((await sessionState(t, user.cookie)).user).toBeNull();
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const user = await makeUser(t);
    const res = await user.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'tavola_session')?.value).toBe('');
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('mails a one-time link; resetting ends every session and the new password works', async () => {
    const user = await makeUser(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: user.email } });
    expect(res.statusCode).toBe(202);
    const token = tokenFromLink((await latestMailTo(t, user.email, 'reset-password'))?.text ?? '');
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password: 'password' } });
    expect(weak.json().code).toBe('weak_password');
    const reset = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password: 'new slow-cooked ragù' } });
    expect(reset.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: user.cookie } })).statusCode).toBe(401);
    expect((await logIn(user.email, user.password)).statusCode).toBe(401);
    expect((await logIn(user.email, 'new slow-cooked ragù')).statusCode).toBe(200);
    const reuse = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password: 'another good passphrase' } });
    expect(reuse.json().code).toBe('invalid_token');
    expect((await latestMailTo(t, user.email))?.template).toBe('password-changed');
  });

  it('gives the same answer for an unknown email and sends nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: 'ghost@example.test' } });
    expect(res.statusCode).toBe(202);
    expect(await latestMailTo(t, 'ghost@example.test')).toBeUndefined();
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: 'ghost' } });
    expect(bad.statusCode).toBe(400);
  });
});
