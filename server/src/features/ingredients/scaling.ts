/**
 * Scaling parsed ingredient lines to other servings. Quantities, ranges and restated amounts scale;
 * lines without a quantity and "to taste" lines stay as written; a per-item size ("28-ounce cans")
 * is the size of each item and stays.
 */
import type { ParsedIngredient } from '@tavola/contracts/ingredients';
import { AppError } from '../../platform/errors.js';

/** Scaled amounts keep 6 decimals: enough for any kitchen, without float noise (0.1 * 3). */
const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

/** The factor from one number of servings to another (4 → 6 servings: 1.5). */
export function scaleFactor(fromServings: number, toServings: number): number {
  if (!(fromServings > 0) || !Number.isFinite(fromServings)) {
    throw new AppError('invalid_servings', 422, 'The recipe must have more than 0 servings to scale', [{ field: 'fromServings', message: 'must be more than 0' }]);
  }
  if (!(toServings > 0) || !Number.isFinite(toServings)) {
    throw new AppError('invalid_servings', 422, 'Scale to more than 0 servings', [{ field: 'toServings', message: 'must be more than 0' }]);
  }
  return toServings / fromServings;
}

export function scaleIngredient(parsed: ParsedIngredient, factor: number): ParsedIngredient {
  if (!(factor > 0) || !Number.isFinite(factor)) {
    throw new AppError('invalid_scale', 422, 'The scale factor must be a number more than 0', [{ field: 'factor', message: 'must be more than 0' }]);
  }
  if (parsed.quantity === null || parsed.toTaste || factor === 1) return { ...parsed };
  const secondary = parsed.secondary && !parsed.secondary.each
    ? {
        ...parsed.secondary,
        quantity: tidy(parsed.secondary.quantity * factor),
        quantityMax: parsed.secondary.quantityMax === null ? null : tidy(parsed.secondary.quantityMax * factor),
      }
    : parsed.secondary;
  return {
    ...parsed,
    quantity: tidy(parsed.quantity * factor),
    quantityMax: parsed.quantityMax === null ? null : tidy(parsed.quantityMax * factor),
    secondary: secondary ? { ...secondary } : null,
  };
}
