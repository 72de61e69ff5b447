import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Seconds: from a fast cached read to a slow report. */
const httpDurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route label of requests no route matched (bounded cardinality: never the raw URL). */
export const unmatchedRoute = 'not_found';

/**
 * The application's Prometheus metrics, in a registry of its own (never prom-client's global
 * one: a process may build several apps, as the tests do). RED per route template, jobs, cache,
 * and the default Node.js process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly httpErrors: Counter<'route'>;
  private readonly jobs: Counter<'queue' | 'state'>;
  private readonly cacheLookups: Counter<'result'>;

  constructor() {
    const registers = [this.registry];
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: httpDurationBuckets,
      registers,
    });
    this.httpErrors = new Counter({
      name: 'http_errors_total',
      help: 'HTTP responses with a 5xx status, by route template',
      labelNames: ['route'],
      registers,
    });
    this.jobs = new Counter({
      name: 'jobs_total',
      help: 'Background jobs by queue and state reached',
      labelNames: ['queue', 'state'],
      registers,
    });
    this.cacheLookups = new Counter({
      name: 'cache_lookups_total',
      help: 'Cache reads by result',
      labelNames: ['result'],
      registers,
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** One finished HTTP request; `route` is the route template (`/api/me/sessions/:id`), or `unmatchedRoute`. */
  observeHttpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
    if (statusCode >= 500) this.httpErrors.inc({ route });
  }

  /**
   * A job reached `state` in `queue`. The jobs module calls it with pg-boss's states
   * (`created`, `retry`, `active`, `completed`, `cancelled`, `failed`); keep the set small.
   */
  countJob(queue: string, state: string): void {
    this.jobs.inc({ queue, state });
  }

  /** Fed by Cache.onLookup. */
  countCacheLookup(hit: boolean): void {
    this.cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
  }

  /** The Prometheus text exposition of every metric. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
