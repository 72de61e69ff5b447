import type { Food } from '@tavola/contracts/foods';
import type { RecipeNutrition } from '@tavola/contracts/recipe-nutrition';
import type { Recipe } from '@tavola/contracts/recipes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';

let t: TestApp;
let cook: TestUser;
let stranger: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  await makeUser(t, { role: 'admin' });
  cook = await makeUser(t);
  stranger = await makeUser(t);
});
afterAll(() => t.close());

const shortbread = {
  title: 'Shortbread',
  servings: { amount: 4, unit: 'people' },
  ingredients: [
    { title: null, lines: [{ text: '100 g butter, softened' }, { text: '200 g sugar' }, { text: '2 cups all-purpose flour' }] },
    { title: 'To finish', lines: [{ text: 'salt to taste' }, { text: '1 pinch of unobtainium dust' }] },
  ],
};

const food = async (id: number) => (await t.app.inject({ url: `/api/foods/${id}` })).json() as Food;
const nutrition = async (user: TestUser | null, id: string, query = '') => {
  const res = user ? await user.inject({ url: `/api/recipes/${id}/nutrition${query}` }) : await t.app.inject({ url: `/api/recipes/${id}/nutrition${query}` });
  return res;
};

describe('foods linked to ingredient lines', () => {
  it('matches every line to a catalogue food when the recipe is saved', async () => {
    const recipe = await makeRecipe(cook, { content: shortbread });
    const [main, finish] = recipe.content.ingredients;
    const foods = await Promise.all(main!.lines.map((line) => food(line.foodId as number)));
    expect(foods.map((f) => f.commonName)).toEqual([expect.stringContaining('butter'), 'sugar', expect.stringContaining('flour')]);
    expect(main!.lines.every((line) => line.foodChosen === false)).toBe(true);
    expect(finish!.lines[1]!.foodId).toBeNull();
  });

  it('computes nutrition per serving from the lines, and lists the lines it cannot count', async () => {
    const recipe = await makeRecipe(cook, { content: shortbread });
    const res = await nutrition(null, recipe.id);
    expect(res.statusCode).toBe(200);
    const body = res.json() as RecipeNutrition;
    const [butter, sugar, flour] = await Promise.all(recipe.content.ingredients[0]!.lines.map((line) => food(line.foodId as number)));
    const flourGrams = 2 * 236.588 * (flour!.densityGPerMl as number);
    const expectedKcal = (butter!.nutrientsPer100g.energyKcal as number) + 2 * (sugar!.nutrientsPer100g.energyKcal as number) + (flourGrams * (flour!.nutrientsPer100g.energyKcal as number)) / 100;
    expect(body.total.energyKcal).toBeCloseTo(expectedKcal, -1);
    expect(body.perServing.energyKcal).toBeCloseTo(expectedKcal / 4, -1);
    expect(body.countedLines).toBe(3);
    expect(body.lines.map((line) => [line.section, line.line, line.uncounted])).toEqual([
      [0, 0, null],
      [0, 1, null],
      [0, 2, null],
      [1, 0, 'no_quantity'],
      [1, 1, 'no_food'],
    ]);
    expect(body.lines[0]).toMatchObject({ text: '100 g butter, softened', grams: 100, chosen: false, food: { commonName: expect.stringContaining('butter') } });
  });

  it('scales nutrition: totals follow the servings, per-serving figures do not', async () => {
    const recipe = await makeRecipe(cook, { content: shortbread });
    const base = (await nutrition(null, recipe.id)).json() as RecipeNutrition;
    const doubled = (await nutrition(null, recipe.id, '?servings=8')).json() as RecipeNutrition;
    expect(doubled.servings).toEqual({ amount: 8, unit: 'people' });
    expect(doubled.total.energyKcal).toBeCloseTo((base.total.energyKcal as number) * 2, -1);
    expect(doubled.perServing.energyKcal).toBeCloseTo(base.perServing.energyKcal as number, -1);
    expect(doubled.lines[0]!.grams).toBe(200);
  });

  it('lets the author correct a match; the choice survives later saves, unchosen lines follow their new names', async () => {
    const recipe = await makeRecipe(cook, { content: shortbread });
    const [margarine] = (await t.app.inject({ url: '/api/foods?q=margarine&limit=1' })).json().items;
    const corrected = await cook.inject({
      method: 'PUT',
      url: `/api/recipes/${recipe.id}/foods`,
      payload: { baseVersion: 1, changes: [{ section: 0, line: 0, foodId: margarine.id }, { section: 1, line: 1, foodId: null }] },
    });
    expect(corrected.statusCode).toBe(200);
    const v2 = corrected.json() as Recipe;
    expect(v2.version).toBe(2);
    expect(v2.content.ingredients[0]!.lines[0]).toMatchObject({ foodId: margarine.id, foodChosen: true });
    expect(v2.content.ingredients[1]!.lines[1]).toMatchObject({ foodId: null, foodChosen: true });
    const versions = (await cook.inject({ url: `/api/recipes/${recipe.id}/versions` })).json().items;
    expect(versions.find((v: { number: number }) => v.number === 2).changeNote).toBe('Corrected the foods of 2 ingredients');
    const diff = (await t.app.inject({ url: `/api/recipes/${recipe.id}/diff?from=1&to=2` })).json();
    expect(diff.ingredients.every((change: { kind: string }) => change.kind === 'unchanged')).toBe(true);
    // The unobtainium line had no food before and none after (now by choice): not a food change.
    expect(diff.foods).toEqual([{ line: '100 g butter, softened', before: expect.stringMatching(/^Butter/), after: margarine.name }]);
    const lines = ((await nutrition(cook, recipe.id)).json() as RecipeNutrition).lines;
    expect(lines[0]).toMatchObject({ chosen: true, food: { id: margarine.id } });

    const content = structuredClone(v2.content);
    content.ingredients[0]!.lines[0]!.text = '120 g butter, softened';
    content.ingredients[0]!.lines[1] = { ...content.ingredients[0]!.lines[1]!, text: '200 g honey', name: undefined, quantity: undefined, unit: undefined };
    const saved = (await cook.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}`, payload: { content, baseVersion: 2 } })).json() as Recipe;
    expect(saved.content.ingredients[0]!.lines[0]!.foodId).toBe(margarine.id);
    expect((await food(saved.content.ingredients[0]!.lines[1]!.foodId as number)).commonName).toBe('honey');
  });

  it('refuses bad corrections with a clear error and writes nothing', async () => {
    const recipe = await makeRecipe(cook, { content: shortbread });
    const put = (payload: object) => cook.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/foods`, payload });
    const unknownFood = await put({ baseVersion: 1, changes: [{ section: 0, line: 0, foodId: 2_000_000_000 }] });
    expect(unknownFood.statusCode).toBe(422);
    expect(unknownFood.json()).toMatchObject({ code: 'unknown_food', errors: [{ field: 'content.ingredients.0.lines.0.foodId' }] });
    const noSuchLine = await put({ baseVersion: 1, changes: [{ section: 0, line: 9, foodId: null }] });
    expect(noSuchLine.statusCode).toBe(422);
    expect(noSuchLine.json().code).toBe('unknown_line');
    expect((await put({ baseVersion: 1, changes: [] })).statusCode).toBe(400);
    expect((await put({ baseVersion: 1, changes: [{ section: -1, line: 0, foodId: 1 }] })).statusCode).toBe(400);
    const stale = await put({ baseVersion: 7, changes: [{ section: 0, line: 0, foodId: null }] });
    expect(stale.statusCode).toBe(409);
    expect((await cook.inject({ url: `/api/recipes/${recipe.id}/versions` })).json().items).toHaveLength(1);

    const chosenUnknown = await cook.inject({
      method: 'PUT',
      url: `/api/recipes/${recipe.id}`,
      payload: { baseVersion: 1, content: { ...recipe.content, ingredients: [{ title: null, lines: [{ text: '1 egg', foodId: 2_000_000_000, foodChosen: true }] }] } },
    });
    expect(chosenUnknown.statusCode).toBe(422);
    expect((await nutrition(null, recipe.id, '?servings=0')).statusCode).toBe(400);
    expect((await nutrition(null, recipe.id, '?servings=lots')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/recipes/not-an-id/nutrition' })).statusCode).toBe(400);
  });

  it('keeps private recipes private, and only the author corrects foods', async () => {
    const hidden = await makeRecipe(cook, { visibility: 'private', content: shortbread });
    const shown = await makeRecipe(cook, { content: shortbread });
    expect((await nutrition(stranger, hidden.id)).statusCode).toBe(404);
    expect((await nutrition(null, hidden.id)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/recipes/${hidden.id}/scaled?measure=weight` })).statusCode).toBe(404);
    const change = { baseVersion: 1, changes: [{ section: 0, line: 0, foodId: null }] };
    expect((await stranger.inject({ method: 'PUT', url: `/api/recipes/${hidden.id}/foods`, payload: change })).statusCode).toBe(404);
    const notAuthor = await stranger.inject({ method: 'PUT', url: `/api/recipes/${shown.id}/foods`, payload: change });
    expect(notAuthor.statusCode).toBe(403);
    expect(notAuthor.json().code).toBe('not_author');
    expect((await t.app.inject({ method: 'PUT', url: `/api/recipes/${shown.id}/foods`, payload: change })).statusCode).toBe(401);
  });
});

describe('scaled view by weight', () => {
  it('shows volumes of foods with a density as weights, leaving counts and unknown foods alone', async () => {
    const recipe = await makeRecipe(cook, {
      content: { ...shortbread, ingredients: [{ title: null, lines: [{ text: '2 cups all-purpose flour' }, { text: '3 large eggs' }, { text: '1 cup unobtainium' }] }] },
    });
    const flour = await food(recipe.content.ingredients[0]!.lines[0]!.foodId as number);
    const scaled = async (query: string) => (await t.app.inject({ url: `/api/recipes/${recipe.id}/scaled?${query}` })).json();
    const metric = await scaled('measure=weight&system=metric');
    const [flourLine, eggs, unknown] = metric.ingredients[0].lines;
    expect(metric.measure).toBe('weight');
    expect(flourLine.unit).toBe('g');
    expect(flourLine.quantity).toBeCloseTo(2 * 236.588 * (flour.densityGPerMl as number), 0);
    expect(flourLine.display).toMatch(/^\d+ g all-purpose flour$/);
    expect(eggs).toMatchObject({ unit: 'large', quantity: 3 });
    expect(unknown.unit).toBe('ml');
    const us = await scaled('measure=weight&system=us&servings=8');
    expect(us.ingredients[0].lines[0].unit).toBe('lb');
    const asWritten = await scaled('system=us');
    expect(asWritten.ingredients[0].lines[0]).toMatchObject({ unit: 'cup', quantity: 2 });
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/scaled?measure=grams` })).statusCode).toBe(400);
  });
});
