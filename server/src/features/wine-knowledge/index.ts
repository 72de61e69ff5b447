import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../../db/client.js';
import type { Platform } from '../../platform/platform.js';
import { registerWineKnowledgeAdminRoutes } from './wine-knowledge-admin.routes.js';
import { ensureWineKnowledge } from './wine-knowledge-seed.js';
import { registerWineKnowledgeRoutes } from './wine-knowledge.routes.js';
import { listGrapes, listRegions } from './wine-knowledge.service.js';

export { openWineKnowledgeFiles, shippedWineFolder, type WineKnowledgeFiles } from './wine-knowledge-files.js';
export { ensureWineKnowledge, type WineKnowledgeSeedResult } from './wine-knowledge-seed.js';
export { foldWineName } from './wine-names.js';

/** Grapes whose name or synonym contains the folded `key`, exact and prefix matches first (the search box's suggestions). */
export const searchGrapes = (db: DbOrTx, key: string, limit: number) => listGrapes(db, { q: key, limit });

/** Regions whose name or other name contains the folded `key`, exact and prefix matches first (the search box's suggestions). */
export const searchRegions = (db: DbOrTx, key: string, limit: number) => listRegions(db, { q: key, limit });

/**
 * Wine knowledge: regions (countries to appellations, US AVAs), grapes, classifications and the
 * tasting guide, loaded from data/wine at boot when the database holds another version; public
 * reads, admin edits that later loads leave alone.
 */
export async function wineKnowledgeFeature(app: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform.database;
  registerWineKnowledgeRoutes(app, db);
  registerWineKnowledgeAdminRoutes(app, db);
  app.addHook('onReady', async () => {
    const result = await ensureWineKnowledge(db);
    if (result.loaded.length > 0) app.log.info({ loaded: result.loaded, keptEdited: result.keptEdited, durationMs: result.durationMs }, 'wine knowledge loaded');
  });
}
