import {
  followResultSchema,
  peoplePageSchema,
  peopleQuery,
  privacySettingsBody,
  privacySettingsSchema,
  profileSchema,
  usernameParams,
} from '@tavola/contracts/social';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth/guard.js';
import * as social from './social.service.js';
import type { SocialDeps } from './social.service.js';

const viewer = (request: FastifyRequest) => request.auth?.user.id ?? null;
const noContent = (reply: FastifyReply) => reply.status(204).send(null);

export function registerSocialRoutes(app: FastifyInstance, deps: SocialDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['social'];
  const params = usernameParams;
  const empty = { 204: z.null() };

  r.get('/api/people/:username', { schema: { tags, params, response: { 200: profileSchema } } }, async (request) =>
    social.getProfile(deps, viewer(request), request.params.username),
  );
  r.get('/api/people/:username/followers', { schema: { tags, params, querystring: peopleQuery, response: { 200: peoplePageSchema } } }, async (request) =>
    social.listPeople(deps, viewer(request), request.params.username, 'followers', request.query),
  );
  r.get('/api/people/:username/following', { schema: { tags, params, querystring: peopleQuery, response: { 200: peoplePageSchema } } }, async (request) =>
    social.listPeople(deps, viewer(request), request.params.username, 'following', request.query),
  );

  r.get('/api/me/privacy', { schema: { tags, response: { 200: privacySettingsSchema } } }, async (request) => social.getPrivacy(deps, requireUser(request).id));
  r.put('/api/me/privacy', { schema: { tags, body: privacySettingsBody, response: { 200: privacySettingsSchema } } }, async (request) =>
    social.setPrivacy(deps, requireUser(request).id, request.body),
  );

  r.put('/api/me/following/:username', { schema: { tags, params, response: { 200: followResultSchema } } }, async (request) =>
    social.follow(deps, requireUser(request).id, request.params.username),
  );
  r.delete('/api/me/following/:username', { schema: { tags, params, response: empty } }, async (request, reply) => {
    await social.unfollow(deps, requireUser(request).id, request.params.username);
    return noContent(reply);
  });
  r.delete('/api/me/followers/:username', { schema: { tags, params, response: empty } }, async (request, reply) => {
    await social.removeFollower(deps, requireUser(request).id, request.params.username);
    return noContent(reply);
  });

  r.get('/api/me/follow-requests', { schema: { tags, querystring: peopleQuery, response: { 200: peoplePageSchema } } }, async (request) =>
    social.listRequests(deps, requireUser(request).id, 'incoming', request.query),
  );
  r.get('/api/me/follow-requests/sent', { schema: { tags, querystring: peopleQuery, response: { 200: peoplePageSchema } } }, async (request) =>
    social.listRequests(deps, requireUser(request).id, 'outgoing', request.query),
  );
  r.post('/api/me/follow-requests/:username/accept', { schema: { tags, params, response: empty } }, async (request, reply) => {
    await social.answerRequest(deps, requireUser(request).id, request.params.username, 'accept');
    return noContent(reply);
  });
  r.post('/api/me/follow-requests/:username/decline', { schema: { tags, params, response: empty } }, async (request, reply) => {
    await social.answerRequest(deps, requireUser(request).id, request.params.username, 'decline');
    return noContent(reply);
  });

  r.get('/api/me/blocks', { schema: { tags, querystring: peopleQuery, response: { 200: peoplePageSchema } } }, async (request) =>
    social.listBlocked(deps, requireUser(request).id, request.query),
  );
  r.put('/api/me/blocks/:username', { schema: { tags, params, response: empty } }, async (request, reply) => {
    await social.block(deps, requireUser(request).id, request.params.username);
    return noContent(reply);
  });
  r.delete('/api/me/blocks/:username', { schema: { tags, params, response: empty } }, async (request, reply) => {
    await social.unblock(deps, requireUser(request).id, request.params.username);
    return noContent(reply);
  });
}
