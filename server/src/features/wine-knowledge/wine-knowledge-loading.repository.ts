import type { Classification, TastingGuide } from '@tavola/contracts/wine-knowledge';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { wineClassifications, wineKnowledgeVersions, wineTastingGuides } from '../../db/schema/index.js';
import type { ShippedGrape, ShippedRegion } from './wine-knowledge-files.js';
import { rowsOf, textArray } from './wine-regions.repository.js';

/** Search columns computed at load time from the names (wine-names.ts). */
export interface SearchColumns {
  searchKeys: string[];
  searchText: string;
}

export async function readLoadedVersions(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.select({ dataset: wineKnowledgeVersions.dataset, version: wineKnowledgeVersions.version }).from(wineKnowledgeVersions);
  return new Map(rows.map((row) => [row.dataset, row.version]));
}

export async function writeLoadedVersion(tx: DbOrTx, dataset: string, version: string): Promise<void> {
  await tx
    .insert(wineKnowledgeVersions)
    .values({ dataset, version })
    .onConflictDoUpdate({ target: wineKnowledgeVersions.dataset, set: { version, loadedAt: sql`now()` } });
}

/** Serialises loading between app instances booting together (released at commit). */
export async function lockWineKnowledgeLoading(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(727278)`);
}

/** How many of these ids are rows an admin has edited (the load leaves them alone). */
export async function countEdited(tx: DbOrTx, table: 'wine_regions' | 'wine_grapes', ids: readonly string[]): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)} where edited_at is not null and id = any(${textArray(ids)})`);
  return Number(row?.n ?? 0);
}

/**
 * Inserts new shipped regions and updates the ones no admin has edited, in one statement (rows
 * travel as one JSON parameter). Parents may come after their children: foreign keys are checked
 * at the end of the statement.
 */
export async function upsertShippedRegions(tx: DbOrTx, rows: Array<ShippedRegion & SearchColumns>): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into wine_regions (id, name, level, parent_id, country_id, also_within, alt_names, designation, note, legal_reference, sort_order, search_keys, search_text, source)
    select id, name, level, "parentId", "countryId", array(select jsonb_array_elements_text("alsoWithin")), array(select jsonb_array_elements_text("altNames")),
           designation, note, "legalReference", "sortOrder", array(select jsonb_array_elements_text("searchKeys")), "searchText", 'shipped'
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
      id text, name text, level text, "parentId" text, "countryId" text, "alsoWithin" jsonb, "altNames" jsonb, designation text, note text,
      "legalReference" text, "sortOrder" int, "searchKeys" jsonb, "searchText" text)
    on conflict (id) do update set
      name = excluded.name, level = excluded.level, parent_id = excluded.parent_id, country_id = excluded.country_id,
      also_within = excluded.also_within, alt_names = excluded.alt_names, designation = excluded.designation, note = excluded.note,
      legal_reference = excluded.legal_reference, sort_order = excluded.sort_order, search_keys = excluded.search_keys, search_text = excluded.search_text
    where wine_regions.edited_at is null`);
}

/**
 * Removes shipped regions the new file no longer has, unless an admin edited them or a region that
 * stays (an edited or admin-created one) still hangs below them.
 */
export async function deleteObsoleteShippedRegions(tx: DbOrTx, shippedIds: readonly string[]): Promise<void> {
  await tx.execute(sql`
    with recursive keep(id, parent_id) as (
      select id, parent_id from wine_regions where not (source = 'shipped' and edited_at is null and id <> all(${textArray(shippedIds)}))
      union
      select r.id, r.parent_id from wine_regions r join keep k on r.id = k.parent_id
    )
    delete from wine_regions
    where source = 'shipped' and edited_at is null and id <> all(${textArray(shippedIds)}) and id not in (select id from keep)`);
}

export async function upsertShippedGrapes(tx: DbOrTx, rows: Array<ShippedGrape & SearchColumns>): Promise<void> {
  if (rows.length === 0) return;
  const flat = rows.map(({ sweetness, ...grape }) => ({ ...grape, sweetnessFrom: sweetness.from, sweetnessTo: sweetness.to }));
  await tx.execute(sql`
    insert into wine_grapes (id, name, colour, body, acidity, tannin, sweetness_from, sweetness_to, aromas, synonyms, region_ids, note, search_keys, search_text, source)
    select id, name, colour, body, acidity, tannin, "sweetnessFrom", "sweetnessTo", array(select jsonb_array_elements_text(aromas)),
           array(select jsonb_array_elements_text(synonyms)), array(select jsonb_array_elements_text("regionIds")), note,
           array(select jsonb_array_elements_text("searchKeys")), "searchText", 'shipped'
    from jsonb_to_recordset(${JSON.stringify(flat)}::jsonb) as x(
      id text, name text, colour text, body text, acidity text, tannin text, "sweetnessFrom" text, "sweetnessTo" text, aromas jsonb,
      synonyms jsonb, "regionIds" jsonb, note text, "searchKeys" jsonb, "searchText" text)
    on conflict (id) do update set
      name = excluded.name, colour = excluded.colour, body = excluded.body, acidity = excluded.acidity, tannin = excluded.tannin,
      sweetness_from = excluded.sweetness_from, sweetness_to = excluded.sweetness_to, aromas = excluded.aromas, synonyms = excluded.synonyms,
      region_ids = excluded.region_ids, note = excluded.note, search_keys = excluded.search_keys, search_text = excluded.search_text
    where wine_grapes.edited_at is null`);
}

export async function deleteObsoleteShippedGrapes(tx: DbOrTx, shippedIds: readonly string[]): Promise<void> {
  await tx.execute(sql`delete from wine_grapes where source = 'shipped' and edited_at is null and id <> all(${textArray(shippedIds)})`);
}

/** Classifications are not editable: a new file replaces them all. */
export async function replaceClassifications(tx: DbOrTx, classifications: Classification[]): Promise<void> {
  await tx.delete(wineClassifications);
  if (classifications.length === 0) return;
  await tx.insert(wineClassifications).values(
    classifications.map((document, sortOrder) => ({ id: document.id, name: document.name, countryId: document.countryId, regionId: document.regionId, sortOrder, document })),
  );
}

export async function replaceTastingGuides(tx: DbOrTx, guides: TastingGuide[]): Promise<void> {
  await tx.delete(wineTastingGuides);
  if (guides.length > 0) await tx.insert(wineTastingGuides).values(guides.map((document) => ({ id: document.id, document })));
}

/** Fresh planner statistics after a load (PGlite has no autovacuum to gather them). */
export async function analyzeWineKnowledge(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze wine_regions, wine_grapes`);
}
