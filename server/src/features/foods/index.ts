import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Platform } from '../../platform/platform.js';
import type { FoodLookup } from '../ingredients/index.js';
import { matchFoods } from './food-matching.js';
import { findFoodsByIds } from './foods.service.js';
import { ensureFoodCatalogue } from './food-catalogue-seed.js';
import { registerFoodRoutes } from './foods.routes.js';

export { type CatalogueFile, openCatalogueFile, shippedCatalogueFile } from './food-catalogue-file.js';
export { ensureFoodCatalogue, type SeedResult } from './food-catalogue-seed.js';
export { matchFood, matchFoods, type MatchOptions } from './food-matching.js';
export { foodNameKey, foodNameKeys } from './food-names.js';
export { findFoodsByIds } from './foods.service.js';
export { computeNutrition, type NutritionFood, type NutritionLine } from './nutrition.js';

/** The lookups the ingredient endpoints need (matching parsed names, densities for conversion). */
export function foodLookup(db: Db): FoodLookup {
  return {
    match: async (names) => (await matchFoods(db, names)).map((match) => match.food),
    densityOf: async (id) => {
      const food = (await findFoodsByIds(db, [id])).get(id);
      return food ? food.densityGPerMl : undefined;
    },
  };
}

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
