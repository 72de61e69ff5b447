import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { imageForm, makeImage } from '../../../test/image-factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';
import { catchUpSearchIndex, createSearchIndex, recipeIndexUpdater, reindexAllRecipes } from './index.js';

let t: TestApp;
let cook: TestUser;
let stranger: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  cook = await makeUser(t);
  stranger = await makeUser(t);
});
afterAll(() => t.close());

const sqlRows = async (text: string, values: unknown[] = []) => (await t.platform.database.executeSql(text, values)).rows;
const indexed = async (id: string) => (await sqlRows('select title, visibility, rating_count, rating_average, has_photo, cover_url from search_recipes where recipe_id = $1', [id]))[0];
const termCount = async (kind: string, term: string) =>
  (await sqlRows('select recipes, public_recipes from search_terms where kind = $1 and term = $2', [kind, term]))[0] ?? null;
const found = async (q: string, as?: TestUser) => {
  const url = `/api/search/recipes?q=${encodeURIComponent(q)}`;
  const res = await (as ? as.inject({ url }) : t.app.inject({ url }));
  expect(res.statusCode).toBe(200);
  return res.json().items.map((item: { id: string }) => item.id) as string[];
};

describe('the index follows every write, in the same transaction', () => {
  it('create, edit, restore and delete', async () => {
    const recipe = await makeRecipe(cook, { content: { title: 'Quince Tarte Tatin', tags: ['Autumnal'] } });
    expect(await found('quince')).toEqual([recipe.id]);
    expect(await termCount('tag', 'autumnal')).toEqual({ recipes: 1, public_recipes: 1 });

    const edit = await cook.inject({
      method: 'PUT',
      url: `/api/recipes/${recipe.id}`,
      payload: { baseVersion: 1, content: { ...recipe.content, title: 'Medlar Tarte Tatin', tags: ['Wintry'] } },
    });
    expect(edit.statusCode).toBe(200);
    expect(await found('quince')).toEqual([]);
    expect(await found('medlar')).toEqual([recipe.id]);
    expect(await termCount('tag', 'autumnal')).toBeNull();
    expect(await termCount('tag', 'wintry')).toEqual({ recipes: 1, public_recipes: 1 });

    const restore = await cook.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/restore`, payload: { version: 1 } });
    expect(restore.statusCode, restore.body).toBe(200);
    expect(await found('quince')).toEqual([recipe.id]);

    expect((await cook.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}` })).statusCode).toBe(204);
    expect(await indexed(recipe.id)).toBeUndefined();
    expect(await found('quince')).toEqual([]);
    expect(await termCount('tag', 'autumnal')).toBeNull();
  });

  it('visibility: hidden from others at once, counted for the owner only', async () => {
    const recipe = await makeRecipe(cook, { content: { title: 'Sorrel Soup', tags: ['Sorrelish'] } });
    const hide = await cook.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/visibility`, payload: { visibility: 'private' } });
    expect(hide.statusCode).toBe(200);
    expect(await found('sorrel', stranger)).toEqual([]);
    expect(await found('sorrel', cook)).toEqual([recipe.id]);
    expect(await termCount('tag', 'sorrelish')).toEqual({ recipes: 1, public_recipes: 0 });
    await cook.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/visibility`, payload: { visibility: 'public' } });
    expect(await found('sorrel', stranger)).toEqual([recipe.id]);
    expect(await termCount('tag', 'sorrelish')).toEqual({ recipes: 1, public_recipes: 1 });
  });

  it('ratings, counted over active accounts', async () => {
    const recipe = await makeRecipe(cook, { content: { title: 'Damson Jam' } });
    const rater = await makeUser(t);
    await stranger.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 5 } });
    await rater.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 2 } });
    expect(await indexed(recipe.id)).toMatchObject({ rating_count: 2, rating_average: 3.5 });
    const rated = await t.app.inject({ url: '/api/search/recipes?q=damson&minRating=3.5' });
    expect(rated.json().items.map((item: { rating: unknown }) => item.rating)).toEqual([{ average: 3.5, count: 2 }]);
    expect((await rater.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}/rating` })).statusCode).toBe(204);
    expect(await indexed(recipe.id)).toMatchObject({ rating_count: 1, rating_average: 5 });
  });

  it('photos: added, made cover, removed', async () => {
    const recipe = await makeRecipe(cook, { content: { title: 'Rhubarb Crumble' } });
    expect(await indexed(recipe.id)).toMatchObject({ has_photo: false, cover_url: null });
    const upload = async () => {
      const res = await cook.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/images`, payload: imageForm(await makeImage('jpeg', { width: 400, height: 300 })) });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const first = await upload();
    const second = await upload();
    expect(await indexed(recipe.id)).toMatchObject({ has_photo: true, cover_url: `/api/images/${first}/320.webp` });
    await cook.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/images/${second}`, payload: { isCover: true } });
    expect((await indexed(recipe.id)).cover_url).toBe(`/api/images/${second}/320.webp`);
    const withPhoto = await t.app.inject({ url: '/api/search/recipes?q=rhubarb&hasPhoto=true' });
    expect(withPhoto.json().items[0].coverUrl).toBe(`/api/images/${second}/320.webp`);
    for (const id of [second, first]) expect((await cook.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}/images/${id}` })).statusCode).toBe(204);
    expect(await indexed(recipe.id)).toMatchObject({ has_photo: false, cover_url: null });
  });

  it('imports', async () => {
    const res = await cook.inject({
      method: 'POST',
      url: '/api/recipes/import',
      payload: { visibility: 'public', jsonLd: { '@type': 'Recipe', name: 'Imported Kedgeree', recipeIngredient: ['300 g smoked haddock', '200 g basmati rice'], recipeInstructions: ['Cook.'] } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await found('kedgeree')).toEqual([res.json().id]);
  });

  it('a write that rolls back leaves the index as it was', async () => {
    const recipe = await makeRecipe(cook, { content: { title: 'Greengage Fool' } });
    const update = recipeIndexUpdater(createSearchIndex(t.platform.database.db));
    await expect(
      t.platform.database.db.transaction(async (tx) => {
        await tx.execute(sql`update recipes set visibility = 'private' where id = ${recipe.id}`);
        await update(tx, recipe.id);
        const inside = (await tx.execute(sql`select visibility from search_recipes where recipe_id = ${recipe.id}`)) as unknown as { rows: { visibility: string }[] };
        expect(inside.rows[0]?.visibility).toBe('private');
        throw new Error('the write fails after the index was updated');
      }),
    ).rejects.toThrow('the write fails');
    expect(await indexed(recipe.id)).toMatchObject({ visibility: 'public' });
    expect(await found('greengage', stranger)).toEqual([recipe.id]);
  });
});

describe('filling the index', () => {
  it('the boot-time catch-up indexes recipes missing from the index and drops rows whose recipe is gone', async () => {
    const recipe = await makeRecipe(cook, { content: { title: 'Loganberry Sorbet' } });
    const before = await sqlRows('select kind, term, recipes, public_recipes from search_terms order by kind, term');
    // As in a database from before the index: the recipe is not in it.
    const index = createSearchIndex(t.platform.database.db);
    await t.platform.database.db.transaction((tx) => index.remove(tx, recipe.id));
    expect(await found('loganberry')).toEqual([]);
    expect(await catchUpSearchIndex(t.platform.database.db, index, { batch: 3 })).toEqual({ indexed: 1, removed: 0 });
    expect(await found('loganberry')).toEqual([recipe.id]);
    // A row whose recipe went without the index knowing (a restore from an older backup of the recipes).
    await sqlRows(
      `insert into search_recipes (recipe_id, owner_id, visibility, title, title_key, title_vector, document, summary, ingredients, ingredient_keys, tags,
        diets, rating_count, quality, has_photo, created_at, updated_at)
       values ('00000000-0000-4000-8000-000000000001', $1, 'public', 'Ghost', 'ghost', to_tsvector('ghost'), to_tsvector('ghost'), '', '{}', '{}', '{}', '{}', 0, 3.5, false, now(), now())`,
      [cook.id],
    );
    expect(await found('ghost')).toHaveLength(1);
    expect(await catchUpSearchIndex(t.platform.database.db, index, { batch: 3 })).toEqual({ indexed: 0, removed: 1 });
    expect(await found('ghost')).toEqual([]);
    expect(await sqlRows('select kind, term, recipes, public_recipes from search_terms order by kind, term')).toEqual(before);
    expect(await catchUpSearchIndex(t.platform.database.db, index)).toEqual({ indexed: 0, removed: 0 });
  });

  it('a full reindex finds the vocabulary the writes maintained', async () => {
    const before = await sqlRows('select kind, term, label, recipes, public_recipes from search_terms order by kind, term');
    const result = await reindexAllRecipes(t.platform.database.db, createSearchIndex(t.platform.database.db), { batch: 4 });
    const recipes = (await sqlRows('select count(*)::int as n from recipes'))[0].n;
    expect(result).toEqual({ indexed: recipes, removed: 0 });
    expect(await sqlRows('select kind, term, label, recipes, public_recipes from search_terms order by kind, term')).toEqual(before);
  });
});
