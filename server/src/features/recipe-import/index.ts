import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { registerRecipeImportRoutes } from './recipe-import.routes.js';
import type { RecipeImportDeps } from './recipe-import.service.js';

export { mapRecipeHtml } from './html-recipe.js';
export { mapPlainTextRecipe } from './plain-text-recipe.js';
export { findSchemaOrgRecipe, mapSchemaOrgDocument } from './schema-org-recipe.js';

/**
 * Recipe import: POST /api/recipes/import reads schema.org Recipe JSON-LD or microdata from a
 * fetched page (SSRF-safe), pasted JSON-LD or HTML, or plain text, and previews or saves it.
 */
export async function recipeImportFeature(app: FastifyInstance, platform: Platform, options: Pick<RecipeImportDeps, 'afterRecipeChange'> = {}): Promise<void> {
  const deps: RecipeImportDeps = {
    db: platform.database.db,
    fetchOptions: { allowPrivateNetworks: platform.config.importAllowPrivateNetworks },
    afterRecipeChange: options.afterRecipeChange,
  };
  registerRecipeImportRoutes(app, deps, platform.config.rateLimit.perMinute);
}
