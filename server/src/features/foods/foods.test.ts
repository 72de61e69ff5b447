import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import type { DbOrTx } from '../../db/client.js';
import { computeNutrition, findFoodsByIds, matchFood, matchFoods } from './index.js';

let t: TestApp;
let db: DbOrTx;
beforeAll(async () => {
  t = await buildTestApp();
  db = t.platform.database.db;
});
afterAll(() => t.close());

describe('matching ingredient names to foods', () => {
  it('finds everyday names, plurals, synonyms and reduced forms, preferring the plain raw food', async () => {
    const expected: Record<string, number> = {
      eggs: 1123, // Egg, whole, raw, fresh
      Onions: 11282, // Onions, raw
      'unsalted butter': 1145,
      'all-purpose flour': 20081,
      'plain flour': 20081,
      scallions: 11291,
      'spring onion': 11291,
      'green onions': 11291,
      cilantro: 11165,
      coriander: 11165,
      aubergine: 11209,
      eggplant: 11209,
      courgettes: 11477,
      "confectioners' sugar": 19336,
      'icing sugar': 19336,
      'powdered sugar': 19336,
      tomatoes: 11529,
      blueberries: 9050,
      'bay leaves': 2004,
      'extra-virgin olive oil': 4053,
      'salt and freshly ground black pepper': 2047,
      'vegetable or olive oil': 4044,
      'chicken or vegetable stock': 6172,
    };
    const matches = await matchFoods(db, Object.keys(expected));
    const found = Object.fromEntries(matches.map((match) => [match.name, match.food?.id]));
    expect(found).toEqual(expected);
    expect(matches.find((match) => match.name === 'eggs')?.method).toBe('exact');
  });

  it('says how a name matched, falls back to a similar spelling, and finds nothing for non-foods', async () => {
    const [basil, turmeric, nothing, empty] = await matchFoods(db, ['fresh basil leaves', 'tumeric', 'unicorn tears', '']);
    expect(basil).toMatchObject({ method: 'reduced', matchedAs: 'basil leaf', food: { id: 2044 } });
    expect(turmeric).toMatchObject({ method: 'similar', matchedAs: 'turmeric', food: { commonName: 'turmeric' } });
    expect(turmeric?.similarity).toBeGreaterThanOrEqual(0.5);
    expect(turmeric?.similarity).toBeLessThan(0.6);
    expect(nothing).toMatchObject({ food: null, method: null, matchedAs: null });
    expect(empty?.food).toBeNull();
    expect(await matchFood(db, 'garlic')).toMatchObject({ id: 11215, commonName: 'garlic' });
    expect(await matchFood(db, 'zzzz qqqq')).toBeNull();
  });

  it('matches a whole recipe in two database calls, whatever its length', async () => {
    let queries = 0;
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'execute' || property === 'transaction' || property === 'select') queries += 1;
        return Reflect.get(target, property, receiver);
      },
    });
    const names = ['eggs', 'milk', 'tumeric', 'sugar', 'ground cinnamon', 'vanilla extract', 'unicorn tears', 'wholemeal flour'];
    const matches = await matchFoods(counting, [...names, ...names, ...names]);
    expect(matches).toHaveLength(24);
    expect(queries).toBeLessThanOrEqual(2);
  });
});

describe('nutrition from the catalogue', () => {
  it('computes a recipe per serving and lists the lines it could not count', async () => {
    const lines = [
      { quantity: 200, unit: 'g', foodId: 20120 }, // pasta, dry: 371 kcal / 100 g
      { quantity: 2, unit: 'tbsp', foodId: 4053 }, // olive oil: 884 kcal / 100 g, 216 g a cup
      { quantity: 3, unit: 'clove', foodId: 11215 }, // garlic: 3 g a clove, 149 kcal / 100 g
      { quantity: null, unit: null, foodId: 2047 }, // salt to taste
      { quantity: 1, unit: 'cup', foodId: null }, // not matched
    ];
    const foods = await findFoodsByIds(db, lines.flatMap((line) => (line.foodId ? [line.foodId] : [])));
    expect([...foods.keys()].sort((a, b) => a - b)).toEqual([2047, 4053, 11215, 20120]);
    const summary = computeNutrition(lines, 2, foods);
    const oilGrams = 2 * 14.78676478125 * (216 / 236.5882365);
    expect(summary.perServing.energyKcal).toBeCloseTo((742 + (oilGrams * 884) / 100 + (9 * 149) / 100) / 2, -1);
    expect(summary.countedLines).toBe(3);
    expect(summary.uncounted).toEqual([
      { line: 3, reason: 'no_quantity' },
      { line: 4, reason: 'no_food' },
    ]);
    expect(await findFoodsByIds(db, [])).toEqual(new Map());
  });
});

describe('GET /api/foods', () => {
  it('autocompletes by name, prefix and similar words; an empty query lists common foods', async () => {
    const tomato = await t.app.inject({ url: '/api/foods?q=Tomatoes&limit=5' });
    expect(tomato.statusCode).toBe(200);
    expect(tomato.json().items[0]).toMatchObject({ id: 11529, commonName: 'tomato', name: 'Tomatoes, red, ripe, raw, year round average' });
    const prefix = (await t.app.inject({ url: '/api/foods?q=parme' })).json().items;
    expect(prefix[0].commonName).toBe('parmesan cheese');
    const word = (await t.app.inject({ url: '/api/foods?q=salmon' })).json().items;
    expect(word[0].id).toBe(15236);
    const all = await t.app.inject({ url: '/api/foods?q=' });
    expect(all.statusCode).toBe(200);
    expect(all.json().items).toHaveLength(20);
    expect((await t.app.inject({ url: '/api/foods' })).json().items).toHaveLength(20);
  });

  it('rejects a bad limit or an over-long query', async () => {
    for (const url of ['/api/foods?limit=0', '/api/foods?limit=51', '/api/foods?limit=ten', `/api/foods?q=${'a'.repeat(101)}`]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('GET /api/foods/:id', () => {
  it('returns a food with its nutrients per 100 g, portions and density', async () => {
    const res = await t.app.inject({ url: '/api/foods/1123' });
    expect(res.statusCode).toBe(200);
    const egg = res.json();
    expect(egg).toMatchObject({ id: 1123, name: 'Egg, whole, raw, fresh', commonName: 'egg', foodGroup: 'Dairy and Egg Products' });
    expect(egg.nutrientsPer100g).toMatchObject({ energyKcal: 143, proteinG: 12.56 });
    expect(egg.portions).toContainEqual({ amount: 1, unit: 'large', grams: 50 });
    expect(egg.densityGPerMl).toBeGreaterThan(1);
    expect(egg.aliases).toContain('whole egg');
  });

  it('answers 400 for an id that is not a number and 404 for an unknown food', async () => {
    for (const id of ['abc', '-3', '1.5', '99999999999']) expect((await t.app.inject({ url: `/api/foods/${id}` })).statusCode, id).toBe(400);
    const missing = await t.app.inject({ url: '/api/foods/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', status: 404 });
  });
});

describe('POST /api/foods/match', () => {
  it('matches names in order, without a login', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/foods/match', payload: { names: ['Eggs', 'cilantro', 'unicorn tears'] } });
    expect(res.statusCode).toBe(200);
    const { matches } = res.json();
    expect(matches.map((match: { food: { id: number } | null }) => match.food?.id ?? null)).toEqual([1123, 11165, null]);
    expect(matches[0]).toMatchObject({ name: 'Eggs', method: 'exact', matchedAs: 'egg', similarity: null });
  });

  it('rejects no names, more than 300, or a body without names', async () => {
    const names = Array.from({ length: 301 }, (_, index) => `food ${index}`);
    for (const payload of [{ names: [] }, { names }, {}, { names: 'eggs' }, { names: ['x'.repeat(301)] }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/foods/match', payload });
      expect(res.statusCode).toBe(400);
    }
    const ok = await t.app.inject({ method: 'POST', url: '/api/foods/match', payload: { names: names.slice(0, 300) } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().matches).toHaveLength(300);
  });
});
