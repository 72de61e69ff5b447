import { z } from 'zod';
import { foodSummarySchema } from './foods.js';

/** Ingredient lines and units: the parser's output, unit conversion and the unit table. */

export const unitDimensionSchema = z.enum(['mass', 'volume', 'count', 'length']);
export type UnitDimension = z.infer<typeof unitDimensionSchema>;

export const unitSystemSchema = z.enum(['metric', 'us']);
export type UnitSystemChoice = z.infer<typeof unitSystemSchema>;

/** A second amount written for the same food: "200 g (7 oz)", "1 (28-ounce) can", "(8 ounces each)". */
export const secondaryAmountSchema = z.object({
  quantity: z.number(),
  quantityMax: z.number().nullable(),
  /** Canonical unit id, or null for a plain count ("(about 20)"). */
  unit: z.string().nullable(),
  unitText: z.string().nullable(),
  /** True when the amount is per item ("2 28-ounce cans", "3 apples (8 ounces each)"), false when it restates the total. */
  each: z.boolean(),
});
export type SecondaryAmount = z.infer<typeof secondaryAmountSchema>;

export const parsedIngredientSchema = z.object({
  /** The line as written. */
  original: z.string(),
  /** Null when the line has no amount ("Salt to taste"). The low end of a range. */
  quantity: z.number().nullable(),
  /** The high end of a range ("2-3", "2 to 3"), else null. */
  quantityMax: z.number().nullable(),
  /** Canonical unit id (see GET /api/units), or null for a plain count ("2 eggs"). */
  unit: z.string().nullable(),
  /** The unit as written, with its modifiers ("heaping tablespoons", "large cloves"). */
  unitText: z.string().nullable(),
  /** The food as written, without amount, preparation and comments ("fresh basil"). */
  name: z.string(),
  /** How the food is prepared ("finely chopped", "peeled and diced"), or null. */
  preparation: z.string().nullable(),
  /** Everything else: alternatives, notes, parentheticals ("divided", "or 1 teaspoon dried"), or null. */
  comment: z.string().nullable(),
  optional: z.boolean(),
  /** "to taste": never scaled. */
  toTaste: z.boolean(),
  secondary: secondaryAmountSchema.nullable(),
  /** The food catalogue entry the name matched (see POST /api/foods/match), or null. */
  food: foodSummarySchema.nullable(),
});
export type ParsedIngredient = z.infer<typeof parsedIngredientSchema>;

export const parseIngredientsBody = z.object({
  lines: z
    .array(z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'))
    .min(1, 'send at least one line')
    .max(200, 'send at most 200 lines'),
});
export type ParseIngredientsBody = z.infer<typeof parseIngredientsBody>;

export const parseIngredientsResponse = z.object({ items: z.array(parsedIngredientSchema) });
export type ParseIngredientsResponse = z.infer<typeof parseIngredientsResponse>;

/** Units are given by id or any spelling the parser knows ("tbsp", "tablespoons", "T"). */
const unitParam = z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters');

export const convertUnitsQuery = z.object({
  amount: z.coerce.number().finite('must be a number').nonnegative('must not be negative').max(1_000_000_000, 'is too large'),
  from: unitParam,
  to: unitParam,
  /** Grams per millilitre of the food, needed between mass and volume (flour ≈ 0.53, water 1). */
  density: z.coerce.number().finite('must be a number').positive('must be more than 0').max(100, 'must be at most 100 g/ml').optional(),
  /** A catalogue food id: its density is used when `density` is not given. */
  food: z.coerce.number({ error: 'is not a food id' }).int('is not a food id').positive('is not a food id').max(2_147_483_647, 'is not a food id').optional(),
});
export type ConvertUnitsQuery = z.infer<typeof convertUnitsQuery>;

export const convertedAmountSchema = z.object({
  amount: z.number(),
  /** Canonical id of the target unit. */
  unit: z.string(),
  /** Rounded for cooks: fractions for cups and spoons, grams to a sensible precision ("1 1/2 cups", "454 g"). */
  formatted: z.string(),
});
export type ConvertedAmount = z.infer<typeof convertedAmountSchema>;

export const unitSchema = z.object({
  id: z.string(),
  dimension: unitDimensionSchema,
  /** Grams (mass), millilitres (volume), centimetres (length) in one unit; 1 for count units. */
  factor: z.number(),
  system: z.enum(['metric', 'us', 'both']),
  kind: z.enum(['measure', 'container', 'portion', 'size']),
  singular: z.string(),
  plural: z.string(),
  abbreviation: z.string().nullable(),
  aliases: z.array(z.string()),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitListSchema = z.object({ items: z.array(unitSchema) });

/**
 * POST /api/ingredients/parse   {lines: string[1..200]} -> {items: ParsedIngredient[]}
 * GET  /api/units/convert?amount=&from=&to=&density=&food=   -> ConvertedAmount; 422 'unknown_unit' | 'incompatible_units' | 'no_density'; 404 unknown food
 * GET  /api/units                                      -> {items: Unit[]}
 */
