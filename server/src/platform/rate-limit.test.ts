import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { makeUser } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '25', AUTH_RATE_LIMIT_PER_MINUTE: '10' } });
});
afterAll(() => t.close());

describe('rate limits', () => {
  it('allows 10 log-in attempts a minute per IP, then answers 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: `who${i}`, password: 'whatever it is' }, remoteAddress: '10.7.0.1' });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().code).toBe('rate_limited');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const otherIp = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'who', password: 'whatever it is' }, remoteAddress: '10.7.0.2' });
    expect(otherIp.statusCode).toBe(401);
  });

  it('limits anonymous requests per IP', async () => {
    let last = 0;
    for (let i = 0; i < 26; i++) last = (await t.app.inject({ url: '/api/auth/session', remoteAddress: '10.8.0.1' })).statusCode;
    expect(last).toBe(429);
    expect((await t.app.inject({ url: '/api/auth/session', remoteAddress: '10.8.0.2' })).statusCode).toBe(200);
  });

  it('limits a logged-in account across IPs', async () => {
    const user = await makeUser(t);
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++) statuses.push((await user.inject({ url: '/api/me', remoteAddress: `10.9.1.${i}` })).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
  });
});
