import type { Db } from '../../db/client.js';
import * as loading from './wine-knowledge-loading.repository.js';
import { openWineKnowledgeFiles, type WineDataset, wineDatasets, type WineKnowledgeFiles } from './wine-knowledge-files.js';
import { searchColumns } from './wine-names.js';

export interface WineKnowledgeSeedResult {
  /** The datasets loaded by this call; empty when the database already held every shipped version. */
  loaded: WineDataset[];
  /** Shipped regions and grapes left as they were because an admin edited them. */
  keptEdited: number;
  durationMs: number;
}

let shippedFiles: WineKnowledgeFiles | undefined;

/** The shipped files, opened once per process. */
function defaultFiles(): WineKnowledgeFiles {
  shippedFiles ??= openWineKnowledgeFiles();
  return shippedFiles;
}

/**
 * Loads each shipped wine knowledge file whose version the database does not hold, in one
 * transaction under an advisory lock (instances booting together load once). Regions and grapes
 * are upserted, except the rows an admin has edited, which keep the admin's version; shipped rows
 * the new files no longer have are removed unless edited. Classifications and the tasting guide
 * are not editable and are replaced whole. A no-op costing one query when nothing changed.
 */
export async function ensureWineKnowledge(db: Db, files: WineKnowledgeFiles = defaultFiles()): Promise<WineKnowledgeSeedResult> {
  const started = performance.now();
  const stale = (versions: Map<string, string>) => wineDatasets.filter((dataset) => versions.get(dataset) !== files[dataset].version);
  const done = (loaded: WineDataset[], keptEdited: number): WineKnowledgeSeedResult => ({ loaded, keptEdited, durationMs: Math.round(performance.now() - started) });
  if (stale(await loading.readLoadedVersions(db)).length === 0) return done([], 0);

  const result = await db.transaction(async (tx) => {
    await loading.lockWineKnowledgeLoading(tx);
    const toLoad = stale(await loading.readLoadedVersions(tx));
    let keptEdited = 0;
    for (const dataset of toLoad) {
      if (dataset === 'regions') {
        const regions = files.regions.read();
        const ids = regions.map((region) => region.id);
        keptEdited += await loading.countEdited(tx, 'wine_regions', ids);
        await loading.upsertShippedRegions(tx, regions.map((region) => ({ ...region, ...searchColumns(region.name, region.altNames) })));
        await loading.deleteObsoleteShippedRegions(tx, ids);
      } else if (dataset === 'grapes') {
        const grapes = files.grapes.read();
        const ids = grapes.map((grape) => grape.id);
        keptEdited += await loading.countEdited(tx, 'wine_grapes', ids);
        await loading.upsertShippedGrapes(tx, grapes.map((grape) => ({ ...grape, ...searchColumns(grape.name, grape.synonyms) })));
        await loading.deleteObsoleteShippedGrapes(tx, ids);
      } else if (dataset === 'classifications') {
        await loading.replaceClassifications(tx, files.classifications.read());
      } else {
        await loading.replaceTastingGuides(tx, [files.tastingGuide.read()]);
      }
      await loading.writeLoadedVersion(tx, dataset, files[dataset].version);
    }
    return { toLoad, keptEdited };
  });
  if (result.toLoad.includes('regions') || result.toLoad.includes('grapes')) await loading.analyzeWineKnowledge(db);
  return done(result.toLoad, result.keptEdited);
}
