import { z } from 'zod';

/**
 * The food catalogue (USDA SR28, shipped in data/foods): search, one food's facts, matching
 * ingredient names to foods, and the nutrition summary of a recipe.
 */

export const nutrientKeys = ['energyKcal', 'proteinG', 'fatG', 'saturatedFatG', 'carbohydrateG', 'sugarsG', 'fibreG', 'sodiumMg'] as const;
export type NutrientKey = (typeof nutrientKeys)[number];

/** Per 100 g for a food; per serving in a nutrition summary. null: USDA gives no value. */
export const nutrientsSchema = z.object({
  energyKcal: z.number().nullable(),
  proteinG: z.number().nullable(),
  fatG: z.number().nullable(),
  saturatedFatG: z.number().nullable(),
  carbohydrateG: z.number().nullable(),
  sugarsG: z.number().nullable(),
  fibreG: z.number().nullable(),
  sodiumMg: z.number().nullable(),
});
export type Nutrients = z.infer<typeof nutrientsSchema>;

/** A household measure with its weight: "1 large" egg = 50 g, "1 cup, chopped" onion = 160 g. */
export const foodPortionSchema = z.object({
  amount: z.number(),
  unit: z.string(),
  grams: z.number(),
});
export type FoodPortionInfo = z.infer<typeof foodPortionSchema>;

export const foodSummarySchema = z.object({
  id: z.number().int(),
  /** USDA's description ("Onions, raw"). */
  name: z.string(),
  /** The everyday name, lower case and singular ("onion"). */
  commonName: z.string(),
  foodGroup: z.string(),
});
export type FoodSummary = z.infer<typeof foodSummarySchema>;

export const foodSchema = foodSummarySchema.extend({
  aliases: z.array(z.string()),
  nutrientsPer100g: nutrientsSchema,
  portions: z.array(foodPortionSchema),
  /** g/ml, to weigh volumes (cups, spoons); null when unknown. */
  densityGPerMl: z.number().nullable(),
});
export type Food = z.infer<typeof foodSchema>;

export const foodSearchQuery = z.object({
  /** Empty: the most common foods. */
  q: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const foodIdParams = z.object({
  id: z.coerce.number({ error: 'is not a food id' }).int('is not a food id').positive('is not a food id').max(2_147_483_647, 'is not a food id'),
});

export const foodListSchema = z.object({ items: z.array(foodSummarySchema) });

export const matchFoodsBody = z.object({
  names: z.array(z.string().max(300)).min(1, 'needs at least one name').max(300, 'at most 300 names at once'),
});

/**
 * How a name found its food: `exact` the whole name is the food's name or alias; `reduced` a
 * shorter form of it is ("fresh basil leaves" → "basil"); `similar` a spelling close to the food's
 * name ("tumeric" → "turmeric").
 */
export const foodMatchMethodSchema = z.enum(['exact', 'reduced', 'similar']);
export type FoodMatchMethod = z.infer<typeof foodMatchMethodSchema>;

export const foodMatchSchema = z.object({
  name: z.string(),
  food: foodSummarySchema.nullable(),
  method: foodMatchMethodSchema.nullable(),
  /** The key that matched ("basil"), or null. */
  matchedAs: z.string().nullable(),
  /** Trigram similarity, for `similar` matches. */
  similarity: z.number().nullable(),
});
export type FoodMatch = z.infer<typeof foodMatchSchema>;

export const foodMatchListSchema = z.object({ matches: z.array(foodMatchSchema) });

/** Why an ingredient line is left out of a nutrition summary: nothing is guessed. */
export const uncountedReasonSchema = z.enum(['no_food', 'unknown_food', 'no_quantity', 'unknown_unit', 'no_density', 'no_portion']);
export type UncountedReason = z.infer<typeof uncountedReasonSchema>;

export const nutritionSummarySchema = z.object({
  servings: z.number(),
  perServing: nutrientsSchema,
  total: nutrientsSchema,
  /** Nutrients some counted food has no value for: their figures are lower bounds. */
  incomplete: z.array(z.enum(nutrientKeys)),
  countedLines: z.number().int(),
  uncounted: z.array(z.object({ line: z.number().int(), reason: uncountedReasonSchema })),
});
export type NutritionSummary = z.infer<typeof nutritionSummarySchema>;

/**
 * GET  /api/foods?q=&limit=     -> { items: FoodSummary[] } (autocomplete; public)
 * GET  /api/foods/:id           -> Food
 * POST /api/foods/match         { names } -> { matches: FoodMatch[] } (same order as names)
 */
