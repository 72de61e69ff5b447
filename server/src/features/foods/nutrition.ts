import { type NutrientKey, type Nutrients, type NutritionSummary, nutrientKeys, type UncountedReason } from '@tavola/contracts/foods';
import { AppError } from '../../platform/errors.js';
import { type WeighableFood, weighLine } from './line-weight.js';

/** A parsed ingredient line as nutrition needs it (the recipe contract's line has these fields). */
export interface NutritionLine {
  quantity?: number | null;
  /** The top of a range ("2–3 cloves"): the line counts the middle of the range. */
  quantityMax?: number | null;
  /** Canonical unit id (g, cup, clove, large…), or null for whole items ("3 eggs"). */
  unit?: string | null;
  foodId?: number | null;
}

/** A food as nutrition needs it: nutrients per 100 g and what it takes to weigh it. */
export interface NutritionFood extends WeighableFood {
  nutrientsPer100g: Nutrients;
}

const zeroNutrients = (): Record<NutrientKey, number> => Object.fromEntries(nutrientKeys.map((key) => [key, 0])) as Record<NutrientKey, number>;

/** Kilocalories and milligrams to whole numbers, grams to one decimal. */
function rounded(values: Record<NutrientKey, number>): Nutrients {
  const result = {} as Nutrients;
  for (const key of nutrientKeys) {
    const digits = key === 'energyKcal' || key === 'sodiumMg' ? 0 : 1;
    const factor = 10 ** digits;
    result[key] = Math.round(values[key] * factor) / factor;
  }
  return result;
}

function lineAmount(line: NutritionLine): number | null {
  const quantity = line.quantity;
  if (quantity === null || quantity === undefined || !(quantity > 0)) return null;
  const max = line.quantityMax;
  return max !== null && max !== undefined && max > quantity ? (quantity + max) / 2 : quantity;
}

/** Grams of one line and its food, or why it cannot be counted. */
function weighNutritionLine(line: NutritionLine, foodsById: ReadonlyMap<number, NutritionFood>): { grams: number; food: NutritionFood } | { reason: UncountedReason } {
  if (line.foodId === null || line.foodId === undefined) return { reason: 'no_food' };
  const food = foodsById.get(line.foodId);
  if (!food) return { reason: 'unknown_food' };
  const amount = lineAmount(line);
  if (amount === null) return { reason: 'no_quantity' };
  const weight = weighLine(amount, line.unit, food);
  return 'reason' in weight ? weight : { grams: weight.grams, food };
}

/**
 * Nutrients per serving of a recipe from its parsed lines: each line weighed in grams (mass units
 * directly, volumes through the food's density, counts through USDA portion weights), times the
 * food's nutrients per 100 g, summed and divided by `servings`. Lines that cannot be weighed
 * without guessing are listed in `uncounted` with the reason, and left out.
 */
export function computeNutrition(
  lines: readonly NutritionLine[],
  servings: number,
  foodsById: ReadonlyMap<number, NutritionFood>,
): NutritionSummary & { lineGrams: Array<number | null> } {
  if (!(servings > 0) || !Number.isFinite(servings)) throw new AppError('invalid_servings', 422, 'Servings must be a number above 0', [{ field: 'servings', message: 'must be more than 0' }]);
  const total = zeroNutrients();
  const incomplete = new Set<NutrientKey>();
  const uncounted: Array<{ line: number; reason: UncountedReason }> = [];
  const lineGrams: Array<number | null> = [];
  let countedLines = 0;
  for (const [index, line] of lines.entries()) {
    const weight = weighNutritionLine(line, foodsById);
    if ('reason' in weight) {
      uncounted.push({ line: index, reason: weight.reason });
      lineGrams.push(null);
      continue;
    }
    countedLines += 1;
    lineGrams.push(weight.grams);
    for (const key of nutrientKeys) {
      const per100g = weight.food.nutrientsPer100g[key];
      if (per100g === null) incomplete.add(key);
      else total[key] += (per100g * weight.grams) / 100;
    }
  }
  const perServing = zeroNutrients();
  for (const key of nutrientKeys) perServing[key] = total[key] / servings;
  return {
    servings,
    perServing: rounded(perServing),
    total: rounded(total),
    incomplete: nutrientKeys.filter((key) => incomplete.has(key)),
    countedLines,
    uncounted,
    lineGrams,
  };
}
