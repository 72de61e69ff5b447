import type { Classification, TastingGuide } from '@tavola/contracts/wine-knowledge';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * Who last changed a shipped or created entry. A row with `edited_at` set is the admins' now:
 * loading a new version of the shipped files leaves it as it is.
 */
const editColumns = {
  /** `shipped` (from data/wine) or `admin` (created through the API). */
  source: text('source', { enum: ['shipped', 'admin'] }).notNull().default('shipped'),
  editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
  editedAt: timestamp('edited_at', { withTimezone: true }),
};

/** Wine regions from countries down to appellations (data/wine/regions.json). */
export const wineRegions = pgTable(
  'wine_regions',
  {
    /** Slug: `france`, `france-bordeaux`, `usa-napa-valley`. */
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['country', 'region', 'subregion', 'appellation'] }).notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => wineRegions.id),
    /** The country at the top of the region's chain (itself for a country). */
    countryId: text('country_id').notNull(),
    /** Other regions it also lies in (an AVA within two AVAs, a multi-state AVA's states). */
    alsoWithin: text('also_within').array().notNull().default(sql`'{}'::text[]`),
    altNames: text('alt_names').array().notNull().default(sql`'{}'::text[]`),
    designation: text('designation'),
    note: text('note'),
    legalReference: text('legal_reference'),
    /** Order among siblings as written; siblings of equal order are listed by name. */
    sortOrder: integer('sort_order').notNull().default(0),
    /** Folded name then folded other names (wine-names.ts), for exact matches. */
    searchKeys: text('search_keys').array().notNull(),
    /** The same keys joined by ' | ', for substring search through the trigram index. */
    searchText: text('search_text').notNull(),
    ...editColumns,
  },
  (t) => [
    index('wine_regions_parent_idx').on(t.parentId, t.sortOrder),
    index('wine_regions_country_idx').on(t.countryId),
    index('wine_regions_also_within_idx').using('gin', t.alsoWithin),
    index('wine_regions_search_keys_idx').using('gin', t.searchKeys),
    index('wine_regions_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('wine_regions_level_check', sql`${t.level} in ('country', 'region', 'subregion', 'appellation')`),
    check('wine_regions_country_root_check', sql`(${t.level} = 'country') = (${t.parentId} is null)`),
    check('wine_regions_source_check', sql`${t.source} in ('shipped', 'admin')`),
  ],
);

/** Grape varieties (data/wine/grapes.json). Levels use the scales of contracts/wine-knowledge.ts. */
export const wineGrapes = pgTable(
  'wine_grapes',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    colour: text('colour', { enum: ['red', 'white'] }).notNull(),
    body: text('body').notNull(),
    acidity: text('acidity').notNull(),
    tannin: text('tannin'),
    sweetnessFrom: text('sweetness_from').notNull(),
    sweetnessTo: text('sweetness_to').notNull(),
    aromas: text('aromas').array().notNull().default(sql`'{}'::text[]`),
    synonyms: text('synonyms').array().notNull().default(sql`'{}'::text[]`),
    /** Principal regions (wine_regions ids; checked by the build and by admin edits). */
    regionIds: text('region_ids').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    searchKeys: text('search_keys').array().notNull(),
    searchText: text('search_text').notNull(),
    ...editColumns,
  },
  (t) => [
    index('wine_grapes_colour_idx').on(t.colour, t.name),
    index('wine_grapes_region_ids_idx').using('gin', t.regionIds),
    index('wine_grapes_search_keys_idx').using('gin', t.searchKeys),
    index('wine_grapes_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('wine_grapes_colour_check', sql`${t.colour} in ('red', 'white')`),
    check('wine_grapes_source_check', sql`${t.source} in ('shipped', 'admin')`),
  ],
);

/** Classification systems (1855, Burgundy, Prädikat...), each one document, replaced when the shipped file changes. */
export const wineClassifications = pgTable('wine_classifications', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  countryId: text('country_id').notNull(),
  regionId: text('region_id'),
  sortOrder: integer('sort_order').notNull(),
  document: jsonb('document').$type<Classification>().notNull(),
});

/** Tasting guides (the systematic approach the tasting-note form follows), one document each. */
export const wineTastingGuides = pgTable('wine_tasting_guides', {
  id: text('id').primaryKey(),
  document: jsonb('document').$type<TastingGuide>().notNull(),
});

/** The version of each shipped file the database holds (`regions:<sha256 prefix>`). */
export const wineKnowledgeVersions = pgTable('wine_knowledge_versions', {
  dataset: text('dataset').primaryKey(),
  version: text('version').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
