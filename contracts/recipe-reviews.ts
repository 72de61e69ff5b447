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

/**
 * One "I cooked this" entry. The log is the user's own, so an entry stays when its recipe is later
 * hidden from them (turned private by its author): then `recipeVisible` is false and `recipeTitle`
 * is null, and clients show the entry without the recipe's title or a link to it. `recipeId` is kept
 * (the user logged it; it reveals nothing they did not know), so the entry can still be deleted.
 */
export const cookLogEntrySchema = z.object({
  id: z.string().uuid(),
  recipeId: z.string().uuid(),
  /** The recipe's current title; null exactly when `recipeVisible` is false. */
  recipeTitle: z.string().nullable(),
  /** Whether the user can still see the recipe (the same rule as every recipe read). */
  recipeVisible: z.boolean(),
  cookedOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type CookLogEntry = z.infer<typeof cookLogEntrySchema>;

/** Keyset paging of the signed-in user's own lists; the cursor is opaque and only valid for the list that issued it. */
export const myListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(24),
  /** Opaque cursor from the previous page (`nextCursor`). */
  cursor: z.string().max(200).optional(),
});

export const cookLogQuery = myListQuery.extend({
  /** Only this recipe's entries. */
  recipeId: z.string().uuid('is not a recipe id').optional(),
});

/** Newest favourite first (when it was favourited); only recipes still visible to the user. */
export const favouritesPageSchema = z.object({ items: z.array(recipeSummarySchema), nextCursor: z.string().nullable() });

export const cookLogPageSchema = z.object({
  items: z.array(cookLogEntrySchema),
  nextCursor: z.string().nullable(),
  /** How many entries the whole log (or the recipe's part of it, with `recipeId`) holds, across all pages. */
  total: z.number().int(),
});

/**
 * GET    /api/recipes/:id/ratings?limit=&cursor=  -> RatingsPage (summary, mine, newest first)
 * PUT    /api/recipes/:id/rating                 {stars, review?} -> Rating (one per user, editable; not on your own recipe)
 * DELETE /api/recipes/:id/rating                 -> 204
 * GET    /api/recipes/:id/favourite              -> FavouriteState
 * PUT    /api/recipes/:id/favourite              -> FavouriteState ; DELETE -> FavouriteState
 * GET    /api/me/favourites?limit=&cursor=       -> { items: RecipeSummary[], nextCursor } newest favourite first (only recipes still visible to you)
 * POST   /api/recipes/:id/cooked                 {cookedOn, note?} -> 201 CookLogEntry
 * GET    /api/me/cooked?recipeId=&limit=&cursor= -> { items: CookLogEntry[], nextCursor, total } by cookedOn, then createdAt, newest first
 * DELETE /api/me/cooked/:entryId                 -> 204
 *
 * The two /api/me lists answer only the signed-in user's own rows (401 anonymous); a cursor that is
 * not one of that list's answers 400 validation_failed naming `cursor`. Rating counts, averages and
 * distributions, and favourite counts, count only active accounts (a deleted account's ratings and
 * favourites stay in the table but no longer count, as its reviews are no longer listed).
 */
