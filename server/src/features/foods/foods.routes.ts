import { foodIdParams, foodListSchema, foodMatchListSchema, foodSchema, foodSearchQuery, matchFoodsBody } from '@tavola/contracts/foods';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { matchFoods } from './food-matching.js';
import * as foods from './foods.service.js';

/** The food catalogue is public facts: no login needed to search, read or match. */
export function registerFoodRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/foods', { schema: { tags: ['foods'], querystring: foodSearchQuery, response: { 200: foodListSchema } } }, async (request) => ({
    items: await foods.searchFoods(db, request.query.q, request.query.limit),
  }));

  r.get('/api/foods/:id', { schema: { tags: ['foods'], params: foodIdParams, response: { 200: foodSchema } } }, async (request) =>
    foods.getFood(db, request.params.id),
  );

  r.post('/api/foods/match', { schema: { tags: ['foods'], body: matchFoodsBody, response: { 200: foodMatchListSchema } } }, async (request) => ({
    matches: await matchFoods(db, request.body.names),
  }));
}
