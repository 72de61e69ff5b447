import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { safeEqual } from '../crypto.js';
import type { Platform } from '../platform.js';
import { readSessionCookie } from './session-cookie.js';
import { resolveApiToken, resolveSession } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function allowedOrigins(request: FastifyRequest, publicUrl: string): string[] {
  const own = `${request.protocol}://${request.host}`;
  return [new URL(publicUrl).origin, own];
}

/**
 * Resolves `request.auth` from `Authorization: Bearer <token>` or the session cookie, then guards
 * writes: cross-site unsafe requests are refused, cookie-authenticated writes need the session's
 * CSRF token in `x-csrf-token`, and read-only tokens cannot write.
 */
export function registerAuth(app: FastifyInstance, platform: Platform): void {
  const { db } = platform.database;
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    // Only the API knows users; /metrics, /healthz and the static client have their own rules.
    if (!request.url.startsWith('/api/')) return;
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe) {
      const origin = request.headers.origin;
      const crossSite = request.headers['sec-fetch-site'] === 'cross-site';
      if (crossSite || (origin && origin !== 'null' && !allowedOrigins(request, platform.config.publicUrl).includes(origin))) {
        throw new AppError('cross_origin_refused', 403, 'Requests from other sites are refused');
      }
    }

    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const auth = match ? await resolveApiToken(db, match[1] as string) : null;
      if (!auth) {
        throw new AppError('invalid_token', 401, 'The API token is invalid or revoked', undefined, { 'www-authenticate': 'Bearer error="invalid_token"' });
      }
      if (unsafe && !auth.scopes.includes('write')) throw new AppError('insufficient_scope', 403, 'This token can only read');
      request.auth = auth;
      return;
    }

    const cookie = readSessionCookie(request);
    if (!cookie) return;
    const auth = await resolveSession(db, platform.config, cookie);
    if (!auth) return;
    request.auth = auth;
    if (unsafe) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        throw new AppError('csrf_failed', 403, 'The CSRF token is missing or wrong; reload the page and try again');
      }
    }
  });
}
