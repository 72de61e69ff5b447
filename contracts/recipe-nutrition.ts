import { z } from 'zod';
import { foodSummarySchema, nutrientKeys, nutrientsSchema, uncountedReasonSchema } from './foods.js';

/** A recipe's nutrition: per serving and in total, line by line, with what could not be counted. */

export const recipeNutritionQuery = z.object({
  /** Scale to this many servings first (totals scale; per-serving figures do not change). */
  servings: z.coerce.number().positive('must be more than 0').max(10_000).optional(),
});

/** Where a line sits in the recipe: section index and line index within it (both from 0). */
export const linePositionSchema = z.object({ section: z.number().int().nonnegative(), line: z.number().int().nonnegative() });
export type LinePosition = z.infer<typeof linePositionSchema>;

export const nutritionLineSchema = linePositionSchema.extend({
  text: z.string(),
  food: foodSummarySchema.nullable(),
  /** True when the author chose the food (or chose none); false when it was matched from the name. */
  chosen: z.boolean(),
  /** The weight counted, or null when the line is left out. */
  grams: z.number().nullable(),
  /** Why the line is left out, or null when it counts. */
  uncounted: uncountedReasonSchema.nullable(),
});
export type NutritionLineInfo = z.infer<typeof nutritionLineSchema>;

export const recipeNutritionSchema = z.object({
  recipeId: z.string().uuid(),
  version: z.number().int(),
  servings: z.object({ amount: z.number(), unit: z.string() }),
  perServing: nutrientsSchema,
  total: nutrientsSchema,
  /** Nutrients some counted food has no value for: their figures are lower bounds. */
  incomplete: z.array(z.enum(nutrientKeys)),
  countedLines: z.number().int(),
  lines: z.array(nutritionLineSchema),
});
export type RecipeNutrition = z.infer<typeof recipeNutritionSchema>;

/** The author corrects which foods lines count as; the recipe gets a new version. */
export const correctFoodsBody = z.object({
  baseVersion: z.number().int().positive(),
  changes: z
    .array(linePositionSchema.extend({ foodId: z.number().int().positive().nullable() }))
    .min(1, 'send at least one change')
    .max(300),
  changeNote: z.string().trim().max(500).optional(),
});
export type CorrectFoodsBody = z.infer<typeof correctFoodsBody>;

/**
 * GET /api/recipes/:id/nutrition?servings=      -> RecipeNutrition (visibility as the recipe)
 * PUT /api/recipes/:id/foods   CorrectFoodsBody -> Recipe (author only; new version; 409 if baseVersion is old)
 */
