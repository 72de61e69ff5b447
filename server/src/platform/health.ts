import type { FastifyInstance } from 'fastify';
import type { Platform } from './platform.js';

/** Liveness (the process answers) and readiness (its database and Redis answer). */
export function registerHealthRoutes(app: FastifyInstance, platform: Platform): void {
  app.get('/healthz', { config: { rateLimit: false } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { rateLimit: false } }, async (_request, reply) => {
    const checks: Record<string, 'ok' | 'down'> = {};
    try {
      await platform.database.executeSql('select 1', []);
      checks.database = 'ok';
    } catch {
      checks.database = 'down';
    }
    if (platform.pingRedis) {
      try {
        await platform.pingRedis();
        checks.redis = 'ok';
      } catch {
        checks.redis = 'down';
      }
    }
    const ready = Object.values(checks).every((c) => c === 'ok');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
  });
}
