/**
 * Consistency checks of the wine knowledge before it is written: every problem is collected and
 * reported at once, so a curator fixes a source file in one pass.
 */
import { classificationSchema, createGrapeBody, regionLevels, tastingGuideSchema, type Classification, type TastingGuide } from '@tavola/contracts/wine-knowledge';
import type { ShippedGrape, ShippedRegion } from '../../src/features/wine-knowledge/wine-knowledge-files.js';
import { foldWineName } from '../../src/features/wine-knowledge/wine-names.js';

const levelRank = (level: string) => regionLevels.indexOf(level as (typeof regionLevels)[number]);

export function checkRegions(regions: ShippedRegion[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, ShippedRegion>();
  for (const region of regions) {
    if (byId.has(region.id)) problems.push(`region id ${region.id} is used twice (${byId.get(region.id)?.name} and ${region.name}); give one an explicit id`);
    byId.set(region.id, region);
  }
  const siblingNames = new Set<string>();
  for (const region of regions) {
    if ((region.level === 'country') !== (region.parentId === null)) problems.push(`${region.id}: only countries have no parent`);
    if (levelRank(region.level) < 0) problems.push(`${region.id}: unknown level ${region.level}`);
    const parent = region.parentId ? byId.get(region.parentId) : undefined;
    if (region.parentId && !parent) problems.push(`${region.id}: parent ${region.parentId} does not exist`);
    if (parent && !(levelRank(parent.level) < levelRank(region.level) || (parent.level === 'appellation' && region.level === 'appellation'))) {
      problems.push(`${region.id}: a ${region.level} cannot sit under the ${parent.level} ${parent.id}`);
    }
    for (const other of region.alsoWithin) if (!byId.has(other) || other === region.id) problems.push(`${region.id}: alsoWithin ${other} is not another region`);
    const siblingKey = `${region.parentId}|${region.level}|${foldWineName(region.name)}`;
    if (siblingNames.has(siblingKey)) problems.push(`${region.id}: another ${region.level} under ${region.parentId} has the name ${region.name}`);
    siblingNames.add(siblingKey);
    // Walk up: no cycle, and the chain ends at the region's own country.
    const seen = new Set<string>([region.id]);
    let current = region;
    while (current.parentId) {
      const next = byId.get(current.parentId);
      if (!next) break;
      if (seen.has(next.id)) {
        problems.push(`${region.id}: its ancestors form a cycle through ${next.id}`);
        break;
      }
      seen.add(next.id);
      current = next;
    }
    if (current.parentId === null && current.id !== region.countryId) problems.push(`${region.id}: countryId ${region.countryId} is not its root ${current.id}`);
  }
  return problems;
}

export function checkGrapes(grapes: ShippedGrape[], regionIds: Set<string>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const grape of grapes) {
    if (ids.has(grape.id)) problems.push(`grape id ${grape.id} is used twice`);
    ids.add(grape.id);
    const { id: _id, ...fields } = grape;
    const parsed = createGrapeBody.safeParse(fields);
    if (!parsed.success) problems.push(`${grape.id}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    if ((grape.colour === 'red') !== (grape.tannin !== null)) problems.push(`${grape.id}: red grapes have a tannin level, white ones none`);
    for (const region of grape.regionIds) if (!regionIds.has(region)) problems.push(`${grape.id}: unknown region ${region}`);
    if (new Set(grape.regionIds).size !== grape.regionIds.length) problems.push(`${grape.id}: a region is listed twice`);
    const own = foldWineName(grape.name);
    const synonymKeys = grape.synonyms.map(foldWineName);
    if (synonymKeys.includes(own)) problems.push(`${grape.id}: a synonym repeats the name`);
    if (new Set(synonymKeys).size !== synonymKeys.length) problems.push(`${grape.id}: a synonym is listed twice`);
  }
  return problems;
}

export function checkClassifications(classifications: Classification[], regionIds: Set<string>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const classification of classifications) {
    const where = classification.id;
    if (ids.has(where)) problems.push(`classification id ${where} is used twice`);
    ids.add(where);
    const parsed = classificationSchema.strict().safeParse(classification);
    if (!parsed.success) problems.push(`${where}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    for (const id of [classification.countryId, classification.regionId]) if (id !== null && !regionIds.has(id)) problems.push(`${where}: unknown region ${id}`);
    const levels = new Set(classification.levels.map((level) => level.id));
    const ranks = classification.levels.map((level) => level.rank);
    if (levels.size !== classification.levels.length || new Set(ranks).size !== ranks.length) problems.push(`${where}: level ids and ranks must be unique`);
    for (const member of classification.members) {
      if (!levels.has(member.level)) problems.push(`${where}: ${member.name} has unknown level ${member.level}`);
      if (member.regionId !== null && !regionIds.has(member.regionId)) problems.push(`${where}: ${member.name} has unknown region ${member.regionId}`);
    }
  }
  return problems;
}

export function checkTastingGuide(guide: TastingGuide): string[] {
  const parsed = tastingGuideSchema.safeParse(guide);
  if (!parsed.success) return parsed.error.issues.map((issue) => `tasting guide ${issue.path.join('.')}: ${issue.message}`);
  const problems: string[] = [];
  const fields = new Map(guide.sections.flatMap((section) => section.fields).map((field) => [field.id, field]));
  for (const field of fields.values()) {
    const condition = field.appliesWhen;
    const target = condition ? fields.get(condition.field) : undefined;
    if (condition && !target) problems.push(`tasting field ${field.id} depends on unknown field ${condition.field}`);
    if (condition && target?.values && condition.in.some((value) => !target.values?.some((allowed) => allowed.id === value))) {
      problems.push(`tasting field ${field.id} depends on a value ${condition.field} does not allow`);
    }
    if (field.kind === 'single' || field.kind === 'multi') {
      const values = field.values ?? Object.values(field.valuesByWineType ?? {}).flat();
      if (values.length === 0) problems.push(`tasting field ${field.id} has no allowed values`);
    }
  }
  return problems;
}
