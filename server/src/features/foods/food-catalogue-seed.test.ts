import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import type { CatalogueFile } from './food-catalogue-file.js';
import { type ShippedFood, openCatalogueFile } from './food-catalogue-file.js';
import { ensureFoodCatalogue } from './food-catalogue-seed.js';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase(testEnv.databaseUrl);
});
afterAll(async () => {
  await testDb.database.close();
  await testDb.drop();
});

const count = async () => (await testDb.database.executeSql('select count(*)::int as n from foods')).rows[0].n as number;

const food = (id: number, name: string, commonName: string): ShippedFood => ({
  id,
  name,
  commonName,
  aliases: [`${commonName} alias`],
  foodGroup: 'Test Foods',
  nutrients: { energyKcal: 100, proteinG: 1, fatG: 1, saturatedFatG: 0.5, carbohydrateG: 20, sugarsG: null, fibreG: 2, sodiumMg: 5 },
  portions: [{ amount: 1, unit: 'medium', grams: 100 }],
  densityGPerMl: null,
  rank: 1,
});

const fileOf = (version: string, foods: ShippedFood[]): CatalogueFile => ({ version, read: () => ({ format: 1, source: 'test', foods }) });

describe('loading the shipped food catalogue', () => {
  it('holds the whole SR28 catalogue and its version, and loading it again does nothing', async () => {
    const shipped = openCatalogueFile();
    await ensureFoodCatalogue(testDb.database.db);
    expect(await count()).toBe(shipped.read().foods.length);
    expect(await count()).toBeGreaterThan(8000);
    const again = await ensureFoodCatalogue(testDb.database.db);
    expect(again).toMatchObject({ seeded: false, version: shipped.version });
  });

  it('replaces the catalogue when the file changes: updates, adds and removes foods in one go', async () => {
    const next = fileOf('test:2', [food(1123, 'Egg, renamed', 'test egg'), food(990001, 'Test food, raw', 'test food')]);
    const result = await ensureFoodCatalogue(testDb.database.db, next);
    expect(result).toMatchObject({ seeded: true, version: 'test:2', foods: 2 });
    expect(await count()).toBe(2);
    const rows = (await testDb.database.executeSql('select id, name, common_name, aliases, nutrients from foods order by id')).rows;
    expect(rows.map((row) => [row.id, row.name, row.common_name, row.aliases])).toEqual([
      [1123, 'Egg, renamed', 'test egg', ['test egg alias']],
      [990001, 'Test food, raw', 'test food', ['test food alias']],
    ]);
    expect(rows[0].nutrients).toMatchObject({ energyKcal: 100, sugarsG: null });
    expect(await ensureFoodCatalogue(testDb.database.db, next)).toMatchObject({ seeded: false });
  });

  it('loads once when two boots race for it', async () => {
    const racing = fileOf('test:3', [food(990002, 'Race food', 'race food')]);
    const results = await Promise.all([ensureFoodCatalogue(testDb.database.db, racing), ensureFoodCatalogue(testDb.database.db, racing)]);
    expect(results.filter((result) => result.seeded)).toHaveLength(1);
    expect(await count()).toBe(1);
  });
});
