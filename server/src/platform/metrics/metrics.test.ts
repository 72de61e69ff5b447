import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { registerNotFound, registerProblemHandler } from '../problem.js';
import { Metrics } from './metrics.js';
import { registerMetrics } from './metrics.routes.js';

interface Sample {
  value: number;
  labels: Record<string, string | number>;
  metricName?: string;
}

async function samples(metrics: Metrics, name: string): Promise<Sample[]> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  return (await metric.get()).values as Sample[];
}

async function sampleValue(metrics: Metrics, name: string, labels: Record<string, string>, metricName = name): Promise<number> {
  const found = (await samples(metrics, name)).find(
    (s) => (s.metricName ?? name) === metricName && Object.entries(labels).every(([k, v]) => String(s.labels[k]) === v),
  );
  return found?.value ?? 0;
}

/** A bare app with the metrics hooks and route, a parameterised route and a failing one. */
async function buildMetricsApp(metrics: Metrics, token?: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerProblemHandler(app);
  registerMetrics(app, { metrics, token });
  app.get('/api/me/sessions/:id', async (request) => ({ id: (request.params as { id: string }).id }));
  app.get('/api/explodes', async () => {
    throw new Error('database on fire');
  });
  registerNotFound(app);
  await app.ready();
  return app;
}

const scrapeToken = 'scrape-token-0123456789abcdef';

describe('HTTP metrics', () => {
  let app: FastifyInstance;
  const metrics = new Metrics();

  beforeAll(async () => {
    app = await buildMetricsApp(metrics);
  });
  afterAll(() => app.close());

  it('times requests by route template, not by raw URL', async () => {
    for (const id of ['s1', 's2', 's3']) expect((await app.inject({ url: `/api/me/sessions/${id}` })).statusCode).toBe(200);
    const labels = { method: 'GET', route: '/api/me/sessions/:id', status_code: '200' };
    expect(await sampleValue(metrics, 'http_request_duration_seconds', labels, 'http_request_duration_seconds_count')).toBe(3);
    expect(await sampleValue(metrics, 'http_request_duration_seconds', labels, 'http_request_duration_seconds_sum')).toBeGreaterThan(0);
    const routes = (await samples(metrics, 'http_request_duration_seconds')).map((s) => String(s.labels.route));
    expect(routes.some((route) => route.includes('s1'))).toBe(false);

    const text = (await app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/api\/me\/sessions\/:id"[^}]*\} 3/);
  });

  it('labels unmatched requests not_found', async () => {
    await app.inject({ url: '/api/no/such/thing/42' });
    expect(await sampleValue(metrics, 'http_request_duration_seconds', { route: 'not_found', status_code: '404' }, 'http_request_duration_seconds_count')).toBe(1);
  });

  it('counts 5xx responses as errors of their route', async () => {
    const before = await sampleValue(metrics, 'http_errors_total', { route: '/api/explodes' });
    const res = await app.inject({ url: '/api/explodes' });
    expect(res.statusCode).toBe(500);
    expect(await sampleValue(metrics, 'http_errors_total', { route: '/api/explodes' })).toBe(before + 1);
    expect(await sampleValue(metrics, 'http_errors_total', { route: '/api/me/sessions/:id' })).toBe(0);
  });

  it('counts jobs by queue and state', async () => {
    metrics.countJob('mail', 'completed');
    metrics.countJob('mail', 'completed');
    metrics.countJob('mail', 'failed');
    expect(await sampleValue(metrics, 'jobs_total', { queue: 'mail', state: 'completed' })).toBe(2);
    expect(await sampleValue(metrics, 'jobs_total', { queue: 'mail', state: 'failed' })).toBe(1);
  });
});

describe('GET /metrics with a token', () => {
  it('answers 401 problem+json without the bearer token or with a wrong one', async () => {
    const app = await buildMetricsApp(new Metrics(), scrapeToken);
    try {
      const missing = await app.inject({ url: '/metrics' });
      expect(missing.statusCode).toBe(401);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.headers['www-authenticate']).toContain('Bearer');
      expect(missing.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
      for (const authorization of [`Bearer ${scrapeToken.replace('0', '1')}`, `Basic ${scrapeToken}`, `Bearer ${scrapeToken}x`, 'Bearer']) {
        expect((await app.inject({ url: '/metrics', headers: { authorization } })).statusCode).toBe(401);
      }
      const scraped = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${scrapeToken}` } });
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('# TYPE jobs_total counter');
    } finally {
      await app.close();
    }
  });
});

describe('GET /metrics in the assembled app', () => {
  const token = scrapeToken;
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { METRICS_TOKEN: token } });
  });
  afterAll(() => t.close());

  it('requires the bearer token when METRICS_TOKEN is set', async () => {
    const missing = await t.app.inject({ url: '/metrics' });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.headers['www-authenticate']).toContain('Bearer');
    expect(missing.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token.replace('0', '1')}` } });
    expect(wrong.statusCode).toBe(401);

    const scraped = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers['content-type']).toContain('text/plain');
    expect(scraped.body).toContain('# TYPE http_request_duration_seconds histogram');
    expect(scraped.body).toContain('process_cpu_user_seconds_total');
    expect(scraped.body).toContain('nodejs_heap_size_used_bytes');
  });

  it('counts cache hits and misses of the platform cache', async () => {
    const { cache, metrics } = t.platform;
    const hitsBefore = await sampleValue(metrics, 'cache_lookups_total', { result: 'hit' });
    const missesBefore = await sampleValue(metrics, 'cache_lookups_total', { result: 'miss' });
    await cache.set('metrics-test', { warm: true }, 60_000);
    await cache.get('metrics-test');
    await cache.get('metrics-test');
    await cache.get('metrics-test-absent');
    expect(await sampleValue(metrics, 'cache_lookups_total', { result: 'hit' })).toBe(hitsBefore + 2);
    expect(await sampleValue(metrics, 'cache_lookups_total', { result: 'miss' })).toBe(missesBefore + 1);
    expect(await metrics.registry.getSingleMetricAsString('cache_lookups_total')).toMatch(/cache_lookups_total\{result="hit"\} \d+/);
  });

  it('keeps a registry per app, so several apps in one process do not collide', async () => {
    const other = await buildTestApp();
    try {
      await other.app.inject({ url: '/healthz' });
      const open = await other.app.inject({ url: '/metrics' });
      expect(open.statusCode).toBe(200);
      expect(open.body).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*\} 1\n/);
      expect(other.platform.metrics.registry).not.toBe(t.platform.metrics.registry);
    } finally {
      await other.close();
    }
  });
});
