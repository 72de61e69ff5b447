import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, sessionCookieFrom, type TestUser } from '../../../test/factories.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  await makeUser(t, { role: 'admin' });
});
afterAll(() => t.close());

/** Opens the user's realtime socket and resolves once the server said hello; `closed` resolves with the close code. */
async function connect(cookie: string) {
  const socket = new WebSocket(`ws://${base}/api/realtime`, { headers: { cookie, origin: `http://${base}` } });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.on('message', (raw) => {
      if (JSON.parse(String(raw)).type === 'hello') resolve();
    });
    socket.on('error', reject);
  });
  return { socket, closed };
}

const stillOpen = async (socket: WebSocket) => {
  await new Promise((r) => setTimeout(r, 150));
  return socket.readyState === WebSocket.OPEN;
};

describe('ending sessions closes their realtime sockets', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await makeUser(t);
  });

  it('log-out closes that session’s socket only', async () => {
    const other = sessionCookieFrom(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.email, password: user.password } }));
    const mine = await connect(user.cookie);
    const theirs = await connect(other);
    await user.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(await mine.closed).toBe(4001);
    expect(await stillOpen(theirs.socket)).toBe(true);
    theirs.socket.close();
  });

  it('changing the password closes the other sessions’ sockets, revoking one closes it, deleting the account closes all', async () => {
    const cook = await makeUser(t);
    const second = sessionCookieFrom(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: cook.email, password: cook.password } }));
    const here = await connect(cook.cookie);
    const there = await connect(second);
    await cook.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: cook.password, newPassword: 'simmered for hours, gently' } });
    expect(await there.closed).toBe(4001);
    expect(await stillOpen(here.socket)).toBe(true);

    const third = sessionCookieFrom(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: cook.email, password: 'simmered for hours, gently' } }));
    const thirdSocket = await connect(third);
    const target = (await cook.inject({ url: '/api/me/sessions' })).json().find((s: { current: boolean }) => !s.current);
    await cook.inject({ method: 'DELETE', url: `/api/me/sessions/${target.id}` });
    expect(await thirdSocket.closed).toBe(4001);

    await cook.inject({ method: 'DELETE', url: '/api/me', payload: { password: 'simmered for hours, gently' } });
    expect(await here.closed).toBe(4001);
  });
});
