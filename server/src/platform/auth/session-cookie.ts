import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/**
 * Over HTTPS the cookie is `__Host-tavola_session` (Secure, Path=/, no Domain: bound to this exact
 * origin). Browsers refuse `__Host-` cookies without Secure, so plain-HTTP development uses
 * `tavola_session` with the same HttpOnly and SameSite=Lax.
 */
export const SECURE_COOKIE = '__Host-tavola_session';
export const PLAIN_COOKIE = 'tavola_session';

export function isSecureRequest(request: FastifyRequest, config: Config): boolean {
  return request.protocol === 'https' || config.publicUrl.startsWith('https://');
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[SECURE_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config, value: string, maxAgeMs: number): void {
  const secure = isSecureRequest(request, config);
  reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, config: Config): void {
  const secure = isSecureRequest(request, config);
  reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
