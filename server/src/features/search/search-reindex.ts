import type { Db, DbOrTx } from '../../db/client.js';
import { countRecipes, findExistingRecipeIds, listRecipeIdsAfter, recipeSearchDocuments } from '../recipes/index.js';
import { recipeCoverUrls } from '../recipe-images/index.js';
import type { PostgresSearchIndex } from './postgres-search-index.js';
import { buildSearchDocument } from './search-document.js';

/**
 * Filling the index from the recipes: a full reindex (server/scripts/reindex-search.ts) and the
 * boot-time catch-up that gives an existing database its index after the migration, or repairs one
 * that missed writes. Both work in batches, each batch one transaction.
 */

export interface ReindexResult {
  indexed: number;
  removed: number;
}

const defaultBatch = 500;

/** Indexes these recipes in one transaction (recipes gone in the meantime are skipped). */
export async function indexRecipeBatch(db: Db, index: PostgresSearchIndex, ids: readonly string[]): Promise<number> {
  return db.transaction(async (tx) => {
    const docs = await searchDocumentsOf(tx, ids);
    await index.indexBatch(tx, docs);
    return docs.length;
  });
}

async function searchDocumentsOf(tx: DbOrTx, ids: readonly string[]) {
  const [sources, covers] = await Promise.all([recipeSearchDocuments(tx, ids), recipeCoverUrls(tx, ids)]);
  return sources.map((source) => buildSearchDocument(source, covers.get(source.id) ?? null));
}

/** Removes index rows whose recipe no longer exists. */
async function removeOrphans(db: Db, index: PostgresSearchIndex, batch: number, shouldStop: () => boolean): Promise<number> {
  let removed = 0;
  let after: string | null = null;
  while (!shouldStop()) {
    const ids = await index.indexedIdsAfter(after, batch);
    if (ids.length === 0) break;
    const existing = await findExistingRecipeIds(db, ids);
    const orphans = ids.filter((id) => !existing.has(id));
    if (orphans.length > 0) {
      await db.transaction(async (tx) => {
        for (const id of orphans) await index.remove(tx, id);
      });
      removed += orphans.length;
    }
    after = ids.at(-1) ?? null;
  }
  return removed;
}

/** Every recipe indexed again, orphans removed, the vocabulary recounted. */
export async function reindexAllRecipes(
  db: Db,
  index: PostgresSearchIndex,
  options: { batch?: number; onProgress?: (indexed: number) => void } = {},
): Promise<ReindexResult> {
  const batch = options.batch ?? defaultBatch;
  let indexed = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await listRecipeIdsAfter(db, after, batch);
    if (ids.length === 0) break;
    indexed += await indexRecipeBatch(db, index, ids);
    options.onProgress?.(indexed);
    after = ids.at(-1) ?? null;
  }
  const removed = await removeOrphans(db, index, batch, () => false);
  await index.rebuildVocabulary();
  await index.analyze();
  return { indexed, removed };
}

/**
 * The boot-time check: when the index does not hold as many recipes as there are, index the
 * missing ones and drop the orphans, a batch at a time (`shouldStop` is asked between batches so
 * a shutdown does not wait for a large catch-up). A no-op costs two counts.
 */
export async function catchUpSearchIndex(
  db: Db,
  index: PostgresSearchIndex,
  options: { batch?: number; shouldStop?: () => boolean } = {},
): Promise<ReindexResult> {
  const batch = options.batch ?? defaultBatch;
  const shouldStop = options.shouldStop ?? (() => false);
  const [recipes, indexedNow] = await Promise.all([countRecipes(db), index.countIndexed()]);
  if (recipes === indexedNow) {
    // Statistics far from the table (PGlite runs no autovacuum) mislead the planner's estimates search relies on.
    if (await index.statisticsStale(indexedNow)) await index.analyze();
    return { indexed: 0, removed: 0 };
  }
  let indexed = 0;
  let after: string | null = null;
  while (!shouldStop()) {
    const ids = await listRecipeIdsAfter(db, after, batch);
    if (ids.length === 0) break;
    const present = await index.findIndexed(ids);
    const missing = ids.filter((id) => !present.has(id));
    if (missing.length > 0) indexed += await indexRecipeBatch(db, index, missing);
    after = ids.at(-1) ?? null;
  }
  const removed = await removeOrphans(db, index, batch, shouldStop);
  if (indexed + removed > 0) await index.analyze();
  return { indexed, removed };
}
