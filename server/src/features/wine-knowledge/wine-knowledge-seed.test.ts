import type { TastingGuide } from '@tavola/contracts/wine-knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { openWineKnowledgeFiles, type ShippedGrape, type ShippedRegion, type WineKnowledgeContent, type WineKnowledgeFiles } from './wine-knowledge-files.js';
import { ensureWineKnowledge } from './wine-knowledge-seed.js';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase(testEnv.databaseUrl);
});
afterAll(async () => {
  await testDb.database.close();
  await testDb.drop();
});

const sql = async (text: string, values: unknown[] = []) => (await testDb.database.executeSql(text, values)).rows;
const count = async (table: string) => (await sql(`select count(*)::int as n from ${table}`))[0].n as number;

const region = (id: string, name: string, parentId: string | null, level: ShippedRegion['level'] = parentId ? 'region' : 'country'): ShippedRegion => ({
  id,
  name,
  level,
  parentId,
  countryId: 'testland',
  alsoWithin: [],
  altNames: [],
  designation: null,
  note: null,
  legalReference: null,
  sortOrder: 0,
});
const grape = (id: string, name: string): ShippedGrape => ({
  id,
  name,
  colour: 'red',
  body: 'medium',
  acidity: 'high',
  tannin: 'medium',
  sweetness: { from: 'dry', to: 'dry' },
  aromas: ['cherry'],
  synonyms: [],
  regionIds: ['testland'],
  note: null,
});
const guide: TastingGuide = { id: 'systematic-tasting', name: 'Test guide', summary: 'test', sections: [], aromaGroups: [] };

/** Files of a given content; each dataset's version is the tag given. */
function filesOf(tag: string, content: Partial<WineKnowledgeContent>): WineKnowledgeFiles {
  const full: WineKnowledgeContent = { regions: [], grapes: [], classifications: [], tastingGuide: guide, ...content };
  return {
    regions: { version: `regions:${tag}`, read: () => full.regions },
    grapes: { version: `grapes:${tag}`, read: () => full.grapes },
    classifications: { version: `classifications:${tag}`, read: () => full.classifications },
    tastingGuide: { version: `tastingGuide:${tag}`, read: () => full.tastingGuide },
  };
}

describe('loading the shipped wine knowledge', () => {
  it('loads every shipped file in well under a few seconds, and loading again costs one query', async () => {
    const shipped = openWineKnowledgeFiles();
    await sql('delete from wine_knowledge_versions');
    const first = await ensureWineKnowledge(testDb.database.db);
    expect(first.loaded).toEqual(['regions', 'grapes', 'classifications', 'tastingGuide']);
    expect(first.durationMs).toBeLessThan(5000);
    expect(await count('wine_regions')).toBe(shipped.regions.read().length);
    expect(await count('wine_grapes')).toBe(shipped.grapes.read().length);
    expect(await count('wine_classifications')).toBe(shipped.classifications.read().length);
    expect(await count('wine_tasting_guides')).toBe(1);

    let queries = 0;
    const counting = new Proxy(testDb.database.db, {
      get(target, property, receiver) {
        if (property === 'execute' || property === 'transaction' || property === 'select' || property === 'insert') queries += 1;
        return Reflect.get(target, property, receiver);
      },
    });
    const again = await ensureWineKnowledge(counting);
    expect(again).toMatchObject({ loaded: [], keptEdited: 0 });
    expect(queries).toBe(1);
    expect(again.durationMs).toBeLessThan(500);
    const [syrah] = await sql("select name, synonyms, search_keys from wine_grapes where id = 'syrah'");
    expect(syrah).toMatchObject({ name: 'Syrah', search_keys: expect.arrayContaining(['syrah', 'shiraz']) });
    const [cdr] = await sql("select search_keys from wine_regions where id = 'france-cotes-du-rhone'");
    expect(cdr.search_keys[0]).toBe('cotes du rhone');
  });

  it('updates unedited rows, keeps rows an admin edited, and removes only unedited rows the files dropped', async () => {
    const v1 = filesOf('v1', {
      regions: [
        region('testland', 'Testland', null),
        region('testland-north', 'North', 'testland'),
        region('testland-hill', 'Hill', 'testland-north', 'appellation'),
        region('testland-old', 'Old', 'testland'),
        region('testland-edited-gone', 'Edited gone', 'testland-old', 'appellation'),
      ],
      grapes: [grape('test-red', 'Test Red'), grape('test-black', 'Test Black'), grape('test-dropped', 'Test Dropped')],
    });
    expect((await ensureWineKnowledge(testDb.database.db, v1)).loaded).toHaveLength(4);
    expect(await count('wine_regions')).toBe(5);
    await sql("update wine_regions set name = 'North (admin)', edited_at = now() where id in ('testland-north')");
    await sql("update wine_regions set edited_at = now() where id = 'testland-edited-gone'");
    await sql("update wine_grapes set body = 'full', edited_at = now() where id = 'test-red'");

    const v2 = filesOf('v2', {
      regions: [region('testland', 'Testland', null), region('testland-north', 'North renamed', 'testland'), region('testland-hill', 'Hill renamed', 'testland-north', 'appellation')],
      grapes: [{ ...grape('test-red', 'Test Red'), body: 'light' }, { ...grape('test-black', 'Test Black'), body: 'light' }],
    });
    const result = await ensureWineKnowledge(testDb.database.db, v2);
    expect(result).toMatchObject({ loaded: ['regions', 'grapes', 'classifications', 'tastingGuide'], keptEdited: 2 });
    const regions = await sql('select id, name from wine_regions order by id');
    expect(regions).toEqual([
      { id: 'testland', name: 'Testland' },
      { id: 'testland-edited-gone', name: 'Edited gone' },
      { id: 'testland-hill', name: 'Hill renamed' },
      { id: 'testland-north', name: 'North (admin)' },
      // Gone from the files, but an edited region still hangs below it.
      { id: 'testland-old', name: 'Old' },
    ]);
    expect(await sql('select id, body from wine_grapes order by id')).toEqual([
      { id: 'test-black', body: 'light' },
      { id: 'test-red', body: 'full' },
    ]);
    expect(await count('wine_classifications')).toBe(0);
    expect((await sql('select document from wine_tasting_guides'))[0].document.name).toBe('Test guide');
  });

  it('loads once when two boots race for it', async () => {
    const racing = filesOf('v3', { regions: [region('testland', 'Testland', null)], grapes: [grape('race', 'Race')] });
    const results = await Promise.all([ensureWineKnowledge(testDb.database.db, racing), ensureWineKnowledge(testDb.database.db, racing)]);
    expect(results.filter((result) => result.loaded.length > 0)).toHaveLength(1);
    expect((await sql('select id from wine_grapes order by id')).map((row) => row.id)).toEqual(['race', 'test-red']);
  });
});
