import type { CookLogEntry, Rating } from '@tavola/contracts/recipe-reviews';
import type { RecipeSummary } from '@tavola/contracts/recipes';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './recipe-reviews.repository.js';
import { decodeCursor, encodeCursor, getRecipe, type RecipesDeps, toSummary } from './recipes.service.js';

function summarise(rows: { stars: number; n: number }[]) {
  const distribution = [1, 2, 3, 4, 5].map((stars) => Number(rows.find((r) => r.stars === stars)?.n ?? 0));
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((acc, n, i) => acc + n * (i + 1), 0);
  return { count, average: count ? Math.round((sum / count) * 100) / 100 : null, distribution };
}

type RatingRow = NonNullable<Awaited<ReturnType<typeof repo.findRating>>>;

const toRating = (row: RatingRow): Rating => ({
  author: row.author,
  stars: row.stars,
  review: row.review,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** One rating per user and recipe, editable; only on recipes the user can see and did not write. */
export async function rateRecipe(deps: RecipesDeps, userId: string, recipeId: string, input: { stars: number; review?: string | null }): Promise<Rating> {
  const recipe = await getRecipe(deps, recipeId, userId);
  if (recipe.author.id === userId) throw new AppError('own_recipe', 403, 'You cannot rate your own recipe');
  await repo.upsertRating(deps.db, { recipeId, userId, stars: input.stars, review: input.review?.trim() || null });
  const row = await repo.findRating(deps.db, recipeId, userId);
  return toRating(row as RatingRow);
}

export async function removeRating(deps: RecipesDeps, userId: string, recipeId: string): Promise<void> {
  await getRecipe(deps, recipeId, userId);
  if (!(await repo.deleteRating(deps.db, recipeId, userId))) throw notFound('Your rating');
}

export async function listRatings(deps: RecipesDeps, viewerId: string | null, recipeId: string, query: { limit: number; cursor?: string }) {
  await getRecipe(deps, recipeId, viewerId);
  const [distributionRows, rows, mine] = await Promise.all([
    repo.ratingDistribution(deps.db, recipeId),
    repo.listRatings(deps.db, recipeId, query.limit + 1, query.cursor ? decodeCursor(query.cursor) : undefined),
    viewerId ? repo.findRating(deps.db, recipeId, viewerId) : undefined,
  ]);
  const summary = summarise(distributionRows);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    summary,
    mine: mine ? toRating(mine) : null,
    items: page.map(toRating),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.userId }) : null,
  };
}

export async function favouriteState(deps: RecipesDeps, viewerId: string | null, recipeId: string) {
  await getRecipe(deps, recipeId, viewerId);
  return repo.favouriteState(deps.db, recipeId, viewerId);
}

export async function setFavourite(deps: RecipesDeps, userId: string, recipeId: string, favourite: boolean) {
  await getRecipe(deps, recipeId, userId);
  if (favourite) await repo.addFavourite(deps.db, recipeId, userId);
  else await repo.removeFavourite(deps.db, recipeId, userId);
  return repo.favouriteState(deps.db, recipeId, userId);
}

export async function listFavourites(deps: RecipesDeps, userId: string): Promise<RecipeSummary[]> {
  const rows = await repo.listFavourites(deps.db, userId, 200);
  return rows.map(({ recipe, author }) => toSummary(recipe, author));
}

const toEntry = (entry: Awaited<ReturnType<typeof repo.insertCookLog>>, title: string | null): CookLogEntry => ({
  id: entry.id,
  recipeId: entry.recipeId,
  recipeTitle: title ?? 'A recipe you can no longer see',
  cookedOn: entry.cookedOn,
  note: entry.note,
  createdAt: entry.createdAt.toISOString(),
});

export async function logCooked(deps: RecipesDeps, userId: string, recipeId: string, input: { cookedOn: string; note?: string | null }): Promise<CookLogEntry> {
  const recipe = await getRecipe(deps, recipeId, userId);
  const entry = await repo.insertCookLog(deps.db, { recipeId, userId, cookedOn: input.cookedOn, note: input.note?.trim() || null });
  return toEntry(entry, recipe.content.title);
}

export async function listCooked(deps: RecipesDeps, userId: string, recipeId?: string): Promise<CookLogEntry[]> {
  return (await repo.listCookLog(deps.db, userId, recipeId)).map((r) => toEntry(r.entry, r.title));
}

export async function deleteCooked(deps: RecipesDeps, userId: string, id: string): Promise<void> {
  if (!(await repo.deleteCookLog(deps.db, userId, id))) throw notFound('Log entry');
}

/** Count, average (two decimals) and distribution of a recipe's ratings (no visibility check: callers have done it). */
export async function ratingSummary(deps: RecipesDeps, recipeId: string) {
  return summarise(await repo.ratingDistribution(deps.db, recipeId));
}
