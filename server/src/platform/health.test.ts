import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('health and errors', () => {
  it('reports liveness and readiness of the database', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe('ok');
  });

  it('answers unknown routes with problem+json and a request id', async () => {
    const res = await t.app.inject({ url: '/api/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 404, code: 'not_found', title: 'Not Found' });
    expect(body.requestId).toBe(res.headers['x-request-id']);
  });

  it('sets the security headers explicitly', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    const missing = await t.app.inject({ url: '/api/no-such-route' });
    expect(missing.headers['content-security-policy']).toBe(csp);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('web client', () => {
  it('serves the built client and falls back to index.html for client routes', async () => {
    const { buildApp } = await import('../app.js');
    const app = await buildApp(t.platform, { serveWeb: true, logger: false });
    const home = await app.inject({ url: '/account/settings' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.body).toContain('<div id="root">');
    const api = await app.inject({ url: '/api/missing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('not_found');
    await app.close();
  });
});

describe('internal errors', () => {
  it('answers 500 with a request id and no internal text', async () => {
    const { buildApp } = await import('../app.js');
    const app = await buildApp(t.platform, { logger: false });
    app.get('/api/explode', async () => {
      throw new Error('relation "secret_table" does not exist at select * from secret_table');
    });
    const res = await app.inject({ url: '/api/explode' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret_table');
    expect(res.body).not.toContain('at ');
    expect(res.json()).toMatchObject({ code: 'internal_error', requestId: res.headers['x-request-id'] });
    await app.close();
  });

  it('answers malformed JSON and wrong content types with problem+json', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('bad_request');
    const form = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'login=a' });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe('unsupported_media_type');
  });
});

describe('readiness when a dependency is down', () => {
  it('answers 503 naming the database or Redis that does not answer', async () => {
    const { buildApp } = await import('../app.js');
    const down = async () => {
      throw new Error('connection refused');
    };
    const app = await buildApp({ ...t.platform, database: { ...t.platform.database, executeSql: down }, pingRedis: down }, { logger: false });
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', checks: { database: 'down', redis: 'down' } });
    await app.close();
  });
});

describe('web client not built', () => {
  it('still answers API 404s as problem+json', async () => {
    const Fastify = (await import('fastify')).default;
    const { registerWebClient } = await import('./web-client.js');
    const app = Fastify({ logger: false });
    await registerWebClient(app, '/nonexistent/dist');
    const res = await app.inject({ url: '/recipes' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    await app.close();
  });
});
