import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PageMetaRegistry } from '../../platform/page-meta.js';
import { AppError } from '../../platform/errors.js';
import { toSchemaOrgRecipe } from './recipe-jsonld.js';
import { ratingSummary } from './recipe-reviews.service.js';
import { getRecipe, type RecipesDeps } from './recipes.service.js';

const recipePath = /^\/recipes\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/;

async function exportRecipe(deps: RecipesDeps, publicUrl: string, id: string, viewerId: string | null) {
  const recipe = await getRecipe(deps, id, viewerId);
  return { recipe, jsonLd: toSchemaOrgRecipe(recipe, { publicUrl, rating: await ratingSummary(deps, id) }) };
}

/** `GET /api/recipes/:id/jsonld`, and the Open Graph + JSON-LD head of every public recipe page. */
export function registerRecipeExport(app: FastifyInstance, deps: RecipesDeps, publicUrl: string, pageMeta?: PageMetaRegistry): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/recipes/:id/jsonld',
    { schema: { tags: ['recipes'], params: z.object({ id: z.string().uuid('is not a recipe id') }), response: { 200: z.record(z.string(), z.unknown()) } } },
    async (request, reply) => {
      const { jsonLd } = await exportRecipe(deps, publicUrl, request.params.id, request.auth?.user.id ?? null);
      return reply.type('application/ld+json; charset=utf-8').send(jsonLd);
    },
  );

  pageMeta?.add(async (path) => {
    const id = recipePath.exec(path)?.[1];
    if (!id) return null;
    try {
      const { recipe, jsonLd } = await exportRecipe(deps, publicUrl, id, null);
      return {
        title: recipe.content.title,
        description: recipe.content.description ?? `A recipe by ${recipe.author.displayName ?? recipe.author.username} on Tavola`,
        url: `${publicUrl}/recipes/${id}`,
        type: 'article',
        jsonLd,
      };
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    }
  });
}
