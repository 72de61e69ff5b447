/**
 * Builds the shipped wine knowledge, data/wine/{regions,grapes,classifications,tasting-guide}.json,
 * from the hand-written sources in server/scripts/wine-data/ and the UC Davis AVA list
 * (../shared/data/wine/ucdavis-ava/us_by_ava.csv). Run by a developer when a source changes; the
 * output is committed and loaded into the database at boot when its version changes.
 *
 *   npx tsx server/scripts/build-wine-data.ts [--source ../shared/data]
 *
 * When the X-Wines sample is present it also reports which of its grape names the grapes and
 * synonyms do not cover (the wine catalogue will import those wines).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Classification, type TastingField, type TastingGuide, tastingScales, type TastingScaleName } from '@tavola/contracts/wine-knowledge';
import { renderWineKnowledgeFile, type ShippedGrape, type ShippedRegion, type WineDataset, wineFileNames } from '../src/features/wine-knowledge/wine-knowledge-files.js';
import { foldWineName, wineSlug } from '../src/features/wine-knowledge/wine-names.js';
import { checkClassifications, checkGrapes, checkRegions, checkTastingGuide } from './wine-data/check-wine-data.js';
import { readCuratedRegions } from './wine-data/curated-regions.js';
import { buildAvaRegions, parseCsv, readAvaRows } from './wine-data/ucdavis-avas.js';

const root = path.resolve(import.meta.dirname, '../..');
const sourcesFolder = path.join(import.meta.dirname, 'wine-data');
const sourceArg = process.argv.indexOf('--source');
const sharedData = path.resolve(sourceArg > 0 ? (process.argv[sourceArg + 1] ?? '') : path.join(root, '../shared/data'));
const avaFile = path.join(sharedData, 'wine/ucdavis-ava/us_by_ava.csv');
const xWinesFile = path.join(sharedData, 'wine/x-wines/XWines_Slim_1K_wines.csv');
const outputFolder = path.join(root, 'data/wine');
const usaId = 'usa';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(sourcesFolder, file), 'utf8')) as T;

function buildRegions(): ShippedRegion[] {
  const curated = readCuratedRegions(path.join(sourcesFolder, 'regions'));
  if (!curated.some((region) => region.id === usaId)) throw new Error(`the curated regions have no country ${usaId} for the AVAs`);
  const avas = buildAvaRegions(readAvaRows(readFileSync(avaFile, 'utf8')), usaId);
  const regions = [...curated, ...avas];
  // Countries are listed alphabetically; other siblings keep the order they were written in.
  const countries = regions.filter((region) => region.level === 'country').sort((a, b) => a.name.localeCompare(b.name));
  for (const [index, country] of countries.entries()) country.sortOrder = index;
  return regions;
}

interface SourceGrape extends Partial<Omit<ShippedGrape, 'sweetness'>> {
  name: string;
  sweetness?: [string, string];
  regions?: string[];
}

function buildGrapes(): ShippedGrape[] {
  const grapes: ShippedGrape[] = [];
  for (const file of ['grapes-red.json', 'grapes-white.json']) {
    const source = readJson<{ colour: 'red' | 'white'; grapes: SourceGrape[] }>(file);
    for (const grape of source.grapes) {
      const [from, to] = grape.sweetness ?? ['dry', 'dry'];
      grapes.push({
        id: grape.id ?? wineSlug(grape.name),
        name: grape.name,
        colour: source.colour,
        body: grape.body ?? '',
        acidity: grape.acidity ?? '',
        tannin: grape.tannin ?? null,
        sweetness: { from, to } as ShippedGrape['sweetness'],
        aromas: grape.aromas ?? [],
        synonyms: grape.synonyms ?? [],
        regionIds: grape.regions ?? [],
        note: grape.note ?? null,
      });
    }
  }
  return grapes.sort((a, b) => a.name.localeCompare(b.name));
}

type SourceClassification = Omit<Classification, 'members' | 'terms'> & {
  members?: Array<{ name: string; level: string; regionId?: string | null; commune?: string; note?: string }>;
  terms?: Classification['terms'];
};

function buildClassifications(): Classification[] {
  return readJson<SourceClassification[]>('classifications.json').map((classification) => ({
    ...classification,
    members: (classification.members ?? []).map((member) => ({ name: member.name, level: member.level, regionId: member.regionId ?? null, commune: member.commune ?? null, note: member.note ?? null })),
    terms: classification.terms ?? [],
  }));
}

const scaleLabel = (value: string) => {
  const words = value.replace(/([-+])$/, ' ($1)').replace(/-(?=[a-z])/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

type SourceField = Omit<TastingField, 'required' | 'appliesWhen'> & { required?: boolean; appliesWhen?: { field: string; equals?: string; in?: string[] } };

/** Fields name a shared scale instead of listing its values; conditions may say `equals`. */
function buildTastingGuide(): TastingGuide {
  const source = readJson<Omit<TastingGuide, 'sections'> & { sections: Array<Omit<TastingGuide['sections'][number], 'fields'> & { fields: SourceField[] }> }>('tasting-guide.json');
  return {
    ...source,
    sections: source.sections.map((section) => ({
      ...section,
      fields: section.fields.map(({ appliesWhen, ...field }) => ({
        ...field,
        required: field.required ?? false,
        ...(field.scale ? { values: tastingScales[field.scale as TastingScaleName].map((id) => ({ id, label: scaleLabel(id) })) } : {}),
        ...(appliesWhen ? { appliesWhen: { field: appliesWhen.field, in: appliesWhen.in ?? (appliesWhen.equals ? [appliesWhen.equals] : []) } } : {}),
      })),
    })),
  };
}

/** X-Wines grape names ("Syrah/Shiraz") that no grape name or synonym covers. */
function uncoveredXWinesGrapes(grapes: ShippedGrape[]): { names: number; uncovered: string[] } | null {
  if (!existsSync(xWinesFile)) return null;
  const [header, ...rows] = parseCsv(readFileSync(xWinesFile, 'utf8'));
  const column = header?.indexOf('Grapes') ?? -1;
  const known = new Set(grapes.flatMap((grape) => [grape.name, ...grape.synonyms]).map(foldWineName));
  const names = new Set(rows.flatMap((row) => [...(row[column] ?? '').matchAll(/'([^']+)'/g)].map((match) => match[1] as string)));
  const covered = (name: string) => known.has(foldWineName(name)) || name.split('/').some((part) => known.has(foldWineName(part)));
  return { names: names.size, uncovered: [...names].filter((name) => !covered(name)).sort() };
}

const regions = buildRegions();
const regionIds = new Set(regions.map((region) => region.id));
const grapes = buildGrapes();
const classifications = buildClassifications();
const tastingGuide = buildTastingGuide();
const problems = [...checkRegions(regions), ...checkGrapes(grapes, regionIds), ...checkClassifications(classifications, regionIds), ...checkTastingGuide(tastingGuide)];
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the wine data:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  process.exit(1);
}

const source = 'Tavola wine knowledge: curated facts (server/scripts/wine-data) and the UC Davis AVA list (CC0); see data/wine/SOURCES.md';
mkdirSync(outputFolder, { recursive: true });
const outputs: Record<WineDataset, unknown> = { regions, grapes, classifications, tastingGuide };
for (const dataset of Object.keys(outputs) as WineDataset[]) {
  writeFileSync(path.join(outputFolder, wineFileNames[dataset]), renderWineKnowledgeFile(dataset, outputs[dataset], source));
}

const count = (level: string) => regions.filter((region) => region.level === level).length;
console.log(`regions: ${regions.length} (${count('country')} countries, ${count('region')} regions, ${count('subregion')} subregions, ${count('appellation')} appellations; ${regions.filter((r) => r.designation === 'AVA').length} US AVAs)`);
console.log(`grapes: ${grapes.length} (${grapes.filter((g) => g.colour === 'red').length} red, ${grapes.filter((g) => g.colour === 'white').length} white)`);
console.log(`classifications: ${classifications.length} (${classifications.reduce((n, c) => n + c.members.length, 0)} members)`);
console.log(`tasting guide: ${tastingGuide.sections.reduce((n, s) => n + s.fields.length, 0)} fields, ${tastingGuide.aromaGroups.length} aroma groups`);
const xWines = uncoveredXWinesGrapes(grapes);
if (xWines) console.log(`X-Wines grape names: ${xWines.names - xWines.uncovered.length} of ${xWines.names} covered; not covered: ${xWines.uncovered.join(', ')}`);
else console.log('X-Wines sample not found: grape coverage not checked');
console.log(`wrote ${outputFolder}`);
