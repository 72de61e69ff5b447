import { recipeSearchQuery, recipeSearchResultSchema, savedSearchBody, savedSearchSchema, suggestQuery, suggestResultSchema } from '@tavola/contracts/search';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth/guard.js';
import * as savedSearches from './saved-searches.service.js';
import { type SearchDeps, searchRecipes, suggest } from './search.service.js';

const viewer = (request: FastifyRequest) => request.auth?.user.id ?? null;
const idParams = z.object({ id: z.string().uuid('is not a saved search id') });

export function registerSearchRoutes(app: FastifyInstance, deps: SearchDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['search'];

  r.get('/api/search/recipes', { schema: { tags, querystring: recipeSearchQuery, response: { 200: recipeSearchResultSchema } } }, async (request) =>
    searchRecipes(deps, viewer(request), request.query),
  );

  r.get('/api/search/suggest', { schema: { tags, querystring: suggestQuery, response: { 200: suggestResultSchema } } }, async (request) =>
    suggest(deps, viewer(request), request.query.q, request.query.limit),
  );

  r.get('/api/me/saved-searches', { schema: { tags, response: { 200: z.object({ items: z.array(savedSearchSchema) }) } } }, async (request) => ({
    items: await savedSearches.listSavedSearches(deps.db, requireUser(request).id),
  }));

  r.post('/api/me/saved-searches', { schema: { tags, body: savedSearchBody, response: { 201: savedSearchSchema } } }, async (request, reply) =>
    reply.status(201).send(await savedSearches.saveSearch(deps.db, requireUser(request).id, request.body)),
  );

  r.delete('/api/me/saved-searches/:id', { schema: { tags, params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await savedSearches.deleteSavedSearch(deps.db, requireUser(request).id, request.params.id);
    return reply.status(204).send(null);
  });
}
