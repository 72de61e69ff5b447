import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';

let t: TestApp;
let author: TestUser;
let fan: TestUser;
let critic: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  await makeUser(t, { role: 'admin' });
  [author, fan, critic] = [await makeUser(t), await makeUser(t), await makeUser(t)];
});
afterAll(() => t.close());

describe('ratings and reviews', () => {
  it('one rating per user, editable, summarised; not on your own recipe', async () => {
    const recipe = await makeRecipe(author);
    const first = await fan.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 4, review: 'Lovely, a bit salty.' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ stars: 4, review: 'Lovely, a bit salty.', author: { id: fan.id } });
    await fan.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 5, review: 'Less salt: perfect.' } });
    await critic.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 2 } });
    const page = (await fan.inject({ url: `/api/recipes/${recipe.id}/ratings` })).json();
    expect(page.summary).toEqual({ count: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] });
    expect(page.mine).toMatchObject({ stars: 5, review: 'Less salt: perfect.' });
    expect(page.items.map((r: { author: { id: string } }) => r.author.id)).toEqual([critic.id, fan.id]);
    const own = await author.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 5 } });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('own_recipe');
    expect((await critic.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}/rating` })).statusCode).toBe(204);
    expect((await critic.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}/rating` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/ratings` })).json().summary.count).toBe(1);
  });

  it('pages reviews with a cursor', async () => {
    const recipe = await makeRecipe(author);
    const raters = [fan, critic, await makeUser(t)];
    for (const [i, rater] of raters.entries()) await rater.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: i + 1 } });
    const first = (await t.app.inject({ url: `/api/recipes/${recipe.id}/ratings?limit=2` })).json();
    expect(first.items).toHaveLength(2);
    const second = (await t.app.inject({ url: `/api/recipes/${recipe.id}/ratings?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('rejects bad input and strangers of a private recipe', async () => {
    const recipe = await makeRecipe(author);
    for (const payload of [{ stars: 0 }, { stars: 6 }, { stars: 3.5 }, {}, { stars: 3, review: 'x'.repeat(5001) }]) {
      const res = await fan.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload });
      expect(res.statusCode).toBe(400);
    }
    const secret = await makeRecipe(author, { visibility: 'private' });
    expect((await fan.inject({ method: 'PUT', url: `/api/recipes/${secret.id}/rating`, payload: { stars: 5 } })).statusCode).toBe(404);
    expect((await fan.inject({ url: `/api/recipes/${secret.id}/ratings` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 5 } })).statusCode).toBe(401);
  });
});

describe('favourites', () => {
  it('saves and unsaves, counts, and lists only what the user can still see', async () => {
    const soup = await makeRecipe(author, { content: { title: 'Soup to keep' } });
    const stew = await makeRecipe(author, { content: { title: 'Stew going private' } });
    expect((await fan.inject({ method: 'PUT', url: `/api/recipes/${soup.id}/favourite` })).json()).toEqual({ favourite: true, count: 1 });
    expect((await fan.inject({ method: 'PUT', url: `/api/recipes/${soup.id}/favourite` })).json()).toEqual({ favourite: true, count: 1 });
    await critic.inject({ method: 'PUT', url: `/api/recipes/${soup.id}/favourite` });
    await fan.inject({ method: 'PUT', url: `/api/recipes/${stew.id}/favourite` });
    expect((await t.app.inject({ url: `/api/recipes/${soup.id}/favourite` })).json()).toEqual({ favourite: false, count: 2 });
    await author.inject({ method: 'PATCH', url: `/api/recipes/${stew.id}/visibility`, payload: { visibility: 'private' } });
    const mine = (await fan.inject({ url: '/api/me/favourites' })).json().items.map((r: { title: string }) => r.title);
    expect(mine).toEqual(['Soup to keep']);
    expect((await fan.inject({ method: 'PUT', url: `/api/recipes/${stew.id}/favourite` })).statusCode).toBe(404);
    expect((await fan.inject({ method: 'DELETE', url: `/api/recipes/${soup.id}/favourite` })).json()).toEqual({ favourite: false, count: 1 });
    expect((await t.app.inject({ url: '/api/me/favourites' })).statusCode).toBe(401);
    expect((await fan.inject({ method: 'PUT', url: '/api/recipes/nope/favourite' })).statusCode).toBe(400);
  });
});

describe('I cooked this', () => {
  it('logs dates and notes per user; nobody else sees or deletes them', async () => {
    const recipe = await makeRecipe(author, { content: { title: 'Sunday roast' } });
    const entry = await fan.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn: '2026-11-22', note: 'Doubled the garlic' } });
    expect(entry.statusCode).toBe(201);
    expect(entry.json()).toMatchObject({ recipeTitle: 'Sunday roast', cookedOn: '2026-11-22', note: 'Doubled the garlic' });
    await fan.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn: '2026-11-24' } });
    const log = (await fan.inject({ url: `/api/me/cooked?recipeId=${recipe.id}` })).json().items;
    expect(log.map((e: { cookedOn: string }) => e.cookedOn)).toEqual(['2026-11-24', '2026-11-22']);
    expect((await critic.inject({ url: '/api/me/cooked' })).json().items).toEqual([]);
    expect((await critic.inject({ method: 'DELETE', url: `/api/me/cooked/${entry.json().id}` })).statusCode).toBe(404);
    const bad = await fan.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn: '22/11/2026' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cookedOn');
    await author.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/visibility`, payload: { visibility: 'private' } });
    const hidden = (await fan.inject({ url: '/api/me/cooked' })).json().items;
    expect(hidden[0].recipeTitle).toBe('A recipe you can no longer see');
    expect((await fan.inject({ method: 'DELETE', url: `/api/me/cooked/${entry.json().id}` })).statusCode).toBe(204);
  });
});
