import type { FastifyInstance } from 'fastify';
import { registerIngredientRoutes } from './ingredients.routes.js';
import type { FoodLookup } from './ingredients.service.js';

export { foodNameKey, singularizeWord } from './food-name.js';
export { parseIngredientLine } from './ingredient-parser.js';
export { scaleFactor, scaleIngredient } from './scaling.js';
export { findUnit, type UnitDefinition, type UnitDimension, type UnitId, unitById, units } from './unit-table.js';
export { convertQuantity, formatQuantity, formatQuantityRange, resolveUnit, toUnitSystem } from './units.js';

/** Ingredients and units: the line parser, unit conversion and the unit table, as public endpoints. */
export type { FoodLookup };

export async function ingredientsFeature(app: FastifyInstance, options: { foods?: FoodLookup } = {}): Promise<void> {
  registerIngredientRoutes(app, options.foods);
}
