import type { Recipe, RecipeContent, RecipeDiff, RecipeSummary, VersionSummary, Visibility } from '@tavola/contracts/recipes';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Tx } from '../../db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { diffRecipeContent } from './recipe-diff.js';
import * as repo from './recipes.repository.js';

export interface RecipesDeps {
  db: Db;
  /** Fills the parsed parts of ingredient lines that arrive as text only (the ingredient parser). */
  completeIngredients?: (content: RecipeContent) => Promise<RecipeContent>;
  /** Runs inside the delete transaction before the row goes (e.g. enqueue removal of image files). */
  beforeDelete?: (tx: Tx, recipeId: string) => Promise<void>;
}

type Author = { id: string; username: string; displayName: string | null };

function toRecipe(recipe: repo.RecipeRow, version: repo.VersionRow, author: Author): Recipe {
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
  return deps.db.transaction(async (tx) => {
    const recipe = await repo.insertRecipe(tx, { ownerId, visibility: input.visibility, currentVersion: 1, ...cachedColumns(content) });
    const version = await repo.insertVersion(tx, { recipeId: recipe.id, number: 1, authorId: ownerId, content, changeNote: input.changeNote ?? null });
    const found = await repo.findVisibleRecipe(tx, recipe.id, ownerId);
    if (!found) throw recipeNotFound();
    return toRecipe(recipe, version, found.author);
  });
}

export async function getRecipe(deps: RecipesDeps, id: string, viewerId: string | null): Promise<Recipe> {
  const found = await repo.findVisibleRecipe(deps.db, id, viewerId);
  if (!found) throw recipeNotFound();
  return toRecipe(found.recipe, found.version, found.author);
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
    const number = recipe.currentVersion + 1;
    await repo.insertVersion(tx, { recipeId: id, number, authorId: ownerId, content, changeNote: input.changeNote ?? null, restoredFrom: input.restoredFrom ?? null });
    await repo.updateRecipe(tx, id, { currentVersion: number, ...cachedColumns(content) });
  });
  return getRecipe(deps, id, ownerId);
}

export async function changeVisibility(deps: RecipesDeps, ownerId: string, id: string, visibility: Visibility, ip?: string): Promise<Recipe> {
  await deps.db.transaction(async (tx) => {
    const recipe = await lockOwnRecipe(tx, id, ownerId);
    if (recipe.visibility === visibility) return;
    await repo.updateRecipe(tx, id, { visibility });
    await recordAudit(tx, { actorId: ownerId, action: 'recipe.visibility_changed', targetType: 'recipe', targetId: id, diff: { visibility: [recipe.visibility, visibility] }, ip });
  });
  return getRecipe(deps, id, ownerId);
}

export async function deleteRecipe(deps: RecipesDeps, ownerId: string, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await lockOwnRecipe(tx, id, ownerId);
    await deps.beforeDelete?.(tx, id);
    await repo.deleteRecipe(tx, id, ownerId);
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
  return diffRecipeContent(from, a!.version.content, to, b!.version.content);
}

/** Restoring never rewrites history: the old content becomes a new version. */
export async function restoreVersion(deps: RecipesDeps, ownerId: string, id: string, number: number, changeNote?: string): Promise<Recipe> {
  const current = await getRecipe(deps, id, ownerId);
  if (current.author.id !== ownerId) throw new AppError('not_author', 403, 'Only the author can change this recipe');
  const [row] = await loadVersions(deps, id, ownerId, [number]);
  return updateRecipe(deps, ownerId, id, {
    content: row!.version.content,
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
  requireVisible(recipeId: string, viewerId: string | null): Promise<Recipe>;
  /** Throws 404 when the user cannot see it, 403 'not_author' when they can but do not own it. */
  requireOwner(recipeId: string, userId: string): Promise<Recipe>;
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
