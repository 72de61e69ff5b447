/**
 * The hand-written region trees of server/scripts/wine-data/regions/*.json, flattened into rows.
 *
 * A country file nests `regions`, `subregions` and `appellations`; an entry is a name or an object
 * `{ name, id?, altNames?, designation?, note?, legalReference?, appellationDesignation?, ...children }`.
 * Ids are `<country>-<slug of name>` unless given (given where two entries of a country share a
 * name, e.g. the Bordeaux region and the Bordeaux AOC). Appellations take the nearest
 * `appellationDesignation` above them (France: AOC) unless they say otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RegionLevel } from '@tavola/contracts/wine-knowledge';
import type { ShippedRegion } from '../../src/features/wine-knowledge/wine-knowledge-files.js';
import { wineSlug } from '../../src/features/wine-knowledge/wine-names.js';

interface SourceEntry {
  name: string;
  id?: string;
  altNames?: string[];
  designation?: string | null;
  appellationDesignation?: string;
  note?: string;
  legalReference?: string;
  regions?: Array<SourceEntry | string>;
  subregions?: Array<SourceEntry | string>;
  appellations?: Array<SourceEntry | string>;
}

const allowedKeys = new Set(['name', 'id', 'altNames', 'designation', 'appellationDesignation', 'note', 'legalReference', 'regions', 'subregions', 'appellations']);

/** Children in browsing order: regions, then subregions, then appellations. */
const childLists: Array<['regions' | 'subregions' | 'appellations', RegionLevel]> = [
  ['regions', 'region'],
  ['subregions', 'subregion'],
  ['appellations', 'appellation'],
];

function entryOf(item: SourceEntry | string, where: string): SourceEntry {
  const entry = typeof item === 'string' ? { name: item } : item;
  const unknown = Object.keys(entry).filter((key) => !allowedKeys.has(key));
  if (unknown.length > 0 || typeof entry.name !== 'string' || entry.name.trim() === '') {
    throw new Error(`${where}: bad region entry ${JSON.stringify(item)}${unknown.length ? ` (unknown keys ${unknown.join(', ')})` : ''}`);
  }
  return entry;
}

function flattenCountry(country: SourceEntry, file: string): ShippedRegion[] {
  const countryId = country.id ?? wineSlug(country.name);
  const rows: ShippedRegion[] = [];
  const row = (entry: SourceEntry, level: RegionLevel, id: string, parentId: string | null, designation: string | null, sortOrder: number): ShippedRegion => ({
    id,
    name: entry.name.trim(),
    level,
    parentId,
    countryId,
    alsoWithin: [],
    altNames: entry.altNames ?? [],
    designation,
    note: entry.note ?? null,
    legalReference: entry.legalReference ?? null,
    sortOrder,
  });
  const walk = (parent: SourceEntry, parentId: string, inherited: string | null) => {
    let position = 0;
    for (const [key, level] of childLists) {
      for (const item of parent[key] ?? []) {
        const entry = entryOf(item, file);
        const id = entry.id ?? `${countryId}-${wineSlug(entry.name)}`;
        const designation = 'designation' in entry ? (entry.designation ?? null) : level === 'appellation' ? inherited : null;
        rows.push(row(entry, level, id, parentId, designation, position));
        position += 1;
        walk(entry, id, entry.appellationDesignation ?? inherited);
      }
    }
  };
  rows.push(row(entryOf(country, file), 'country', countryId, null, country.designation ?? null, 0));
  walk(country, countryId, country.appellationDesignation ?? null);
  return rows;
}

/** Every curated region of every country file; a file holds one country or an array of them. */
export function readCuratedRegions(folder: string): ShippedRegion[] {
  const rows: ShippedRegion[] = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    const parsed = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as SourceEntry | SourceEntry[];
    for (const country of Array.isArray(parsed) ? parsed : [parsed]) rows.push(...flattenCountry(country, file));
  }
  return rows;
}
