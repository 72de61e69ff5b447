import { z } from 'zod';
import { authorSchema, recipeSummarySchema } from './recipes.js';

/** Ratings and reviews, favourites and the "I cooked this" log around a recipe. */

export const ratingBody = z.object({
  stars: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  review: z.string().trim().max(5000).nullable().optional(),
});

export const ratingSchema = z.object({
  author: authorSchema,
  stars: z.number().int(),
  review: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const ratingSummarySchema = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  /** Count of 1..5 stars, index 0 = one star. */
  distribution: z.array(z.number().int()).length(5),
});

export const ratingsPageSchema = z.object({
  summary: ratingSummarySchema,
  mine: ratingSchema.nullable(),
  items: z.array(ratingSchema),
  nextCursor: z.string().nullable(),
});

export const ratingsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20), cursor: z.string().max(200).optional() });

export const favouriteStateSchema = z.object({ favourite: z.boolean(), count: z.number().int() });

export const cookLogBody = z.object({
  cookedOn: z.iso.date('must be a date like 2026-11-25'),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const cookLogEntrySchema = z.object({
  id: z.string().uuid(),
  recipeId: z.string().uuid(),
  recipeTitle: z.string(),
  cookedOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type CookLogEntry = z.infer<typeof cookLogEntrySchema>;

export const favouritesPageSchema = z.object({ items: z.array(recipeSummarySchema) });

/**
 * GET    /api/recipes/:id/ratings?limit=&cursor=  -> RatingsPage (summary, mine, newest first)
 * PUT    /api/recipes/:id/rating                 {stars, review?} -> Rating (one per user, editable; not on your own recipe)
 * DELETE /api/recipes/:id/rating                 -> 204
 * GET    /api/recipes/:id/favourite              -> FavouriteState
 * PUT    /api/recipes/:id/favourite              -> FavouriteState ; DELETE -> FavouriteState
 * GET    /api/me/favourites                      -> { items: RecipeSummary[] } (only recipes still visible to you)
 * POST   /api/recipes/:id/cooked                 {cookedOn, note?} -> 201 CookLogEntry
 * GET    /api/me/cooked?recipeId=                -> { items: CookLogEntry[] } newest first
 * DELETE /api/me/cooked/:entryId                 -> 204
 */
