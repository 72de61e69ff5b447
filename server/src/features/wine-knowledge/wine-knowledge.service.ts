import type {
  Classification,
  ClassificationSummary,
  Grape,
  GrapeListQuery,
  GrapeSummary,
  Region,
  RegionListQuery,
  RegionSummary,
  Sweetness,
  TastingGuide,
} from '@tavola/contracts/wine-knowledge';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../platform/errors.js';
import * as grapesRepo from './wine-grapes.repository.js';
import { foldWineName } from './wine-names.js';
import * as documents from './wine-reference-documents.repository.js';
import * as regionsRepo from './wine-regions.repository.js';

/** The guide the tasting-note form follows. */
export const systematicTastingGuideId = 'systematic-tasting';

/** Every child of a region fits in one answer (the largest, the United States, has about 50). */
const allChildren = 2000;

export function toGrapeSummary(row: grapesRepo.GrapeSummaryRow): GrapeSummary {
  return {
    id: row.id,
    name: row.name,
    colour: row.colour,
    body: row.body as GrapeSummary['body'],
    acidity: row.acidity as GrapeSummary['acidity'],
    tannin: row.tannin as GrapeSummary['tannin'],
    sweetness: { from: row.sweetnessFrom as Sweetness, to: row.sweetnessTo as Sweetness },
    synonyms: row.synonyms,
  };
}

const editedFields = (row: { source: 'shipped' | 'admin'; editedAt: Date | null; editedBy: string | null }) => ({
  source: row.source,
  editedAt: row.editedAt?.toISOString() ?? null,
  editedBy: row.editedBy,
});

/** A search text as a key, or undefined when nothing searchable is left ("", "--"). */
const searchKey = (q: string | undefined) => (q ? foldWineName(q) || undefined : undefined);

/** Countries; children of a region; or a search by name across all regions, narrowed by country and level. */
export async function listRegions(db: DbOrTx, query: RegionListQuery): Promise<RegionSummary[]> {
  if (query.parent && !(await regionsRepo.regionExists(db, query.parent))) throw notFound('Region');
  return regionsRepo.listRegions(db, { parentId: query.parent, key: searchKey(query.q), countryId: query.country, level: query.level, limit: query.limit });
}

/** A region with where it lies (ancestors, other containing regions), what lies in it, and its grapes. */
export async function getRegion(db: DbOrTx, id: string): Promise<Region> {
  const row = await regionsRepo.findRegion(db, id);
  if (!row) throw notFound('Region');
  const ancestors = await regionsRepo.findAncestors(db, id);
  const children = await regionsRepo.listRegions(db, { parentId: id, limit: allChildren });
  const alsoWithin = await regionsRepo.findRegionRefs(db, row.alsoWithin);
  const alsoContains = await regionsRepo.findAlsoContained(db, id);
  const own = await grapesRepo.listGrapes(db, { regionIds: await regionsRepo.findSubtreeIds(db, id), limit: 1000 });
  const ownIds = new Set(own.map((grape) => grape.id));
  const nearestFirst = [...ancestors].reverse();
  const around = (await grapesRepo.listGrapes(db, { regionIds: nearestFirst.map((ancestor) => ancestor.id), limit: 1000 })).filter((grape) => !ownIds.has(grape.id));
  // Each grape once, under the nearest region it is linked to; nearest regions first, then by name (as listed).
  const ancestorGrapes = nearestFirst.flatMap((ancestor, index) =>
    around
      .filter((grape) => nearestFirst.findIndex((a) => grape.regionIds.includes(a.id)) === index)
      .map((grape) => ({ ...toGrapeSummary(grape), from: ancestor })),
  );
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    parentId: row.parentId,
    countryId: row.countryId,
    designation: row.designation,
    childCount: children.length,
    altNames: row.altNames,
    note: row.note,
    legalReference: row.legalReference,
    ancestors,
    children,
    alsoWithin: alsoWithin.map(({ id: refId, name, level }) => ({ id: refId, name, level })),
    alsoContains,
    grapes: own.map(toGrapeSummary),
    ancestorGrapes,
    ...editedFields(row),
  };
}

/** Grapes by colour, region (and the regions within it) and name or synonym ("Shiraz" finds Syrah). */
export async function listGrapes(db: DbOrTx, query: GrapeListQuery): Promise<GrapeSummary[]> {
  let regionIds: string[] | undefined;
  if (query.region) {
    if (!(await regionsRepo.regionExists(db, query.region))) throw notFound('Region');
    regionIds = await regionsRepo.findSubtreeIds(db, query.region);
  }
  const rows = await grapesRepo.listGrapes(db, { colour: query.colour, key: searchKey(query.q), regionIds, limit: query.limit });
  return rows.map(toGrapeSummary);
}

export async function getGrape(db: DbOrTx, id: string): Promise<Grape> {
  const row = await grapesRepo.findGrape(db, id);
  if (!row) throw notFound('Grape');
  const regions = await regionsRepo.findRegionRefs(db, row.regionIds);
  const order = new Map(row.regionIds.map((regionId, index) => [regionId, index]));
  return {
    ...toGrapeSummary(row),
    aromas: row.aromas,
    regions: regions.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    note: row.note,
    ...editedFields(row),
  };
}

export async function listClassifications(db: DbOrTx): Promise<ClassificationSummary[]> {
  return (await documents.listClassifications(db)).map((c) => ({
    id: c.id,
    name: c.name,
    countryId: c.countryId,
    regionId: c.regionId,
    summary: c.summary,
    levelCount: c.levels.length,
    memberCount: c.members.length,
  }));
}

export async function getClassification(db: DbOrTx, id: string): Promise<Classification> {
  const classification = await documents.findClassification(db, id);
  if (!classification) throw notFound('Classification');
  return classification;
}

export async function getTastingGuide(db: DbOrTx): Promise<TastingGuide> {
  const guide = await documents.findTastingGuide(db, systematicTastingGuideId);
  if (!guide) throw notFound('Tasting guide');
  return guide;
}
