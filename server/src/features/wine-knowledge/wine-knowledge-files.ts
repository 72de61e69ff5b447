import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Classification, GrapeColour, RegionLevel, Sweetness, TastingGuide } from '@tavola/contracts/wine-knowledge';
import { projectPath } from '../../platform/project-paths.js';

/** One region of data/wine/regions.json: a row of `wine_regions`. */
export interface ShippedRegion {
  id: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  countryId: string;
  alsoWithin: string[];
  altNames: string[];
  designation: string | null;
  note: string | null;
  legalReference: string | null;
  /** Position among its siblings as authored (countries: alphabetical). */
  sortOrder: number;
}

/** One grape of data/wine/grapes.json: a row of `wine_grapes`. */
export interface ShippedGrape {
  id: string;
  name: string;
  colour: GrapeColour;
  body: string;
  acidity: string;
  tannin: string | null;
  sweetness: { from: Sweetness; to: Sweetness };
  aromas: string[];
  synonyms: string[];
  regionIds: string[];
  note: string | null;
}

export interface WineKnowledgeContent {
  regions: ShippedRegion[];
  grapes: ShippedGrape[];
  classifications: Classification[];
  tastingGuide: TastingGuide;
}

export const wineDatasets = ['regions', 'grapes', 'classifications', 'tastingGuide'] as const;
export type WineDataset = (typeof wineDatasets)[number];

/** A shipped file: its version changes whenever its content does; parsed only when read. */
export interface WineDatasetFile<T> {
  version: string;
  read(): T;
}

export type WineKnowledgeFiles = { [K in WineDataset]: WineDatasetFile<WineKnowledgeContent[K]> };

/** data/wine, written by server/scripts/build-wine-data.ts (sources in data/wine/SOURCES.md). */
export const shippedWineFolder = projectPath('data/wine');

export const wineFileNames: Record<WineDataset, string> = {
  regions: 'regions.json',
  grapes: 'grapes.json',
  classifications: 'classifications.json',
  tastingGuide: 'tasting-guide.json',
};

/** The key under which each file holds its content (`{ format: 1, <key>: ... }`). */
const contentKeys: Record<WineDataset, string> = { regions: 'regions', grapes: 'grapes', classifications: 'classifications', tastingGuide: 'guide' };

/**
 * Regions and grapes are written without their empty fields (null, []), which are most of them;
 * reading puts them back.
 */
const entryDefaults: Partial<Record<WineDataset, object>> = {
  regions: { parentId: null, alsoWithin: [], altNames: [], designation: null, note: null, legalReference: null, sortOrder: 0 },
  grapes: { tannin: null, aromas: [], synonyms: [], regionIds: [], note: null },
};

function withoutEmptyFields(entry: object): object {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)));
}

function openDatasetFile<K extends WineDataset>(folder: string, dataset: K): WineDatasetFile<WineKnowledgeContent[K]> {
  const file = path.join(folder, wineFileNames[dataset]);
  const bytes = readFileSync(file);
  return {
    version: `${dataset}:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`,
    read: () => {
      const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      const content = parsed[contentKeys[dataset]];
      if (parsed.format !== 1 || content === undefined) throw new Error(`${file} is not a wine knowledge file of format 1`);
      const defaults = entryDefaults[dataset];
      return (defaults ? (content as object[]).map((entry) => ({ ...defaults, ...entry })) : content) as WineKnowledgeContent[K];
    },
  };
}

/** Reads the four files' bytes to know their versions; parses each only when it is loaded. */
export function openWineKnowledgeFiles(folder: string = shippedWineFolder): WineKnowledgeFiles {
  return {
    regions: openDatasetFile(folder, 'regions'),
    grapes: openDatasetFile(folder, 'grapes'),
    classifications: openDatasetFile(folder, 'classifications'),
    tastingGuide: openDatasetFile(folder, 'tastingGuide'),
  };
}

/** The JSON of a shipped file: one entry per line, so a change shows as a readable diff. */
export function renderWineKnowledgeFile(dataset: WineDataset, content: unknown, source: string): string {
  const key = contentKeys[dataset];
  const compact = (entry: object) => (entryDefaults[dataset] ? withoutEmptyFields(entry) : entry);
  const body = Array.isArray(content) ? `[\n${content.map((entry) => JSON.stringify(compact(entry))).join(',\n')}\n]` : JSON.stringify(content);
  return `{"format":1,"source":${JSON.stringify(source)},\n"${key}":${body}}\n`;
}
