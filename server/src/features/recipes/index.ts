import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { registerRecipeRoutes } from './recipes.routes.js';
import type { RecipesDeps } from './recipes.service.js';

/** Recipes: structured content in immutable versions, with history, diff and restore. */
export async function recipesFeature(app: FastifyInstance, platform: Platform): Promise<void> {
  const deps: RecipesDeps = { db: platform.database.db };
  registerRecipeRoutes(app, deps);
}
