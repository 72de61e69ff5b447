import type { FastifyInstance } from 'fastify';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Platform } from '../../platform/platform.js';
import type { PageMetaRegistry } from '../../platform/page-meta.js';
import { registerRecipeExport } from './recipe-export.js';
import { linkFoods } from './recipe-foods.js';
import { registerRecipeFoodRoutes } from './recipe-foods.routes.js';
import { completeIngredients } from './recipe-scaling.js';
import { registerRecipeReviewRoutes } from './recipe-reviews.routes.js';
import { registerRecipeRoutes } from './recipes.routes.js';
import { findRecipeSearchSources, type RecipeSearchSource } from './recipe-search-source.repository.js';
import { createRecipe, type RecipeAccess, type RecipesDeps, recipeAccess } from './recipes.service.js';

export type { RecipeAccess, RecipeSearchSource };
export { countRecipes, findExistingRecipeIds, listRecipeIdsAfter } from './recipe-search-source.repository.js';
export { recipeVisibilityRule } from './recipes.repository.js';

/** What a search index needs of one recipe (content, author, rating summary), read inside the caller's transaction; null once it is gone. */
export async function recipeSearchDocument(tx: DbOrTx, recipeId: string): Promise<RecipeSearchSource | null> {
  const [source] = await findRecipeSearchSources(tx, [recipeId]);
  return source ?? null;
}

/** The same for many recipes in one query (a full reindex, the boot-time catch-up). */
export const recipeSearchDocuments = findRecipeSearchSources;

/** The one place the recipe service's dependencies are assembled. */
const depsFor = (db: Db): RecipesDeps => ({ db, completeIngredients: async (content) => linkFoods(db, await completeIngredients(content)) });

/** Visibility and ownership checks for features built around recipes (images, reviews, import). */
export function createRecipeAccess(db: Db): RecipeAccess {
  return recipeAccess(depsFor(db));
}

/** Creates a recipe as `ownerId` (used by import); same rules as POST /api/recipes, and the same `afterChange` port. */
export const createRecipeFor = (
  db: Db,
  ownerId: string,
  input: Parameters<typeof createRecipe>[2],
  ports: Pick<RecipesDeps, 'afterChange'> = {},
) => createRecipe({ ...depsFor(db), afterChange: ports.afterChange }, ownerId, input);

/** Recipes: structured content in immutable versions (history, diff, restore); ratings, favourites, cook log. */
export async function recipesFeature(
  app: FastifyInstance,
  platform: Platform,
  options: { pageMeta?: PageMetaRegistry } & Pick<RecipesDeps, 'beforeDelete' | 'imagesFor' | 'imagesInRead' | 'afterChange'> = {},
): Promise<void> {
  const deps: RecipesDeps = {
    ...depsFor(platform.database.db),
    beforeDelete: options.beforeDelete,
    imagesFor: options.imagesFor,
    imagesInRead: options.imagesInRead,
    afterChange: options.afterChange,
  };
  registerRecipeRoutes(app, deps);
  registerRecipeReviewRoutes(app, deps);
  registerRecipeFoodRoutes(app, deps);
  registerRecipeExport(app, deps, platform.config.publicUrl, options.pageMeta);
}
