import { z } from 'zod';
import { recipeImageSchema } from './images.js';

/** Recipes: the structured content of one version, and the shapes of the recipe API. */

export const visibilitySchema = z.enum(['public', 'followers', 'private']);
export type Visibility = z.infer<typeof visibilitySchema>;

export const difficultySchema = z.enum(['easy', 'medium', 'hard']);
export const dietLabels = ['vegetarian', 'vegan', 'pescatarian', 'gluten-free', 'dairy-free', 'nut-free', 'egg-free', 'low-carb', 'keto', 'halal', 'kosher'] as const;
export const dietSchema = z.enum(dietLabels);

const shortText = (max: number) => z.string().trim().min(1, 'is required').max(max);
const label = z.string().trim().min(1).max(40);

/** One ingredient line: the text as written, and its parsed parts (filled by the parser when absent). */
export const ingredientLineSchema = z.object({
  text: shortText(500),
  quantity: z.number().nonnegative().max(1_000_000).nullable().optional(),
  quantityMax: z.number().nonnegative().max(1_000_000).nullable().optional(),
  unit: z.string().max(40).nullable().optional(),
  name: z.string().max(200).nullable().optional(),
  preparation: z.string().max(200).nullable().optional(),
  comment: z.string().max(300).nullable().optional(),
  optional: z.boolean().optional(),
  /**
   * The food catalogue entry this line counts as (nutrition). Matched from the name at every save
   * unless `foodChosen` is true: then it is the author's choice (null: "count nothing for this line").
   */
  foodId: z.number().int().positive().nullable().optional(),
  /** True when the author picked `foodId` (or chose none) rather than the matcher. */
  foodChosen: z.boolean().optional(),
});
export type IngredientLine = z.infer<typeof ingredientLineSchema>;

export const ingredientSectionSchema = z.object({
  title: z.string().trim().max(120).nullable().optional(),
  lines: z.array(ingredientLineSchema).max(200),
});

export const stepSchema = z.object({
  text: shortText(5000),
  imageId: z.string().uuid().nullable().optional(),
  timerSeconds: z.number().int().positive().max(7 * 24 * 3600).nullable().optional(),
});

export const servingsSchema = z.object({
  amount: z.number().positive('must be more than 0').max(10_000),
  unit: z.string().trim().min(1).max(40).default('servings'),
});

const minutes = z.number().int().nonnegative().max(60 * 24 * 14).nullable().optional();

/** Everything a version holds. Immutable once saved. */
export const recipeContentSchema = z
  .object({
    title: shortText(200),
    description: z.string().trim().max(5000).nullable().optional(),
    servings: servingsSchema,
    prepMinutes: minutes,
    cookMinutes: minutes,
    totalMinutes: minutes,
    difficulty: difficultySchema.nullable().optional(),
    cuisine: z.string().trim().max(60).nullable().optional(),
    course: z.string().trim().max(60).nullable().optional(),
    diets: z.array(dietSchema).max(dietLabels.length).default([]),
    tags: z.array(label).max(30).default([]),
    equipment: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
    ingredients: z.array(ingredientSectionSchema).min(1, 'add at least one ingredient section').max(30),
    steps: z.array(stepSchema).max(200).default([]),
    notes: z.string().trim().max(10_000).nullable().optional(),
    source: z
      .object({ url: z.string().url().max(2000).nullable().optional(), name: z.string().trim().max(200).nullable().optional() })
      .nullable()
      .optional(),
  })
  .refine((r) => r.ingredients.reduce((n, s) => n + s.lines.length, 0) <= 300, { message: 'at most 300 ingredient lines', path: ['ingredients'] });
export type RecipeContent = z.infer<typeof recipeContentSchema>;

export const createRecipeBody = z.object({
  content: recipeContentSchema,
  visibility: visibilitySchema.default('private'),
  changeNote: z.string().trim().max(500).optional(),
});
export type CreateRecipeBody = z.input<typeof createRecipeBody>;

export const updateRecipeBody = z.object({
  content: recipeContentSchema,
  /** The version the edit started from; a newer current version means someone saved in between (409). */
  baseVersion: z.number().int().positive(),
  changeNote: z.string().trim().max(500).optional(),
});

export const visibilityBody = z.object({ visibility: visibilitySchema });

export const authorSchema = z.object({ id: z.string().uuid(), username: z.string(), displayName: z.string().nullable() });

/** What the recipe page shows of the ratings: the summary, and for a logged-in viewer their own stars and favourite. */
export const recipeRatingSummarySchema = z.object({
  count: z.number().int(),
  /** Mean stars, two decimals; null without ratings. */
  average: z.number().nullable(),
  /** The viewer's own stars (1-5); null when logged out or not rated. */
  mine: z.number().int().nullable(),
  /** Whether the recipe is in the viewer's favourites; false when logged out. */
  favourite: z.boolean(),
});
export type RecipeRatingSummary = z.infer<typeof recipeRatingSummarySchema>;

/** The whole recipe in one answer: current version, images (cover first, then in order) and rating summary. */
export const recipeSchema = z.object({
  id: z.string().uuid(),
  author: authorSchema,
  visibility: visibilitySchema,
  version: z.number().int(),
  versionId: z.string().uuid(),
  content: recipeContentSchema,
  images: z.array(recipeImageSchema),
  rating: recipeRatingSummarySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Recipe = z.infer<typeof recipeSchema>;

export const recipeSummarySchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  author: authorSchema,
  visibility: visibilitySchema,
  version: z.number().int(),
  cuisine: z.string().nullable(),
  course: z.string().nullable(),
  totalMinutes: z.number().nullable(),
  updatedAt: z.string(),
});
export type RecipeSummary = z.infer<typeof recipeSummarySchema>;

export const recipeListQuery = z.object({
  author: z.string().trim().max(40).optional(),
  mine: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(200).optional(),
});

export const recipePageSchema = z.object({ items: z.array(recipeSummarySchema), nextCursor: z.string().nullable() });

export const versionSummarySchema = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  author: authorSchema,
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  /** Set when the version restored an earlier one. */
  restoredFrom: z.number().int().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const recipeVersionSchema = versionSummarySchema.extend({ recipeId: z.string().uuid(), content: recipeContentSchema });

/** A readable difference between two versions. */
export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const listChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'changed', 'unchanged']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  section: z.string().nullable().optional(),
});
export const recipeDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  metadata: z.array(fieldChangeSchema),
  ingredients: z.array(listChangeSchema),
  steps: z.array(listChangeSchema),
  /** Lines kept as they were whose catalogue food changed (names of the foods; null: none). */
  foods: z.array(z.object({ line: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
});
export type RecipeDiff = z.infer<typeof recipeDiffSchema>;

export const restoreBody = z.object({ version: z.number().int().positive(), changeNote: z.string().trim().max(500).optional() });

export const unitSystemSchema = z.enum(['original', 'metric', 'us']);

export const scaledRecipeQuery = z.object({
  servings: z.coerce.number().positive().max(10_000).optional(),
  system: unitSystemSchema.default('original'),
  /**
   * `weight`: volumes of foods with a known density are shown as weights ("2 cups flour" → "250 g"
   * metric, "8.8 oz" US; grams when the system is `original`). Counts ("3 eggs") stay as written.
   */
  measure: z.enum(['as-written', 'weight']).default('as-written'),
});

/** An ingredient line as displayed at a chosen size and unit system. */
export const scaledLineSchema = z.object({
  /** The line as written in the recipe. */
  original: z.string(),
  /** The line to show: amount scaled and converted, then unit, name, preparation, comment. */
  display: z.string(),
  quantity: z.number().nullable(),
  quantityMax: z.number().nullable(),
  unit: z.string().nullable(),
  /** False for lines kept as written ("salt to taste", no amount). */
  scaled: z.boolean(),
});

export const scaledRecipeSchema = z.object({
  servings: servingsSchema,
  factor: z.number(),
  system: unitSystemSchema,
  measure: z.enum(['as-written', 'weight']),
  ingredients: z.array(z.object({ title: z.string().nullable(), lines: z.array(scaledLineSchema) })),
});
export type ScaledRecipe = z.infer<typeof scaledRecipeSchema>;

/**
 * GET    /api/recipes/:id/scaled?servings=&system=   -> ScaledRecipe (ingredients at that size, in that unit system)
 * GET    /api/recipes?author=&mine=&limit=&cursor=   -> RecipePage (only what the viewer may see)
 * POST   /api/recipes                                CreateRecipeBody -> 201 Recipe (version 1)
 * GET    /api/recipes/:id                            -> Recipe (current version, images, rating summary; one read, a constant number of queries)
 * PUT    /api/recipes/:id                            {content, baseVersion, changeNote?} -> Recipe (new version; 409 'version_conflict')
 * PATCH  /api/recipes/:id/visibility                 {visibility} -> Recipe
 * DELETE /api/recipes/:id                            -> 204
 * GET    /api/recipes/:id/versions                   -> { items: VersionSummary[] } newest first
 * GET    /api/recipes/:id/versions/:number           -> RecipeVersion (stable link)
 * GET    /api/recipes/:id/diff?from=&to=             -> RecipeDiff
 * POST   /api/recipes/:id/restore                    {version, changeNote?} -> Recipe (a new version with that content)
 */
