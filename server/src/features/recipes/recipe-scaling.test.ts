import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';

let t: TestApp;
let cook: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  await makeUser(t, { role: 'admin' });
  cook = await makeUser(t);
});
afterAll(() => t.close());

const lines = (scaled: { ingredients: { lines: { display: string }[] }[] }) => scaled.ingredients.flatMap((s) => s.lines.map((l) => l.display));

describe('saved ingredient lines keep their parsed parts', () => {
  it('fills quantity, unit, name and preparation from the text; the author’s own parts win', async () => {
    const recipe = await makeRecipe(cook, {
      content: { ingredients: [{ title: null, lines: [{ text: '1 1/2 cups flour, sifted' }, { text: '2 pinches of magic', quantity: 3, unit: 'pinch', name: 'magic dust' }] }] },
    });
    const [flour, magic] = recipe.content.ingredients[0]!.lines;
    expect(flour).toMatchObject({ text: '1 1/2 cups flour, sifted', quantity: 1.5, unit: 'cup', name: 'flour', preparation: 'sifted' });
    expect(magic).toMatchObject({ quantity: 3, unit: 'pinch', name: 'magic dust' });
  });
});

describe('GET /api/recipes/:id/scaled', () => {
  it('scales amounts and ranges to other servings; "to taste" stays as written', async () => {
    const recipe = await makeRecipe(cook, {
      content: {
        servings: { amount: 4, unit: 'people' },
        ingredients: [{ title: 'Risotto', lines: [{ text: '300 g arborio rice' }, { text: '2-3 cloves garlic, minced' }, { text: '1 1/2 cups stock' }, { text: 'salt to taste' }] }],
      },
    });
    const same = (await t.app.inject({ url: `/api/recipes/${recipe.id}/scaled` })).json();
    expect(same.factor).toBe(1);
    expect(lines(same)).toEqual(['300 g arborio rice', '2-3 cloves garlic, minced', '1 1/2 cups stock', 'salt to taste']);

    const six = (await t.app.inject({ url: `/api/recipes/${recipe.id}/scaled?servings=6` })).json();
    expect(six).toMatchObject({ factor: 1.5, servings: { amount: 6, unit: 'people' } });
    expect(lines(six)).toEqual(['450 g arborio rice', '3–4 1/2 cloves garlic, minced', '2 1/4 cups stock', 'salt to taste']);
    expect(six.ingredients[0].lines[3]).toMatchObject({ scaled: false, quantity: null });
  });

  it('converts to metric or US units', async () => {
    const recipe = await makeRecipe(cook, { content: { ingredients: [{ title: null, lines: [{ text: '1 cup milk' }, { text: '454 g butter' }, { text: '2 eggs' }] }] } });
    const metric = lines((await t.app.inject({ url: `/api/recipes/${recipe.id}/scaled?system=metric` })).json());
    expect(metric[0]).toMatch(/^23\d ml milk$/);
    expect(metric.slice(1)).toEqual(['454 g butter', '2 eggs']);
    const us = lines((await t.app.inject({ url: `/api/recipes/${recipe.id}/scaled?system=us` })).json());
    expect(us[0]).toBe('1 cup milk');
    expect(us[1]).toBe('1 lb butter');
  });

  it('rejects bad input and hides private recipes', async () => {
    const recipe = await makeRecipe(cook, { visibility: 'private' });
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/scaled` })).statusCode).toBe(404);
    expect((await cook.inject({ url: `/api/recipes/${recipe.id}/scaled?servings=0` })).statusCode).toBe(400);
    expect((await cook.inject({ url: `/api/recipes/${recipe.id}/scaled?system=imperial` })).statusCode).toBe(400);
    expect((await cook.inject({ url: `/api/recipes/${recipe.id}/scaled?servings=2` })).statusCode).toBe(200);
  });
});
