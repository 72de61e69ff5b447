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
  await deps.db.transaction(async (tx) => {
    await repo.upsertRating(tx, { recipeId, userId, stars: input.stars, review: input.review?.trim() || null });
    await deps.afterChange?.(tx, recipeId);
  });
  const row = await repo.findRating(deps.db, recipeId, userId);
  return toRating(row as RatingRow);
}

export async function removeRating(deps: RecipesDeps, userId: string, recipeId: string): Promise<void> {
  await getRecipe(deps, recipeId, userId);
  await deps.db.transaction(async (tx) => {
    if (!(await repo.deleteRating(tx, recipeId, userId))) throw notFound('Your rating');
    await deps.afterChange?.(tx, recipeId);
  });
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

/**
 * Keyset cursors of the user's own lists: base64url of a tag naming the list and the last row's
 * sort key. Opaque to clients; a cursor from another list, or altered, is refused as a bad field.
 */
const keyParts = {
  /** A calendar day that exists (2026-02-31 does not). */
  date: (part: string) => /^\d{4}-\d{2}-\d{2}$/.test(part) && !part.startsWith('0000') && !Number.isNaN(Date.parse(part)) && new Date(part).toISOString().startsWith(part),
  /** A UTC timestamp to the microsecond that exists. */
  time: (part: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(part) &&
    !part.startsWith('0000') &&
    !Number.isNaN(Date.parse(part)) &&
    new Date(part).toISOString().slice(0, 23) === part.slice(0, 23),
  uuid: (part: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(part),
};

function encodeListCursor(list: 'favourites' | 'cooked', key: string[]): string {
  return Buffer.from([list, ...key].join('|')).toString('base64url');
}

function decodeListCursor(list: 'favourites' | 'cooked', cursor: string, parts: (keyof typeof keyParts)[]): string[] {
  const [tag, ...key] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const valid = tag === list && key.length === parts.length && key.every((part, i) => keyParts[parts[i] as keyof typeof keyParts](part));
  if (!valid) throw new AppError('validation_failed', 400, 'The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
  return key;
}

interface MyListQuery {
  limit: number;
  cursor?: string;
}

/** The user's favourites they can still see, newest favourite first, a page at a time. */
export async function listFavourites(deps: RecipesDeps, userId: string, query: MyListQuery): Promise<{ items: RecipeSummary[]; nextCursor: string | null }> {
  let after: repo.FavouritesAfter | undefined;
  if (query.cursor) {
    const [favouritedAt, recipeId] = decodeListCursor('favourites', query.cursor, ['time', 'uuid']) as [string, string];
    after = { favouritedAt, recipeId };
  }
  const rows = await repo.listFavourites(deps.db, userId, query.limit + 1, after);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ recipe, author }) => toSummary(recipe, author)),
    nextCursor: rows.length > query.limit && last ? encodeListCursor('favourites', [last.favouritedAt, last.recipe.id]) : null,
  };
}

type CookLogRow = Awaited<ReturnType<typeof repo.insertCookLog>>;

/** A recipe the user can no longer see keeps its entry, without its title. */
const toEntry = (entry: CookLogRow, recipe: { visible: boolean; title: string | null }): CookLogEntry => ({
  id: entry.id,
  recipeId: entry.recipeId,
  recipeTitle: recipe.visible ? recipe.title : null,
  recipeVisible: recipe.visible,
  cookedOn: entry.cookedOn,
  note: entry.note,
  createdAt: entry.createdAt.toISOString(),
});

export async function logCooked(deps: RecipesDeps, userId: string, recipeId: string, input: { cookedOn: string; note?: string | null }): Promise<CookLogEntry> {
  const recipe = await getRecipe(deps, recipeId, userId);
  const entry = await repo.insertCookLog(deps.db, { recipeId, userId, cookedOn: input.cookedOn, note: input.note?.trim() || null });
  return toEntry(entry, { visible: true, title: recipe.content.title });
}

/** The user's own log (or one recipe's part of it), newest cooking first, a page at a time, with its total. */
export async function listCooked(
  deps: RecipesDeps,
  userId: string,
  query: MyListQuery & { recipeId?: string },
): Promise<{ items: CookLogEntry[]; nextCursor: string | null; total: number }> {
  let after: repo.CookLogAfter | undefined;
  if (query.cursor) {
    const [cookedOn, createdAt, id] = decodeListCursor('cooked', query.cursor, ['date', 'time', 'uuid']) as [string, string, string];
    after = { cookedOn, createdAt, id };
  }
  const [rows, total] = await Promise.all([
    repo.listCookLog(deps.db, userId, { recipeId: query.recipeId, limit: query.limit + 1, after }),
    repo.countCookLog(deps.db, userId, query.recipeId),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toEntry(row.entry, row)),
    nextCursor: rows.length > query.limit && last ? encodeListCursor('cooked', [last.entry.cookedOn, last.exactCreatedAt, last.entry.id]) : null,
    total,
  };
}

export async function deleteCooked(deps: RecipesDeps, userId: string, id: string): Promise<void> {
  if (!(await repo.deleteCookLog(deps.db, userId, id))) throw notFound('Log entry');
}

/** Count, average (two decimals) and distribution of a recipe's ratings by active accounts (no visibility check: callers have done it). */
export async function ratingSummary(deps: RecipesDeps, recipeId: string) {
  return summarise(await repo.ratingDistribution(deps.db, recipeId));
}
