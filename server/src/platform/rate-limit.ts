import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import type { Platform } from './platform.js';

/** Per account when logged in, per IP otherwise. */
export function rateLimitKey(request: FastifyRequest): string {
  return request.auth ? `user:${request.auth.user.id}` : `ip:${request.ip}`;
}

/**
 * The global limit runs as a preHandler, after the auth hook, so it can count per account.
 * Routes tighten it with `config: { rateLimit: authRouteLimit(platform) }`.
 * The store is in-process, or Redis when REDIS_URL is set (shared by every instance).
 */
export async function registerRateLimit(app: FastifyInstance, platform: Platform): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: platform.config.rateLimit.perMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    redis: platform.redis,
    nameSpace: `${platform.config.redisPrefix}rl:`,
    skipOnError: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', context.statusCode, `Too many requests; try again in ${context.after}`),
  });
}

/** Sign-up, log-in and password reset: a tight limit per IP, whoever is logged in. */
export function authRouteLimit(platform: Platform) {
  return {
    max: platform.config.rateLimit.authPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `auth-ip:${request.ip}`,
  };
}
