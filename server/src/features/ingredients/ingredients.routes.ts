import { convertedAmountSchema, convertUnitsQuery, parseIngredientsBody, parseIngredientsResponse, unitListSchema } from '@tavola/contracts/ingredients';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { convertAmount, listUnits, parseIngredientLines } from './ingredients.service.js';

/** Public (no log-in), under the global rate limit. */
export function registerIngredientRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/ingredients/parse',
    { schema: { tags: ['ingredients'], summary: 'Parse free-text ingredient lines into quantity, unit, food name, preparation and comment', body: parseIngredientsBody, response: { 200: parseIngredientsResponse } } },
    async (request) => ({ items: parseIngredientLines(request.body.lines) }),
  );

  r.get(
    '/api/units/convert',
    { schema: { tags: ['ingredients'], summary: 'Convert an amount between units (mass <-> volume needs a density)', querystring: convertUnitsQuery, response: { 200: convertedAmountSchema } } },
    async (request) => convertAmount(request.query),
  );

  r.get('/api/units', { schema: { tags: ['ingredients'], summary: 'The unit table: ids, dimensions, factors and spellings', response: { 200: unitListSchema } } }, async () => ({ items: listUnits() }));
}
