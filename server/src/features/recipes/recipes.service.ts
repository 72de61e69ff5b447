import type { RecipeImage } from '@tavola/contracts/images';
import type { Recipe, RecipeContent, RecipeDiff, RecipeRatingSummary, RecipeSummary, VersionSummary, Visibility } from '@tavola/contracts/recipes';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findFoodsByIds } from '../foods/index.js';
import { diffRecipeContent, foodChanges } from './recipe-diff.js';
import { checkStepImages, withoutMissingStepImages } from './recipe-step-images.js';
import { findRecipeForReading, type RecipeReadPart } from './recipe-read.repository.js';
import * as repo from './recipes.repository.js';

export interface RecipesDeps {
  db: Db;
  /** Fills the parsed parts of ingredient lines that arrive as text only (the ingredient parser). */
  completeIngredients?: (content: RecipeContent) => Promise<RecipeContent>;
  /** Runs inside the delete transaction before the row goes (e.g. enqueue removal of image files). */
  beforeDelete?: (tx: Tx, recipeId: string) => Promise<void>;
  /**
   * Runs inside the transaction of every write that changes what a recipe shows elsewhere (create,
   * save, restore, visibility, delete, ratings), after the change: the search index follows in the
   * same transaction, so a rolled-back write leaves it unchanged (wired by the composition root).
   */
  afterChange?: (tx: Tx, recipeId: string) => Promise<void>;
  /** The recipe's images, cover first, in one query (the images feature, wired by the composition root). */
  imagesFor?: (db: DbOrTx, recipeId: string) => Promise<RecipeImage[]>;
  /** The same images inside the one statement of the recipe read (GET /api/recipes/:id). */
  imagesInRead?: RecipeReadPart<RecipeImage[]>;
}

type Author = { id: string; username: string; displayName: string | null };

/** A recipe without what the full read adds (images, rating): what writes and access checks work with. */
export type RecipeRecord = Omit<Recipe, 'images' | 'rating'>;

function toRecipe(recipe: repo.RecipeRow, version: repo.VersionRow, author: Author): RecipeRecord {
  return {
    id: recipe.id,
    author,
    visibility: recipe.visibility,
    version: version.number,
    versionId: version.id,
    content: version.content,
    createdAt: recipe.createdAt.toISOString(),
    updatedAt: recipe.updatedAt.toISOString(),
  };
}

function cachedColumns(content: RecipeContent) {
  const total = content.totalMinutes ?? (content.prepMinutes != null || content.cookMinutes != null ? (content.prepMinutes ?? 0) + (content.cookMinutes ?? 0) : null);
  return { title: content.title, cuisine: content.cuisine ?? null, course: content.course ?? null, totalMinutes: total };
}

const recipeNotFound = () => notFound('Recipe');

export function toSummary(recipe: repo.RecipeRow, author: Author): RecipeSummary {
  return {
    id: recipe.id,
    title: recipe.title,
    author,
    visibility: recipe.visibility,
    version: recipe.currentVersion,
    cuisine: recipe.cuisine,
    course: recipe.course,
    totalMinutes: recipe.totalMinutes,
    updatedAt: recipe.updatedAt.toISOString(),
  };
}

/** The owner's recipe, locked for the edit. Someone who can see it but does not own it gets 403; anyone else 404. */
async function lockOwnRecipe(tx: Tx, id: string, userId: string): Promise<repo.RecipeRow> {
  const recipe = await repo.findOwnRecipeForUpdate(tx, id, userId);
  if (recipe) return recipe;
  if (await repo.findVisibleRecipe(tx, id, userId)) throw new AppError('not_author', 403, 'Only the author can change this recipe');
  throw recipeNotFound();
}

export async function createRecipe(deps: RecipesDeps, ownerId: string, input: { content: RecipeContent; visibility: Visibility; changeNote?: string }): Promise<Recipe> {
  const content = deps.completeIngredients ? await deps.completeIngredients(input.content) : input.content;
  await checkStepImages(deps, deps.db, null, content);
  return deps.db.transaction(async (tx) => {
    const recipe = await repo.insertRecipe(tx, { ownerId, visibility: input.visibility, currentVersion: 1, ...cachedColumns(content) });
    const version = await repo.insertVersion(tx, { recipeId: recipe.id, number: 1, authorId: ownerId, content, changeNote: input.changeNote ?? null });
    await deps.afterChange?.(tx, recipe.id);
    const found = await repo.findVisibleRecipe(tx, recipe.id, ownerId);
    if (!found) throw recipeNotFound();
    // A recipe created a moment ago has no images and no ratings yet.
    return { ...toRecipe(recipe, version, found.author), images: [], rating: { count: 0, average: null, mine: null, favourite: false } };
  });
}

/** The recipe's own fields, when the viewer may see it (404 otherwise): the visibility check of every read around a recipe. */
export async function getRecipe(deps: RecipesDeps, id: string, viewerId: string | null): Promise<RecipeRecord> {
  const found = await repo.findVisibleRecipe(deps.db, id, viewerId);
  if (!found) throw recipeNotFound();
  return toRecipe(found.recipe, found.version, found.author);
}

/**
 * The whole recipe as the viewer may see it (404 otherwise): current version, author, rating summary
 * and images in one query, whatever the number of images and ratings.
 */
export async function getRecipeDetail(deps: RecipesDeps, id: string, viewerId: string | null): Promise<Recipe> {
  const found = await findRecipeForReading(deps.db, id, viewerId, deps.imagesInRead ?? null);
  if (!found) throw recipeNotFound();
  const images = deps.imagesInRead ? deps.imagesInRead.fromJson(found.images) : [];
  const { n, total } = found.ratings;
  const rating: RecipeRatingSummary = {
    count: n,
    average: n > 0 ? Math.round((total / n) * 100) / 100 : null,
    mine: found.mine,
    favourite: found.favourite,
  };
  const { recipe, version } = found;
  return {
    id: recipe.id,
    author: found.author,
    visibility: recipe.visibility,
    version: version.number,
    versionId: version.id,
    content: version.content,
    images,
    rating,
    createdAt: recipe.createdAt,
    updatedAt: recipe.updatedAt,
  };
}

/** Saves a new immutable version. `baseVersion` guards against overwriting a save made in between. */
export async function updateRecipe(
  deps: RecipesDeps,
  ownerId: string,
  id: string,
  input: { content: RecipeContent; baseVersion: number; changeNote?: string; restoredFrom?: number },
): Promise<Recipe> {
  const content = deps.completeIngredients ? await deps.completeIngredients(input.content) : input.content;
  await deps.db.transaction(async (tx) => {
    const recipe = await lockOwnRecipe(tx, id, ownerId);
    if (recipe.currentVersion !== input.baseVersion) {
      throw new AppError('version_conflict', 409, `This recipe was saved again (version ${recipe.currentVersion}) since you started editing version ${input.baseVersion}`);
    }
    await checkStepImages(deps, tx, id, content);
    const number = recipe.currentVersion + 1;
    await repo.insertVersion(tx, { recipeId: id, number, authorId: ownerId, content, changeNote: input.changeNote ?? null, restoredFrom: input.restoredFrom ?? null });
    await repo.updateRecipe(tx, id, { currentVersion: number, ...cachedColumns(content) });
    await deps.afterChange?.(tx, id);
  });
  return getRecipeDetail(deps, id, ownerId);
}

export async function changeVisibility(deps: RecipesDeps, ownerId: string, id: string, visibility: Visibility, ip?: string): Promise<Recipe> {
  await deps.db.transaction(async (tx) => {
    const recipe = await lockOwnRecipe(tx, id, ownerId);
    if (recipe.visibility === visibility) return;
    await repo.updateRecipe(tx, id, { visibility });
    await deps.afterChange?.(tx, id);
    await recordAudit(tx, { actorId: ownerId, action: 'recipe.visibility_changed', targetType: 'recipe', targetId: id, diff: { visibility: [recipe.visibility, visibility] }, ip });
  });
  return getRecipeDetail(deps, id, ownerId);
}

export async function deleteRecipe(deps: RecipesDeps, ownerId: string, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await lockOwnRecipe(tx, id, ownerId);
    await deps.beforeDelete?.(tx, id);
    await repo.deleteRecipe(tx, id, ownerId);
    await deps.afterChange?.(tx, id);
  });
}

/** Keyset pagination over (updated_at, id); the cursor is opaque to clients. */
export function encodeCursor(row: { updatedAt: Date; id: string }): string {
  return Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const updatedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(updatedAt.getTime())) {
    throw new AppError('validation_failed', 400, 'The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
  }
  return { updatedAt, id };
}

export async function listRecipes(
  deps: RecipesDeps,
  viewerId: string | null,
  query: { author?: string; mine?: boolean; limit: number; cursor?: string },
): Promise<{ items: RecipeSummary[]; nextCursor: string | null }> {
  if (query.mine && !viewerId) throw new AppError('unauthenticated', 401, 'Log in to see your recipes');
  const rows = await repo.listVisibleRecipes(deps.db, {
    viewerId,
    ownerId: query.mine ? (viewerId ?? undefined) : undefined,
    authorUsername: query.author,
    limit: query.limit + 1,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ recipe, author }) => toSummary(recipe, author)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.recipe) : null,
  };
}

export async function listVersions(deps: RecipesDeps, id: string, viewerId: string | null): Promise<VersionSummary[]> {
  await getRecipe(deps, id, viewerId);
  return (await repo.listVersions(deps.db, id)).map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }));
}

async function loadVersions(deps: RecipesDeps, id: string, viewerId: string | null, numbers: number[]) {
  await getRecipe(deps, id, viewerId);
  const rows = await repo.findVersions(deps.db, id, numbers);
  const byNumber = new Map(rows.map((r) => [r.version.number, r]));
  return numbers.map((n) => {
    const row = byNumber.get(n);
    if (!row) throw notFound(`Version ${n}`);
    return row;
  });
}

export async function getVersion(deps: RecipesDeps, id: string, number: number, viewerId: string | null) {
  const [row] = await loadVersions(deps, id, viewerId, [number]);
  const { version, author } = row!;
  return {
    id: version.id,
    recipeId: version.recipeId,
    number: version.number,
    author,
    changeNote: version.changeNote,
    restoredFrom: version.restoredFrom,
    createdAt: version.createdAt.toISOString(),
    content: version.content,
  };
}

export async function diffVersions(deps: RecipesDeps, id: string, from: number, to: number, viewerId: string | null): Promise<RecipeDiff> {
  const [a, b] = await loadVersions(deps, id, viewerId, [from, to]);
  const before = a!.version.content;
  const after = b!.version.content;
  const changes = foodChanges(before, after);
  const foods = changes.length > 0 ? await findFoodsByIds(deps.db, changes.flatMap((change) => [change.before, change.after].filter((id): id is number => id !== null))) : new Map();
  const nameOf = (id: number | null) => (id === null ? null : (foods.get(id)?.name ?? `food ${id}`));
  return {
    ...diffRecipeContent(from, before, to, after),
    foods: changes.map((change) => ({ line: change.line, before: nameOf(change.before), after: nameOf(change.after) })),
  };
}

/** Restoring never rewrites history: the old content becomes a new version. */
export async function restoreVersion(deps: RecipesDeps, ownerId: string, id: string, number: number, changeNote?: string): Promise<Recipe> {
  const current = await getRecipe(deps, id, ownerId);
  if (current.author.id !== ownerId) throw new AppError('not_author', 403, 'Only the author can change this recipe');
  const [row] = await loadVersions(deps, id, ownerId, [number]);
  return updateRecipe(deps, ownerId, id, {
    // A photo deleted since that version is left out rather than refusing the restore.
    content: withoutMissingStepImages(row!.version.content, deps.imagesFor ? await deps.imagesFor(deps.db, id) : []),
    baseVersion: current.version,
    changeNote: changeNote ?? `Restored version ${number}`,
    restoredFrom: number,
  });
}

/**
 * What other features (images, reviews, import) may ask about a recipe: can this viewer see it, and
 * is this user its owner. Both answer through the same visibility rule as every read here.
 */
export interface RecipeAccess {
  /** The recipe as the viewer may see it; throws 404 otherwise. */
  requireVisible(recipeId: string, viewerId: string | null): Promise<RecipeRecord>;
  /** Throws 404 when the user cannot see it, 403 'not_author' when they can but do not own it. */
  requireOwner(recipeId: string, userId: string): Promise<RecipeRecord>;
}

export function recipeAccess(deps: RecipesDeps): RecipeAccess {
  return {
    requireVisible: (recipeId, viewerId) => getRecipe(deps, recipeId, viewerId),
    requireOwner: async (recipeId, userId) => {
      const recipe = await getRecipe(deps, recipeId, userId);
      if (recipe.author.id !== userId) throw new AppError('not_author', 403, 'Only the author can change this recipe');
      return recipe;
    },
  };
}
