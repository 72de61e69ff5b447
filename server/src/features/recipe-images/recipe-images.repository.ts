import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
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
