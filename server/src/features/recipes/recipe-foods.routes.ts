import { correctFoodsBody, recipeNutritionQuery, recipeNutritionSchema } from '@tavola/contracts/recipe-nutrition';
import { recipeSchema, scaledRecipeQuery, scaledRecipeSchema } from '@tavola/contracts/recipes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/auth/guard.js';
import { findFoodsByIds } from '../foods/index.js';
import { chooseFoods, recipeNutrition } from './recipe-foods.js';
import { scaleRecipeContent } from './recipe-scaling.js';
import * as recipes from './recipes.service.js';

const idParams = z.object({ id: z.string().uuid('is not a recipe id') });
const viewer = (request: FastifyRequest) => request.auth?.user.id ?? null;

/** What depends on the food catalogue: the scaled view (weights), nutrition, and correcting a line's food. */
export function registerRecipeFoodRoutes(app: FastifyInstance, deps: recipes.RecipesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recipes'];

  r.get('/api/recipes/:id/scaled', { schema: { tags, params: idParams, querystring: scaledRecipeQuery, response: { 200: scaledRecipeSchema } } }, async (request) => {
    const recipe = await recipes.getRecipe(deps, request.params.id, viewer(request));
    if (request.query.measure !== 'weight') return scaleRecipeContent(recipe.content, request.query);
    const ids = recipe.content.ingredients.flatMap((section) => section.lines.flatMap((line) => (typeof line.foodId === 'number' ? [line.foodId] : [])));
    const foods = await findFoodsByIds(deps.db, ids);
    return scaleRecipeContent(recipe.content, request.query, (id) => foods.get(id)?.densityGPerMl);
  });

  r.get(
    '/api/recipes/:id/nutrition',
    { schema: { tags, summary: 'Nutrition per serving, line by line, listing lines that could not be counted', params: idParams, querystring: recipeNutritionQuery, response: { 200: recipeNutritionSchema } } },
    async (request) => recipeNutrition(deps.db, await recipes.getRecipe(deps, request.params.id, viewer(request)), request.query.servings),
  );

  r.put(
    '/api/recipes/:id/foods',
    { schema: { tags, summary: "Correct which catalogue foods ingredient lines count as (a new version)", params: idParams, body: correctFoodsBody, response: { 200: recipeSchema } } },
    async (request) => {
      const userId = requireUser(request).id;
      const recipe = await recipes.recipeAccess(deps).requireOwner(request.params.id, userId);
      const { baseVersion, changes, changeNote } = request.body;
      return recipes.updateRecipe(deps, userId, recipe.id, {
        content: chooseFoods(recipe.content, changes),
        baseVersion,
        changeNote: changeNote ?? (changes.length === 1 ? 'Corrected the food of one ingredient' : `Corrected the foods of ${changes.length} ingredients`),
      });
    },
  );
}
