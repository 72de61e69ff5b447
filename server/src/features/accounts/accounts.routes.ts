import {
  apiTokenSchema,
  changePasswordBody,
  createApiTokenBody,
  createdApiTokenSchema,
  deleteAccountBody,
  emailBody,
  logInBody,
  meSchema,
  resetPasswordBody,
  sessionInfoSchema,
  sessionStateSchema,
  signUpBody,
  tokenBody,
  updateMeBody,
} from '@tavola/contracts/accounts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth/guard.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/session-cookie.js';
import type { NewSession } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import type { Platform } from '../../platform/platform.js';
import { authRouteLimit } from '../../platform/rate-limit.js';
import * as settings from './account-settings.service.js';
import * as accounts from './accounts.service.js';

const meta = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });
const noContent = z.null().describe('No content');
const accepted = z.object({ status: z.literal('accepted') });

function requireSession(request: FastifyRequest): string {
  const user = requireUser(request);
  if (request.auth?.via !== 'session' || !request.auth.sessionId) {
    throw new AppError('session_required', 403, 'This needs a logged-in browser session, not an API token');
  }
  return user.id;
}

export function registerAccountRoutes(app: FastifyInstance, platform: Platform, deps: accounts.AccountsDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tight = { rateLimit: authRouteLimit(platform) };
  const startSession = (request: FastifyRequest, reply: FastifyReply, session: NewSession) =>
    setSessionCookie(request, reply, platform.config, session.cookieValue, platform.config.session.absoluteMs);

  r.get('/api/auth/session', { schema: { tags: ['auth'], response: { 200: sessionStateSchema } } }, async (request) => {
    if (!request.auth) return { user: null, csrfToken: null };
    const user = await accounts.findMe(deps, request.auth.user.id);
    return { user: accounts.toMe(user), csrfToken: request.auth.csrfToken ?? null };
  });

  r.post('/api/auth/signup', { config: tight, schema: { tags: ['auth'], body: signUpBody, response: { 201: meSchema } } }, async (request, reply) => {
    const { user, session } = await accounts.signUp(deps, request.body, meta(request));
    startSession(request, reply, session);
    return reply.status(201).send(accounts.toMe(user));
  });

  r.post('/api/auth/login', { config: tight, schema: { tags: ['auth'], body: logInBody, response: { 200: meSchema } } }, async (request, reply) => {
    const { user, session } = await accounts.logIn(deps, request.body, { ...meta(request), previousSessionId: request.auth?.sessionId });
    startSession(request, reply, session);
    return accounts.toMe(user);
  });

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: noContent } } }, async (request, reply) => {
    if (request.auth?.sessionId) await accounts.logOut(deps, request.auth.user.id, request.auth.sessionId, meta(request));
    clearSessionCookie(request, reply, platform.config);
    return reply.status(204).send(null);
  });

  r.post('/api/auth/verify-email', { config: tight, schema: { tags: ['auth'], body: tokenBody, response: { 200: meSchema } } }, async (request) =>
    accounts.toMe(await accounts.verifyEmail(deps, request.body.token, meta(request))),
  );

  r.post('/api/auth/resend-verification', { config: tight, schema: { tags: ['auth'], response: { 202: accepted } } }, async (request, reply) => {
    await accounts.resendVerification(deps, requireUser(request).id);
    return reply.status(202).send({ status: 'accepted' as const });
  });

  r.post('/api/auth/forgot-password', { config: tight, schema: { tags: ['auth'], body: emailBody, response: { 202: accepted } } }, async (request, reply) => {
    await accounts.forgotPassword(deps, request.body.email, meta(request));
    return reply.status(202).send({ status: 'accepted' as const });
  });

  r.post('/api/auth/reset-password', { config: tight, schema: { tags: ['auth'], body: resetPasswordBody, response: { 204: noContent } } }, async (request, reply) => {
    await accounts.resetPassword(deps, request.body, meta(request));
    clearSessionCookie(request, reply, platform.config);
    return reply.status(204).send(null);
  });

  // The auth hook has just read the user (active, with every field of Me): no second query.
  r.get('/api/me', { schema: { tags: ['me'], response: { 200: meSchema } } }, async (request) => {
    const user = requireUser(request);
    return { ...user, createdAt: user.createdAt.toISOString() };
  });

  r.patch('/api/me', { schema: { tags: ['me'], body: updateMeBody, response: { 200: meSchema } } }, async (request) =>
    settings.updateProfile(deps, requireUser(request).id, request.body),
  );

  r.post('/api/me/password', { config: tight, schema: { tags: ['me'], body: changePasswordBody, response: { 204: noContent } } }, async (request, reply) => {
    const userId = requireSession(request);
    await settings.changePassword(deps, userId, request.auth?.sessionId, request.body, meta(request));
    return reply.status(204).send(null);
  });

  r.delete('/api/me', { config: tight, schema: { tags: ['me'], body: deleteAccountBody, response: { 204: noContent } } }, async (request, reply) => {
    const userId = requireSession(request);
    await settings.deleteAccount(deps, userId, request.body.password, meta(request));
    clearSessionCookie(request, reply, platform.config);
    return reply.status(204).send(null);
  });

  r.get('/api/me/sessions', { schema: { tags: ['me'], response: { 200: z.array(sessionInfoSchema) } } }, async (request) =>
    settings.listSessions(deps, requireUser(request).id, request.auth?.sessionId),
  );

  r.delete(
    '/api/me/sessions/:id',
    { schema: { tags: ['me'], params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'is not a session id') }), response: { 204: noContent } } },
    async (request, reply) => {
      await settings.revokeSession(deps, requireUser(request).id, request.params.id, meta(request));
      return reply.status(204).send(null);
    },
  );

  r.get('/api/me/tokens', { schema: { tags: ['me'], response: { 200: z.array(apiTokenSchema) } } }, async (request) =>
    settings.listApiTokens(deps, requireUser(request).id),
  );

  r.post('/api/me/tokens', { schema: { tags: ['me'], body: createApiTokenBody, response: { 201: createdApiTokenSchema } } }, async (request, reply) => {
    const userId = requireSession(request);
    return reply.status(201).send(await settings.createApiToken(deps, userId, request.body, meta(request)));
  });

  r.delete(
    '/api/me/tokens/:id',
    { schema: { tags: ['me'], params: z.object({ id: z.string().uuid('is not a token id') }), response: { 204: noContent } } },
    async (request, reply) => {
      await settings.revokeApiToken(deps, requireUser(request).id, request.params.id, meta(request));
      return reply.status(204).send(null);
    },
  );
}
