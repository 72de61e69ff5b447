import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { latestMailTo, makeUser, sessionCookieFrom } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await makeUser(t, { role: 'admin' });
});
afterAll(() => t.close());

const logIn = (login: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password }, remoteAddress: `10.3.0.${Math.floor(Math.random() * 250)}` });

describe('change password', () => {
  it('needs the current password and ends the other sessions only', async () => {
    const user = await makeUser(t);
    const other = sessionCookieFrom(await logIn(user.email, user.password));
    const wrong = await user.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'nope nope nope', newPassword: 'a brand new passphrase' } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password', errors: [{ field: 'currentPassword' }] });
    const weak = await user.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: user.password, newPassword: 'qwertyuiop' } });
    expect(weak.json()).toMatchObject({ code: 'weak_password', errors: [{ field: 'newPassword' }] });
    const ok = await user.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: user.password, newPassword: 'a brand new passphrase' } });
    expect(ok.statusCode).toBe(204);
    expect((await user.inject({ url: '/api/me' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await latestMailTo(t, user.email))?.template).toBe('password-changed');
  });
});

describe('profile and preferences', () => {
  it('changes the display name and unit system, and /api/me shows them', async () => {
    const user = await makeUser(t);
    expect((await user.inject({ url: '/api/me' })).json()).toMatchObject({ unitSystem: 'metric' });
    const changed = await user.inject({ method: 'PATCH', url: '/api/me', payload: { displayName: '  Ada L. ', unitSystem: 'us' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ displayName: 'Ada L.', unitSystem: 'us', username: user.username });
    expect((await user.inject({ url: '/api/me' })).json()).toMatchObject({ displayName: 'Ada L.', unitSystem: 'us' });
    const cleared = await user.inject({ method: 'PATCH', url: '/api/me', payload: { displayName: '' } });
    expect(cleared.json()).toMatchObject({ displayName: null, unitSystem: 'us' });
  });

  it('refuses bad input and anonymous callers, changing nothing', async () => {
    const user = await makeUser(t);
    for (const payload of [{}, { unitSystem: 'imperial' }, { displayName: 'x'.repeat(81) }]) {
      const bad = await user.inject({ method: 'PATCH', url: '/api/me', payload });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
    expect((await user.inject({ url: '/api/me' })).json()).toMatchObject({ unitSystem: 'metric' });
    const anonymous = await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { unitSystem: 'us' } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('lists my live sessions, marks this one, and revokes another', async () => {
    const user = await makeUser(t);
    const second = sessionCookieFrom(await logIn(user.username, user.password));
    const list = (await user.inject({ url: '/api/me/sessions' })).json();
    expect(list).toHaveLength(2);
    expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const target = list.find((s: { current: boolean }) => !s.current);
    expect((await user.inject({ method: 'DELETE', url: `/api/me/sessions/${target.id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: second } })).statusCode).toBe(401);
    expect((await user.inject({ url: '/api/me/sessions' })).json()).toHaveLength(1);
  });

  it('refuses a malformed id, and a stranger cannot see or revoke my sessions', async () => {
    const owner = await makeUser(t);
    const stranger = await makeUser(t);
    const bad = await owner.inject({ method: 'DELETE', url: '/api/me/sessions/not-a-session' });
    expect(bad.statusCode).toBe(400);
    const [mine] = (await owner.inject({ url: '/api/me/sessions' })).json();
    const theirs = (await stranger.inject({ url: '/api/me/sessions' })).json();
    expect(theirs.map((s: { id: string }) => s.id)).not.toContain(mine.id);
    const res = await stranger.inject({ method: 'DELETE', url: `/api/me/sessions/${mine.id}` });
    expect(res.statusCode).toBe(404);
    expect((await owner.inject({ url: '/api/me' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me/sessions' })).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, authenticate with Bearer and record their last use', async () => {
    const user = await makeUser(t);
    const created = await user.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'Home Assistant', scopes: ['read'] } });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token.startsWith(prefix)).toBe(true);
    const { rows } = await t.platform.database.executeSql('select token_hash from api_tokens where id = $1', [id]);
    expect(rows[0].token_hash).not.toContain(token);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(user.id);
    const list = (await user.inject({ url: '/api/me/tokens' })).json();
    expect(list).toEqual([expect.objectContaining({ id, name: 'Home Assistant', scopes: ['read'], lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(list)).not.toContain(token);
  });

  it('a read token cannot write; a write token can; a revoked token is refused', async () => {
    const user = await makeUser(t);
    const read = (await user.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'reader', scopes: ['read'] } })).json();
    const write = (await user.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'writer', scopes: ['write'] } })).json();
    expect(write.scopes).toEqual(['read', 'write']);
    const denied = await t.app.inject({ method: 'POST', url: '/api/auth/resend-verification', headers: { authorization: `Bearer ${read.token}` } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('insufficient_scope');
    const allowed = await t.app.inject({ method: 'POST', url: '/api/auth/resend-verification', headers: { authorization: `Bearer ${write.token}` } });
    expect(allowed.statusCode).toBe(202);
    const tokenCannotMintTokens = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: { authorization: `Bearer ${write.token}` }, payload: { name: 'x', scopes: ['read'] } });
    expect(tokenCannotMintTokens.json().code).toBe('session_required');
    expect((await user.inject({ method: 'DELETE', url: `/api/me/tokens/${read.id}` })).statusCode).toBe(204);
    const revoked = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${read.token}` } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('invalid_token');
  });

  it('rejects bad input, and a stranger cannot list or revoke my tokens', async () => {
    const owner = await makeUser(t);
    const stranger = await makeUser(t);
    const bad = await owner.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: '', scopes: ['admin'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name']));
    const mine = (await owner.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'mine', scopes: ['read'] } })).json();
    expect((await stranger.inject({ url: '/api/me/tokens' })).json()).toEqual([]);
    expect((await stranger.inject({ method: 'DELETE', url: `/api/me/tokens/${mine.id}` })).statusCode).toBe(404);
    expect((await owner.inject({ method: 'DELETE', url: '/api/me/tokens/not-a-uuid' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${mine.token}` } })).statusCode).toBe(200);
  });
});

describe('delete account', () => {
  it('needs the password; then the account is blocked at once, sessions and tokens end, personal data erased', async () => {
    const user = await makeUser(t);
    const token = (await user.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'cli', scopes: ['read'] } })).json().token;
    const wrong = await user.inject({ method: 'DELETE', url: '/api/me', payload: { password: 'wrong wrong wrong' } });
    expect(wrong.json()).toMatchObject({ code: 'wrong_password', errors: [{ field: 'password' }] });
    const res = await user.inject({ method: 'DELETE', url: '/api/me', payload: { password: user.password } });
    expect(res.statusCode).toBe(204);
    expect((await user.inject({ url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await logIn(user.email, user.password)).statusCode).toBe(401);
    const { rows } = await t.platform.database.executeSql('select email, username, status from users where id = $1', [user.id]);
    expect(rows[0]).toMatchObject({ status: 'deleted' });
    expect(rows[0].email).not.toBe(user.email);
    expect((await latestMailTo(t, user.email))?.template).toBe('account-deleted');
  });
});
