import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Platform } from '../../platform/platform.js';
import type { PageMetaRegistry } from '../../platform/page-meta.js';
import { registerRecipeExport } from './recipe-export.js';
import { completeIngredients } from './recipe-scaling.js';
import { registerRecipeReviewRoutes } from './recipe-reviews.routes.js';
import { registerRecipeRoutes } from './recipes.routes.js';
import { createRecipe, type RecipeAccess, type RecipesDeps, recipeAccess } from './recipes.service.js';

export type { RecipeAccess };

/** The one place the recipe service's dependencies are assembled. */
const depsFor = (db: Db): RecipesDeps => ({ db, completeIngredients });

/** Visibility and ownership checks for features built around recipes (images, reviews, import). */
export function createRecipeAccess(db: Db): RecipeAccess {
  return recipeAccess(depsFor(db));
}

/** Creates a recipe as `ownerId` (used by import); same rules as POST /api/recipes. */
export const createRecipeFor = (db: Db, ...args: Parameters<typeof createRecipe> extends [unknown, ...infer R] ? R : never) => createRecipe(depsFor(db), ...args);

/** Recipes: structured content in immutable versions (history, diff, restore); ratings, favourites, cook log. */
export async function recipesFeature(
  app: FastifyInstance,
  platform: Platform,
  options: { pageMeta?: PageMetaRegistry } & Pick<RecipesDeps, 'beforeDelete'> = {},
): Promise<void> {
  const deps: RecipesDeps = { ...depsFor(platform.database.db), beforeDelete: options.beforeDelete };
  registerRecipeRoutes(app, deps);
  registerRecipeReviewRoutes(app, deps);
  registerRecipeExport(app, deps, platform.config.publicUrl, options.pageMeta);
}
