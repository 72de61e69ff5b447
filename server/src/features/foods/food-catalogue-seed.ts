import type { Db } from '../../db/client.js';
import { type CatalogueFile, openCatalogueFile } from './food-catalogue-file.js';
import * as repo from './foods.repository.js';

export interface SeedResult {
  /** False when the database already held this version of the catalogue. */
  seeded: boolean;
  version: string;
  foods: number;
  durationMs: number;
}

/** Foods per INSERT statement (about 0.8 MB of JSON each). */
const batchSize = 2000;

let shippedFile: CatalogueFile | undefined;

/** The shipped catalogue file, opened once per process. */
function defaultCatalogueFile(): CatalogueFile {
  shippedFile ??= openCatalogueFile();
  return shippedFile;
}

/**
 * Loads the shipped food catalogue into `foods` when the database holds another version (or none):
 * every food upserted in batches and the missing ones removed, in one transaction, under an
 * advisory lock so instances booting together load it once. A no-op costing one query otherwise.
 */
export async function ensureFoodCatalogue(db: Db, file: CatalogueFile = defaultCatalogueFile()): Promise<SeedResult> {
  const started = performance.now();
  const done = (seeded: boolean, foods: number): SeedResult => ({ seeded, version: file.version, foods, durationMs: Math.round(performance.now() - started) });
  if ((await repo.readCatalogueVersion(db)) === file.version) return done(false, 0);
  const catalogue = file.read();
  const seeded = await db.transaction(async (tx) => {
    await repo.lockCatalogueSeeding(tx);
    if ((await repo.readCatalogueVersion(tx)) === file.version) return false;
    await repo.allowBulkIndexMemory(tx);
    for (let start = 0; start < catalogue.foods.length; start += batchSize) {
      await repo.upsertFoods(tx, catalogue.foods.slice(start, start + batchSize));
    }
    await repo.deleteFoodsNotIn(tx, catalogue.foods.map((food) => food.id));
    await repo.writeCatalogueVersion(tx, file.version);
    return true;
  });
  if (seeded) await repo.analyzeFoods(db);
  return done(seeded, seeded ? catalogue.foods.length : 0);
}
