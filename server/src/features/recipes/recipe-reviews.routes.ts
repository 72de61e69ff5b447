import {
  cookLogBody,
  cookLogEntrySchema,
  cookLogPageSchema,
  cookLogQuery,
  favouritesPageSchema,
  favouriteStateSchema,
  myListQuery,
  ratingBody,
  ratingSchema,
  ratingsPageSchema,
  ratingsQuery,
} from '@tavola/contracts/recipe-reviews';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth/guard.js';
import * as reviews from './recipe-reviews.service.js';
import type { RecipesDeps } from './recipes.service.js';

const idParams = z.object({ id: z.string().uuid('is not a recipe id') });
const viewer = (request: FastifyRequest) => request.auth?.user.id ?? null;

export function registerRecipeReviewRoutes(app: FastifyInstance, deps: RecipesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recipe reviews'];

  r.get('/api/recipes/:id/ratings', { schema: { tags, params: idParams, querystring: ratingsQuery, response: { 200: ratingsPageSchema } } }, async (request) =>
    reviews.listRatings(deps, viewer(request), request.params.id, request.query),
  );
  r.put('/api/recipes/:id/rating', { schema: { tags, params: idParams, body: ratingBody, response: { 200: ratingSchema } } }, async (request) =>
    reviews.rateRecipe(deps, requireUser(request).id, request.params.id, request.body),
  );
  r.delete('/api/recipes/:id/rating', { schema: { tags, params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await reviews.removeRating(deps, requireUser(request).id, request.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/recipes/:id/favourite', { schema: { tags, params: idParams, response: { 200: favouriteStateSchema } } }, async (request) =>
    reviews.favouriteState(deps, viewer(request), request.params.id),
  );
  r.put('/api/recipes/:id/favourite', { schema: { tags, params: idParams, response: { 200: favouriteStateSchema } } }, async (request) =>
    reviews.setFavourite(deps, requireUser(request).id, request.params.id, true),
  );
  r.delete('/api/recipes/:id/favourite', { schema: { tags, params: idParams, response: { 200: favouriteStateSchema } } }, async (request) =>
    reviews.setFavourite(deps, requireUser(request).id, request.params.id, false),
  );
  r.get('/api/me/favourites', { schema: { tags, querystring: myListQuery, response: { 200: favouritesPageSchema } } }, async (request) =>
    reviews.listFavourites(deps, requireUser(request).id, request.query),
  );

  r.post('/api/recipes/:id/cooked', { schema: { tags, params: idParams, body: cookLogBody, response: { 201: cookLogEntrySchema } } }, async (request, reply) =>
    reply.status(201).send(await reviews.logCooked(deps, requireUser(request).id, request.params.id, request.body)),
  );
  r.get('/api/me/cooked', { schema: { tags, querystring: cookLogQuery, response: { 200: cookLogPageSchema } } }, async (request) =>
    reviews.listCooked(deps, requireUser(request).id, request.query),
  );
  r.delete(
    '/api/me/cooked/:entryId',
    { schema: { tags, params: z.object({ entryId: z.string().uuid('is not a log entry id') }), response: { 204: z.null() } } },
    async (request, reply) => {
      await reviews.deleteCooked(deps, requireUser(request).id, request.params.entryId);
      return reply.status(204).send(null);
    },
  );
}
