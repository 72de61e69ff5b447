import {
  createRecipeBody,
  recipeDiffSchema,
  recipeListQuery,
  recipePageSchema,
  recipeSchema,
  recipeVersionSchema,
  restoreBody,
  updateRecipeBody,
  versionSummarySchema,
  visibilityBody,
} from '@tavola/contracts/recipes';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth/guard.js';
import { compiledSerializer } from '../../platform/compiled-serializer.js';
import * as recipes from './recipes.service.js';

const idParams = z.object({ id: z.string().uuid('is not a recipe id') });
const versionParams = idParams.extend({ number: z.coerce.number().int().positive() });
const diffQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

export function registerRecipeRoutes(app: FastifyInstance, deps: recipes.RecipesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const viewer = (request: { auth: { user: { id: string } } | null }) => request.auth?.user.id ?? null;

  r.get('/api/recipes', { schema: { tags: ['recipes'], querystring: recipeListQuery, response: { 200: recipePageSchema } } }, async (request) =>
    recipes.listRecipes(deps, viewer(request), request.query),
  );

  r.post('/api/recipes', { schema: { tags: ['recipes'], body: createRecipeBody, response: { 201: recipeSchema } } }, async (request, reply) => {
    const user = requireUser(request);
    return reply.status(201).send(await recipes.createRecipe(deps, user.id, request.body));
  });

  // The hottest read: its answer is serialised by a compiled function rather than a Zod encode.
  r.get(
    '/api/recipes/:id',
    { schema: { tags: ['recipes'], params: idParams, response: { 200: recipeSchema } }, serializerCompiler: compiledSerializer },
    async (request) => recipes.getRecipeDetail(deps, request.params.id, viewer(request)),
  );

  r.put('/api/recipes/:id', { schema: { tags: ['recipes'], params: idParams, body: updateRecipeBody, response: { 200: recipeSchema } } }, async (request) =>
    recipes.updateRecipe(deps, requireUser(request).id, request.params.id, request.body),
  );

  r.patch(
    '/api/recipes/:id/visibility',
    { schema: { tags: ['recipes'], params: idParams, body: visibilityBody, response: { 200: recipeSchema } } },
    async (request) => recipes.changeVisibility(deps, requireUser(request).id, request.params.id, request.body.visibility, request.ip),
  );

  r.delete('/api/recipes/:id', { schema: { tags: ['recipes'], params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await recipes.deleteRecipe(deps, requireUser(request).id, request.params.id);
    return reply.status(204).send(null);
  });

  r.get(
    '/api/recipes/:id/versions',
    { schema: { tags: ['recipes'], params: idParams, response: { 200: z.object({ items: z.array(versionSummarySchema) }) } } },
    async (request) => ({ items: await recipes.listVersions(deps, request.params.id, viewer(request)) }),
  );

  r.get('/api/recipes/:id/versions/:number', { schema: { tags: ['recipes'], params: versionParams, response: { 200: recipeVersionSchema } } }, async (request) =>
    recipes.getVersion(deps, request.params.id, request.params.number, viewer(request)),
  );

  r.get('/api/recipes/:id/diff', { schema: { tags: ['recipes'], params: idParams, querystring: diffQuery, response: { 200: recipeDiffSchema } } }, async (request) =>
    recipes.diffVersions(deps, request.params.id, request.query.from, request.query.to, viewer(request)),
  );

  r.post('/api/recipes/:id/restore', { schema: { tags: ['recipes'], params: idParams, body: restoreBody, response: { 200: recipeSchema } } }, async (request) =>
    recipes.restoreVersion(deps, requireUser(request).id, request.params.id, request.body.version, request.body.changeNote),
  );
}
