import type { FastifyInstance, FastifyRequest } from 'fastify';
import { safeEqual } from '../crypto.js';
import { AppError } from '../errors.js';
import { type Metrics, unmatchedRoute } from './metrics.js';

export interface MetricsRouteOptions {
  metrics: Metrics;
  /** config.metricsToken: when set, scrapes must send `Authorization: Bearer <token>`. */
  token?: string;
}

/**
 * Times every request by its route template (register on the root instance so the hook sees
 * every route) and serves GET /metrics in the Prometheus text format, outside rate limiting.
 * The auth plugin leaves paths outside /api/ alone, so the scrape token is checked here only.
 */
export function registerMetrics(app: FastifyInstance, { metrics, token }: MetricsRouteOptions): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? unmatchedRoute;
    metrics.observeHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { rateLimit: false } }, async (request, reply) => {
    if (token !== undefined && !presentsToken(request, token)) {
      throw new AppError('unauthenticated', 401, 'Send the metrics token as a Bearer token', undefined, {
        'www-authenticate': 'Bearer realm="metrics"',
      });
    }
    const exposition = await metrics.render();
    return reply.type(exposition.contentType).header('cache-control', 'no-store').send(exposition.body);
  });
}

function presentsToken(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] !== undefined && safeEqual(match[1], token);
}
