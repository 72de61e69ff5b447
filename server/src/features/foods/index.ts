import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { ensureFoodCatalogue } from './food-catalogue-seed.js';
import { registerFoodRoutes } from './foods.routes.js';

export { type CatalogueFile, openCatalogueFile, shippedCatalogueFile } from './food-catalogue-file.js';
export { ensureFoodCatalogue, type SeedResult } from './food-catalogue-seed.js';
export { matchFood, matchFoods, type MatchOptions } from './food-matching.js';
export { foodNameKey, foodNameKeys } from './food-names.js';
export { findFoodsByIds } from './foods.service.js';
export { computeNutrition, type NutritionFood, type NutritionLine } from './nutrition.js';

/**
 * Foods: the USDA SR28 catalogue (loaded from data/foods at boot when the database holds another
 * version), autocomplete, matching ingredient names to foods, and nutrition per serving.
 */
export async function foodsFeature(app: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform.database;
  registerFoodRoutes(app, db);
  app.addHook('onReady', async () => {
    const result = await ensureFoodCatalogue(db);
    if (result.seeded) app.log.info({ foods: result.foods, version: result.version, durationMs: result.durationMs }, 'food catalogue loaded');
  });
}
