import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { savedSearches } from '../../db/schema/index.js';

export type SavedSearchRow = typeof savedSearches.$inferSelect;

/** Serialises one user's saved-search writes, so the per-user limit holds under concurrent requests. */
export async function lockUserSavedSearches(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`saved-searches:${userId}`}, 0))`);
}

export async function countSavedSearches(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, userId));
  return Number(row?.n ?? 0);
}

export async function insertSavedSearch(db: DbOrTx, row: { userId: string; name: string; query: string }): Promise<SavedSearchRow> {
  const [saved] = await db.insert(savedSearches).values(row).returning();
  return saved as SavedSearchRow;
}

/** The user's saved searches, newest first. */
export async function listSavedSearches(db: DbOrTx, userId: string): Promise<SavedSearchRow[]> {
  return db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(desc(savedSearches.createdAt), desc(savedSearches.id));
}

/** Deletes the user's own saved search; false when it is not theirs or does not exist. */
export async function deleteSavedSearch(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .returning({ id: savedSearches.id });
  return rows.length > 0;
}
