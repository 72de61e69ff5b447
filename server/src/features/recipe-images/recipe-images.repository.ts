import { and, asc, count, desc, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { isoTimestamp } from '../../db/iso-timestamp.js';
import { recipeImages } from '../../db/schema/index.js';

export type RecipeImageRow = typeof recipeImages.$inferSelect;
export type NewRecipeImageRow = typeof recipeImages.$inferInsert;

/**
 * Serialises image writes of one recipe (position and cover stay consistent under concurrent
 * uploads). A transaction-scoped advisory lock: it needs no row to exist yet.
 */
export async function lockRecipeImages(tx: DbOrTx, recipeId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`recipe-images:${recipeId}`}, 0))`);
}

export async function listImagesOfRecipe(db: DbOrTx, recipeId: string): Promise<RecipeImageRow[]> {
  return db
    .select()
    .from(recipeImages)
    .where(eq(recipeImages.recipeId, recipeId))
    .orderBy(asc(recipeImages.position), asc(recipeImages.createdAt), asc(recipeImages.id));
}

/**
 * The images of the recipe whose id is `recipeId` (a column or expression of an outer query), cover
 * first then in order, as one JSON array: a correlated subquery the recipe read embeds, so a recipe
 * and its images come back in one statement. Keys as in `RecipeImageJson`.
 */
export function imagesJsonOf(recipeId: SQLWrapper): SQL<RecipeImageJson[]> {
  return sql<RecipeImageJson[]>`coalesce((select json_agg(json_build_object(
    'id', ${recipeImages.id}, 'recipeId', ${recipeImages.recipeId}, 'position', ${recipeImages.position}, 'isCover', ${recipeImages.isCover},
    'width', ${recipeImages.width}, 'height', ${recipeImages.height}, 'alt', ${recipeImages.alt}, 'variants', ${recipeImages.variants},
    'createdAt', ${isoTimestamp(recipeImages.createdAt)}
  ) order by ${recipeImages.isCover} desc, ${recipeImages.position}, ${recipeImages.createdAt}, ${recipeImages.id})
  from ${recipeImages} where ${recipeImages.recipeId} = ${recipeId}), '[]'::json)`;
}

/** One image as `imagesJsonOf` returns it (the timestamp already in the API's ISO form). */
export type RecipeImageJson = Omit<RecipeImageRow, 'ownerId' | 'storageKey' | 'createdAt'> & { createdAt: string };

/** Prepared once per database handle: saving a recipe checks its step photos against these. */
const preparedDisplayLists = new WeakMap<object, ReturnType<typeof buildDisplayList>>();

function buildDisplayList(db: DbOrTx) {
  return db
    .select()
    .from(recipeImages)
    .where(eq(recipeImages.recipeId, sql.placeholder('recipeId')))
    .orderBy(desc(recipeImages.isCover), asc(recipeImages.position), asc(recipeImages.createdAt), asc(recipeImages.id))
    .prepare('recipe_images_cover_first');
}

/** The recipe's images as a page shows them: the cover first, then the others in order. */
export async function listImagesCoverFirst(db: DbOrTx, recipeId: string): Promise<RecipeImageRow[]> {
  let query = preparedDisplayLists.get(db);
  if (!query) {
    query = buildDisplayList(db);
    preparedDisplayLists.set(db, query);
  }
  return query.execute({ recipeId });
}

/** The cover image of each of these recipes that has one (id and variants), in one query. */
export async function findCoverImages(db: DbOrTx, recipeIds: readonly string[]): Promise<Pick<RecipeImageRow, 'recipeId' | 'id' | 'variants'>[]> {
  if (recipeIds.length === 0) return [];
  return db
    .select({ recipeId: recipeImages.recipeId, id: recipeImages.id, variants: recipeImages.variants })
    .from(recipeImages)
    .where(and(inArray(recipeImages.recipeId, [...recipeIds]), eq(recipeImages.isCover, true)));
}

export async function countImagesOfRecipe(db: DbOrTx, recipeId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(recipeImages).where(eq(recipeImages.recipeId, recipeId));
  return Number(row?.n ?? 0);
}

export async function findImage(db: DbOrTx, imageId: string): Promise<RecipeImageRow | undefined> {
  const [row] = await db.select().from(recipeImages).where(eq(recipeImages.id, imageId)).limit(1);
  return row;
}

export async function insertImage(db: DbOrTx, row: NewRecipeImageRow): Promise<RecipeImageRow> {
  const [inserted] = await db.insert(recipeImages).values(row).returning();
  return inserted as RecipeImageRow;
}

export async function updateImageAlt(db: DbOrTx, imageId: string, alt: string | null): Promise<void> {
  await db.update(recipeImages).set({ alt }).where(eq(recipeImages.id, imageId));
}

/** Makes one image the cover of its recipe and every other image not. */
export async function setCover(db: DbOrTx, recipeId: string, imageId: string): Promise<void> {
  await db
    .update(recipeImages)
    .set({ isCover: sql`${recipeImages.id} = ${imageId}` })
    .where(eq(recipeImages.recipeId, recipeId));
}

/** Writes the positions that changed. */
export async function setPositions(db: DbOrTx, recipeId: string, positions: { id: string; position: number }[]): Promise<void> {
  for (const { id, position } of positions) {
    await db
      .update(recipeImages)
      .set({ position })
      .where(and(eq(recipeImages.id, id), eq(recipeImages.recipeId, recipeId)));
  }
}

export async function deleteImage(db: DbOrTx, imageId: string): Promise<void> {
  await db.delete(recipeImages).where(eq(recipeImages.id, imageId));
}

export async function storageKeysOfRecipe(db: DbOrTx, recipeId: string): Promise<string[]> {
  const rows = await db.select({ key: recipeImages.storageKey }).from(recipeImages).where(eq(recipeImages.recipeId, recipeId));
  return rows.map((row) => row.key);
}

export async function storageKeysOfOwner(db: DbOrTx, ownerId: string): Promise<string[]> {
  const rows = await db.select({ key: recipeImages.storageKey }).from(recipeImages).where(eq(recipeImages.ownerId, ownerId));
  return rows.map((row) => row.key);
}

/** Whether a write failed because a referenced row (the recipe) no longer exists. */
export function isMissingReference(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === '23503') return true;
  }
  return false;
}
