import { convertedAmountSchema, convertUnitsQuery, parseIngredientsBody, parseIngredientsResponse, unitListSchema } from '@tavola/contracts/ingredients';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { convertAmount, type FoodLookup, listUnits, parseIngredientLines } from './ingredients.service.js';

/** Public (no log-in), under the global rate limit. */
export function registerIngredientRoutes(app: FastifyInstance, foods?: FoodLookup): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/ingredients/parse',
    { schema: { tags: ['ingredients'], summary: 'Parse free-text ingredient lines into quantity, unit, food name, preparation and comment, with the matched catalogue food', body: parseIngredientsBody, response: { 200: parseIngredientsResponse } } },
    async (request) => ({ items: await parseIngredientLines(request.body.lines, foods) }),
  );

  r.get(
    '/api/units/convert',
    { schema: { tags: ['ingredients'], summary: 'Convert an amount between units (mass <-> volume needs a density, given or from a catalogue food)', querystring: convertUnitsQuery, response: { 200: convertedAmountSchema } } },
    async (request) => convertAmount(request.query, foods),
  );

  r.get('/api/units', { schema: { tags: ['ingredients'], summary: 'The unit table: ids, dimensions, factors and spellings', response: { 200: unitListSchema } } }, async () => ({ items: listUnits() }));
}
