import { type CreateGrapeBody, type CreateRegionBody, type Grape, type Region, regionLevels, type UpdateGrapeBody, type UpdateRegionBody } from '@tavola/contracts/wine-knowledge';
import type { Db, DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as grapesRepo from './wine-grapes.repository.js';
import { getGrape, getRegion } from './wine-knowledge.service.js';
import { searchColumns, wineSlug } from './wine-names.js';
import * as regionsRepo from './wine-regions.repository.js';

/**
 * Admin edits of the knowledge base. Every change is one transaction with its audit entry, and
 * marks the row edited (`edited_by`, `edited_at`): from then on a new shipped version of the data
 * leaves that row as the admin made it.
 */

export interface EditMeta {
  actorId: string;
  ip?: string;
}

const invalid = (code: string, field: string, message: string) => new AppError(code, 422, message, [{ field, message }]);

/** A region may sit under a broader level; appellations may also nest in appellations (an AVA within an AVA). */
function checkPlacement(level: (typeof regionLevels)[number], parent: regionsRepo.RegionRow): void {
  const rank = (value: string) => regionLevels.indexOf(value as (typeof regionLevels)[number]);
  if (rank(parent.level) < rank(level) || (parent.level === 'appellation' && level === 'appellation')) return;
  throw invalid('invalid_region_level', 'parentId', `A ${level} cannot sit under the ${parent.level} ${parent.name}`);
}

async function parentFor(tx: DbOrTx, parentId: string): Promise<regionsRepo.RegionRow> {
  const parent = await regionsRepo.findRegion(tx, parentId);
  if (!parent) throw invalid('unknown_region', 'parentId', `There is no region ${parentId}`);
  return parent;
}

/** What changed, as `{ field: [before, after] }`, for the fields the body sets to a new value. */
function changesOf<T extends object>(before: Record<string, unknown>, body: T): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(body)) {
    if (value !== undefined && JSON.stringify(before[field]) !== JSON.stringify(value)) diff[field] = [before[field], value];
  }
  return diff;
}

export async function createRegion(db: Db, body: CreateRegionBody, meta: EditMeta): Promise<Region> {
  const slug = wineSlug(body.name);
  if (slug === '') throw invalid('invalid_name', 'name', 'The name needs letters or digits');
  return db.transaction(async (tx) => {
    let countryId: string;
    if (body.level === 'country') {
      if (body.parentId) throw invalid('invalid_region_level', 'parentId', 'A country has no parent');
      countryId = slug;
    } else {
      if (!body.parentId) throw invalid('parent_required', 'parentId', `A ${body.level} needs a parent region`);
      const parent = await parentFor(tx, body.parentId);
      checkPlacement(body.level, parent);
      countryId = parent.countryId;
    }
    const id = body.level === 'country' ? slug : `${countryId}-${slug}`;
    if (await regionsRepo.regionExists(tx, id)) throw new AppError('region_exists', 409, `A region with the id ${id} already exists`);
    const { level, parentId, ...fields } = body;
    await regionsRepo.insertRegion(tx, { ...fields, id, level, countryId, parentId: parentId ?? null, editedBy: meta.actorId, ...searchColumns(body.name, body.altNames) });
    await recordAudit(tx, { actorId: meta.actorId, action: 'wine.region_created', targetType: 'wine_region', targetId: id, diff: { ...body }, ip: meta.ip });
    return getRegion(tx, id);
  });
}

export async function updateRegion(db: Db, id: string, body: UpdateRegionBody, meta: EditMeta): Promise<Region> {
  return db.transaction(async (tx) => {
    const row = await regionsRepo.findRegion(tx, id, { forUpdate: true });
    if (!row) throw notFound('Region');
    const diff = changesOf(row, body);
    if (Object.keys(diff).length === 0) return getRegion(tx, id);
    if (body.parentId !== undefined && body.parentId !== row.parentId) {
      if (row.level === 'country') throw invalid('invalid_region_level', 'parentId', 'A country has no parent');
      const parent = await parentFor(tx, body.parentId);
      if (parent.countryId !== row.countryId) throw invalid('other_country', 'parentId', `${parent.name} is in another country`);
      const above = await regionsRepo.findAncestors(tx, parent.id);
      if (parent.id === id || above.some((ancestor) => ancestor.id === id)) throw invalid('region_cycle', 'parentId', `${parent.name} lies within ${row.name}`);
      checkPlacement(row.level, parent);
    }
    const renamed = body.name !== undefined || body.altNames !== undefined ? searchColumns(body.name ?? row.name, body.altNames ?? row.altNames) : {};
    await regionsRepo.updateRegion(tx, id, { ...body, ...renamed, editedBy: meta.actorId });
    await recordAudit(tx, { actorId: meta.actorId, action: 'wine.region_updated', targetType: 'wine_region', targetId: id, diff, ip: meta.ip });
    return getRegion(tx, id);
  });
}

async function checkRegionIds(tx: DbOrTx, regionIds: readonly string[]): Promise<void> {
  const found = new Set((await regionsRepo.findRegionRefs(tx, regionIds)).map((region) => region.id));
  const errors = regionIds.flatMap((regionId, index) => (found.has(regionId) ? [] : [{ field: `regionIds.${index}`, message: `There is no region ${regionId}` }]));
  if (errors.length > 0) throw new AppError('unknown_region', 422, 'Some regions do not exist', errors);
}

const grapeColumns = (body: UpdateGrapeBody) => {
  const { sweetness, ...rest } = body;
  return { ...rest, ...(sweetness ? { sweetnessFrom: sweetness.from, sweetnessTo: sweetness.to } : {}) };
};

export async function createGrape(db: Db, body: CreateGrapeBody, meta: EditMeta): Promise<Grape> {
  const id = wineSlug(body.name);
  if (id === '') throw invalid('invalid_name', 'name', 'The name needs letters or digits');
  return db.transaction(async (tx) => {
    if (await grapesRepo.findGrape(tx, id)) throw new AppError('grape_exists', 409, `A grape with the id ${id} already exists`);
    await checkRegionIds(tx, body.regionIds);
    await grapesRepo.insertGrape(tx, {
      id,
      name: body.name,
      colour: body.colour,
      body: body.body,
      acidity: body.acidity,
      tannin: body.tannin,
      sweetnessFrom: body.sweetness.from,
      sweetnessTo: body.sweetness.to,
      aromas: body.aromas,
      synonyms: body.synonyms,
      regionIds: [...new Set(body.regionIds)],
      note: body.note,
      editedBy: meta.actorId,
      ...searchColumns(body.name, body.synonyms),
    });
    await recordAudit(tx, { actorId: meta.actorId, action: 'wine.grape_created', targetType: 'wine_grape', targetId: id, diff: { ...body }, ip: meta.ip });
    return getGrape(tx, id);
  });
}

export async function updateGrape(db: Db, id: string, body: UpdateGrapeBody, meta: EditMeta): Promise<Grape> {
  return db.transaction(async (tx) => {
    const row = await grapesRepo.findGrape(tx, id, { forUpdate: true });
    if (!row) throw notFound('Grape');
    const before = { ...row, sweetness: { from: row.sweetnessFrom, to: row.sweetnessTo } };
    const diff = changesOf(before, body);
    if (Object.keys(diff).length === 0) return getGrape(tx, id);
    if (body.regionIds) await checkRegionIds(tx, body.regionIds);
    const renamed = body.name !== undefined || body.synonyms !== undefined ? searchColumns(body.name ?? row.name, body.synonyms ?? row.synonyms) : {};
    const regionIds = body.regionIds ? { regionIds: [...new Set(body.regionIds)] } : {};
    await grapesRepo.updateGrape(tx, id, { ...grapeColumns(body), ...regionIds, ...renamed, editedBy: meta.actorId });
    await recordAudit(tx, { actorId: meta.actorId, action: 'wine.grape_updated', targetType: 'wine_grape', targetId: id, diff, ip: meta.ip });
    return getGrape(tx, id);
  });
}
