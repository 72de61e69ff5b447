import { classificationSchema, regionLevels, tastingGuideSchema } from '@tavola/contracts/wine-knowledge';
import { describe, expect, it } from 'vitest';
import { openWineKnowledgeFiles } from './wine-knowledge-files.js';
import { foldWineName } from './wine-names.js';

const files = openWineKnowledgeFiles();
const regions = files.regions.read();
const grapes = files.grapes.read();
const classifications = files.classifications.read();
const guide = files.tastingGuide.read();
const regionById = new Map(regions.map((region) => [region.id, region]));
const classification = (id: string) => {
  const found = classifications.find((c) => c.id === id);
  if (!found) throw new Error(`no classification ${id}`);
  return found;
};
const ancestorIds = (id: string): string[] => {
  const chain: string[] = [];
  let current = regionById.get(id)?.parentId ?? null;
  while (current && chain.length < 50) {
    chain.push(current);
    current = regionById.get(current)?.parentId ?? null;
  }
  return chain;
};

describe('shipped regions', () => {
  it('cover the twelve major wine countries and their principal appellations', () => {
    const countries = regions.filter((region) => region.level === 'country').map((region) => region.id);
    expect(countries.length).toBeGreaterThanOrEqual(12);
    expect(countries).toEqual(expect.arrayContaining(['france', 'italy', 'spain', 'portugal', 'germany', 'austria', 'usa', 'argentina', 'chile', 'australia', 'new-zealand', 'south-africa']));
    for (const [appellation, path] of Object.entries({
      'france-pauillac': ['france-medoc', 'france-bordeaux', 'france'],
      'france-margaux': ['france-medoc', 'france-bordeaux', 'france'],
      'france-saint-julien': ['france-medoc', 'france-bordeaux', 'france'],
      'france-saint-estephe': ['france-medoc', 'france-bordeaux', 'france'],
      'france-gevrey-chambertin': ['france-cote-de-nuits', 'france-burgundy', 'france'],
      'italy-barolo': ['italy-langhe-region', 'italy-piedmont', 'italy'],
      'italy-brunello-di-montalcino': ['italy-tuscany', 'italy'],
      'spain-rioja': ['spain-rioja-region', 'spain'],
      'portugal-porto': ['portugal-douro-region', 'portugal'],
      'germany-piesport': ['germany-bereich-bernkastel', 'germany-mosel', 'germany'],
      'austria-wachau': ['austria-niederosterreich', 'austria'],
      'usa-oakville': ['usa-napa-valley', 'usa-north-coast', 'usa-california', 'usa'],
      'argentina-gualtallary': ['argentina-uco-valley', 'argentina-mendoza', 'argentina'],
      'chile-apalta': ['chile-colchagua-valley', 'chile-rapel-valley', 'chile-central-valley', 'chile'],
      'australia-high-eden': ['australia-eden-valley', 'australia-barossa-zone', 'australia-south-australia', 'australia'],
      'new-zealand-waipara-valley': ['new-zealand-north-canterbury', 'new-zealand-canterbury', 'new-zealand-south-island', 'new-zealand'],
      'south-africa-simonsberg-stellenbosch': ['south-africa-stellenbosch', 'south-africa-coastal-region', 'south-africa'],
    })) {
      expect(ancestorIds(appellation), appellation).toEqual(path);
    }
    expect(regionById.get('france-pauillac')?.designation).toBe('AOC');
    expect(regionById.get('italy-barolo')?.designation).toBe('DOCG');
    expect(regionById.get('spain-rioja')?.designation).toBe('DOCa');
    expect(regionById.get('usa-oakville')).toMatchObject({ designation: 'AVA', legalReference: '27 CFR § 9.134' });
  });

  it('form one tree: unique ids, every parent exists, no cycles, each chain ends at its own country', () => {
    expect(new Set(regions.map((region) => region.id)).size).toBe(regions.length);
    for (const region of regions) {
      expect(regionLevels).toContain(region.level);
      expect(region.parentId === null, region.id).toBe(region.level === 'country');
      if (region.parentId) expect(regionById.has(region.parentId), `${region.id} -> ${region.parentId}`).toBe(true);
      const chain = ancestorIds(region.id);
      expect(chain.length, `${region.id} has a cycle`).toBeLessThan(50);
      expect(region.level === 'country' ? region.id : chain.at(-1), region.id).toBe(region.countryId);
      for (const other of region.alsoWithin) expect(regionById.has(other), `${region.id} also within ${other}`).toBe(true);
    }
  });

  it('hold all 239 US AVAs of the UC Davis list, Arkansas rows (state "AK" in the file) under Arkansas', () => {
    expect(regions.filter((region) => region.designation === 'AVA')).toHaveLength(239);
    expect(regionById.has('usa-alaska')).toBe(false);
    expect(ancestorIds('usa-altus')).toEqual(['usa-arkansas-mountain', 'usa-ozark-mountain', 'usa']);
    expect(regionById.get('usa-arkansas-mountain')?.alsoWithin).toContain('usa-arkansas');
    expect(regionById.get('usa-arkansas')).toMatchObject({ name: 'Arkansas', level: 'region', parentId: 'usa' });
    expect(regionById.get('usa-altus')?.note).toBe('Franklin County, Arkansas.');
    // "VI" in the file is Virginia, not the Virgin Islands.
    expect(regionById.get('usa-shenandoah-valley')?.alsoWithin).toEqual(['usa-virginia', 'usa-west-virginia']);
  });
});

describe('shipped grapes', () => {
  it('hold at least 100 varieties with complete profiles linked to existing regions', () => {
    expect(grapes.length).toBeGreaterThanOrEqual(100);
    expect(new Set(grapes.map((grape) => grape.id)).size).toBe(grapes.length);
    for (const grape of grapes) {
      expect(grape.tannin === null, grape.id).toBe(grape.colour === 'white');
      expect(grape.aromas.length, grape.id).toBeGreaterThanOrEqual(2);
      expect(grape.regionIds.length, grape.id).toBeGreaterThan(0);
      for (const region of grape.regionIds) expect(regionById.has(region), `${grape.id} -> ${region}`).toBe(true);
    }
  });

  it('know the usual synonyms', () => {
    const names = (id: string) => {
      const grape = grapes.find((g) => g.id === id);
      return [grape?.name, ...(grape?.synonyms ?? [])].map((name) => foldWineName(name ?? ''));
    };
    expect(names('syrah')).toContain('shiraz');
    expect(names('grenache')).toEqual(expect.arrayContaining(['garnacha', 'cannonau']));
    expect(names('tempranillo')).toEqual(expect.arrayContaining(['tinto fino', 'tinta roriz', 'aragonez']));
    expect(names('pinot-gris')).toContain('pinot grigio');
    expect(names('zinfandel')).toContain('primitivo');
    expect(names('mourvedre')).toContain('monastrell');
  });
});

describe('shipped classifications', () => {
  it('list the 61 châteaux of the 1855 red classification, Haut-Brion among the first growths', () => {
    const reds = classification('bordeaux-1855-red');
    expect(reds.members).toHaveLength(61);
    const count = (level: string) => reds.members.filter((member) => member.level === level).length;
    expect([count('first-growth'), count('second-growth'), count('third-growth'), count('fourth-growth'), count('fifth-growth')]).toEqual([5, 14, 14, 10, 18]);
    expect(reds.members.find((member) => member.name === 'Château Haut-Brion')).toMatchObject({ level: 'first-growth', regionId: 'france-pessac-leognan' });
    expect(reds.members.filter((member) => member.regionId !== 'france-pessac-leognan').every((member) => ancestorIds(member.regionId ?? '').includes('france-medoc'))).toBe(true);
    expect(new Set(reds.members.map((member) => member.name)).size).toBe(61);
  });

  it('list Sauternes-Barsac, the Burgundy grands crus, the Champagne grand cru villages and the Prädikat must weights', () => {
    const sweet = classification('bordeaux-1855-sauternes-barsac');
    expect(sweet.members.filter((member) => member.level === 'superior-first-growth').map((member) => member.name)).toEqual(["Château d'Yquem"]);
    expect([sweet.members.filter((m) => m.level === 'first-growth').length, sweet.members.filter((m) => m.level === 'second-growth').length]).toEqual([11, 15]);
    expect(classification('burgundy-vineyard-hierarchy').levels.map((level) => level.id)).toEqual(['grand-cru', 'premier-cru', 'village', 'regional']);
    expect(classification('burgundy-vineyard-hierarchy').members).toHaveLength(33);
    expect(classification('champagne-echelle-des-crus').members).toHaveLength(17);
    const pradikat = classification('germany-pradikat');
    expect(pradikat.levels.find((level) => level.id === 'kabinett')?.mustWeightOechsle).toEqual({ min: 67, max: 82 });
    expect(pradikat.levels.find((level) => level.id === 'trockenbeerenauslese')?.mustWeightOechsle).toEqual({ min: 150, max: 154 });
    expect(classification('spain-ageing-terms').levels.find((level) => level.id === 'gran-reserva')?.minimumAgeing?.red).toEqual({ totalMonths: 60, oakMonths: 18 });
    for (const id of ['italy-quality-pyramid', 'spain-quality-categories', 'portugal-quality-categories']) expect(classification(id).levels.length).toBeGreaterThanOrEqual(4);
    for (const c of classifications) expect(() => classificationSchema.parse(c)).not.toThrow();
  });
});

describe('shipped tasting guide', () => {
  it('gives every field of appearance, nose, palate and conclusions its allowed values', () => {
    expect(() => tastingGuideSchema.parse(guide)).not.toThrow();
    expect(guide.sections.map((section) => section.id)).toEqual(['wine', 'appearance', 'nose', 'palate', 'conclusions']);
    const fields = new Map(guide.sections.flatMap((section) => section.fields).map((field) => [field.id, field]));
    expect(fields.get('sweetness')?.values?.map((value) => value.id)).toEqual(['dry', 'off-dry', 'medium-dry', 'medium-sweet', 'sweet', 'luscious']);
    expect(fields.get('acidity')?.values?.map((value) => value.label)).toEqual(['Low', 'Medium (-)', 'Medium', 'Medium (+)', 'High']);
    expect(Object.keys(fields.get('colour')?.valuesByWineType ?? {})).toEqual(['white', 'rose', 'red']);
    expect(fields.get('tannin')?.appliesWhen).toEqual({ field: 'wineType', in: ['red', 'rose'] });
    expect(fields.get('quality')?.values?.map((value) => value.id)).toEqual(['faulty', 'poor', 'acceptable', 'good', 'very-good', 'outstanding']);
    expect(new Set(guide.aromaGroups.map((group) => group.type))).toEqual(new Set(['primary', 'secondary', 'tertiary']));
  });
});
