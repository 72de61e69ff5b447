import { importPreviewSchema, importRecipeBody, recipeImportLimits } from '@tavola/contracts/recipe-import';
import { recipeSchema } from '@tavola/contracts/recipes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/auth/guard.js';
import { rateLimitKey } from '../../platform/rate-limit.js';
import { importRecipe, type RecipeImportDeps } from './recipe-import.service.js';

/** Room for the largest pasted page (5 million characters) once JSON-escaped. */
const importBodyLimit = 12 * 1024 * 1024;

const fetchesUrl = (request: FastifyRequest) => typeof (request.body as { url?: unknown } | undefined)?.url === 'string';

/** URL imports make us fetch other sites: a tight limit per account; the other forms share the general one. */
function importRateLimit(generalPerMinute: number) {
  return {
    max: (request: FastifyRequest) => (fetchesUrl(request) ? recipeImportLimits.urlImportsPerMinute : generalPerMinute),
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => `${fetchesUrl(request) ? 'import-url' : 'import'}:${rateLimitKey(request)}`,
  };
}

export function registerRecipeImportRoutes(app: FastifyInstance, deps: RecipeImportDeps, generalPerMinute: number): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/recipes/import',
    {
      bodyLimit: importBodyLimit,
      config: { rateLimit: importRateLimit(generalPerMinute) },
      schema: {
        tags: ['recipes'],
        summary: 'Import a recipe from a URL, schema.org JSON-LD, a page’s HTML or plain text (preview or save)',
        body: importRecipeBody,
        response: { 200: importPreviewSchema, 201: recipeSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await importRecipe(deps, user.id, request.body);
      if ('preview' in result) return reply.status(200).send(result.preview);
      return reply.status(201).send(result.recipe);
    },
  );
}
