// Rebuilds the search index from the recipes: every recipe indexed again, rows of deleted recipes
// dropped, the vocabulary recounted. Run it after changing how documents are built (search-document.ts,
// ingredient-families.ts); the server keeps serving meanwhile (each batch is one transaction).
// Usage: npx tsx server/scripts/reindex-search.ts   (DATABASE_URL / DATA_DIR as for the server; stop a
// PGlite server first: its data directory has one user at a time)
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createSearchIndex, reindexAllRecipes } from '../src/features/search/index.js';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
try {
  await migrateDatabase(database);
  const started = performance.now();
  let last = 0;
  const result = await reindexAllRecipes(database.db, createSearchIndex(database.db), {
    onProgress: (indexed) => {
      if (indexed - last >= 10_000) {
        last = indexed;
        console.log(`${indexed} recipes indexed`);
      }
    },
  });
  console.log(`search index rebuilt: ${result.indexed} recipes indexed, ${result.removed} rows of deleted recipes removed, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
