import type { FastifyInstance } from 'fastify';
import type { Db, Tx } from '../../db/client.js';
import type { Platform } from '../../platform/platform.js';
import { PostgresSearchIndex, type PostgresSearchOptions } from './postgres-search-index.js';
import { catchUpSearchIndex } from './search-reindex.js';
import { registerSearchRoutes } from './search.routes.js';
import { indexRecipe } from './search.service.js';

export { PostgresSearchIndex } from './postgres-search-index.js';
export { buildSearchDocument, type SearchDocument } from './search-document.js';
export type { SearchIndex } from './search-index.js';
export { catchUpSearchIndex, indexRecipeBatch, reindexAllRecipes } from './search-reindex.js';

/** The search index of this database (PostgreSQL full text; the `SearchIndex` seam lets another engine replace it). */
export function createSearchIndex(db: Db, options: Partial<PostgresSearchOptions> = {}): PostgresSearchIndex {
  return new PostgresSearchIndex(db, options);
}

/**
 * The recipes feature's `afterChange` port (also given to images and import by the composition
 * root): the recipe indexed again, or removed, in the transaction of the write.
 */
export function recipeIndexUpdater(index: PostgresSearchIndex): (tx: Tx, recipeId: string) => Promise<void> {
  return (tx, recipeId) => indexRecipe(index, tx, recipeId);
}

/**
 * Search: full text over recipes with facets, filters, sorts and keyset pages; suggestions while
 * typing; saved searches. At boot, recipes missing from the index (a database from before the
 * index, or one restored without it) are indexed in the background, a batch at a time.
 */
export async function searchFeature(app: FastifyInstance, platform: Platform, options: { index: PostgresSearchIndex }): Promise<void> {
  const { db } = platform.database;
  registerSearchRoutes(app, { db, index: options.index });
  let stopping = false;
  let catchingUp: Promise<void> = Promise.resolve();
  app.addHook('onReady', async () => {
    catchingUp = catchUpSearchIndex(db, options.index, { shouldStop: () => stopping })
      .then((result) => {
        if (result.indexed + result.removed > 0) app.log.info(result, 'search index caught up');
      })
      .catch((error: unknown) => {
        if (!stopping) app.log.error({ err: error }, 'search index catch-up failed');
      });
  });
  app.addHook('onClose', async () => {
    stopping = true;
    await catchingUp;
  });
}
