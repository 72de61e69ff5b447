import type { FastifyRequest } from 'fastify';
import type { Role, TokenScope } from '@tavola/contracts/accounts';
import { forbidden, unauthenticated } from '../errors.js';

export interface AuthUser {
  id: string;
  email: string;
  username: string;
  displayName: string | null;
  unitSystem: 'metric' | 'us';
  role: Role;
  emailVerified: boolean;
  createdAt: Date;
}

/** Who made the request, resolved once per request by the auth plugin. */
export interface AuthContext {
  user: AuthUser;
  via: 'session' | 'token';
  /** The session's id (a hash, as stored) when authenticated by cookie. */
  sessionId?: string;
  csrfToken?: string;
  /** Session: read and write. Token: what it was created with. */
  scopes: TokenScope[];
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw unauthenticated();
  return request.auth.user;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): AuthUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw forbidden('Your role does not allow this');
  return user;
}
