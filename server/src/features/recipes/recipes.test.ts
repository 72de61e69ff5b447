import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { makeRecipe, recipeContent } from '../../../test/recipe-factories.js';

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

describe('creating and reading recipes', () => {
  it('creates version 1 and reads it back with its author', async () => {
    const created = await makeRecipe(cook, { changeNote: 'First try' });
    expect(created.version).toBe(1);
    const res = await t.app.inject({ url: `/api/recipes/${created.id}` });
    expect(res.statusCode).toBe(200);
    const recipe = res.json();
    expect(recipe).toMatchObject({ id: created.id, version: 1, visibility: 'public', author: { id: cook.id, username: cook.username } });
    expect(recipe.content.title).toBe('Weeknight tomato risotto');
    expect(recipe.content.ingredients[0].lines).toHaveLength(4);
    expect(recipe).toMatchObject({ images: [], rating: { count: 0, average: null, mine: null, favourite: false } });
  });

  it('rejects bad input with the fields named, and writes nothing', async () => {
    const before = (await t.platform.database.executeSql('select count(*)::int as n from recipes')).rows[0].n;
    const missingTitle = await cook.inject({ method: 'POST', url: '/api/recipes', payload: { content: { ...recipeContent(), title: '' } } });
    expect(missingTitle.statusCode).toBe(400);
    expect(missingTitle.json().errors.map((e: { field: string }) => e.field)).toContain('content.title');
    const negative = await cook.inject({ method: 'POST', url: '/api/recipes', payload: { content: recipeContent({ servings: { amount: -2, unit: 'people' } }) } });
    expect(negative.json().errors.map((e: { field: string }) => e.field)).toContain('content.servings.amount');
    const huge = await cook.inject({
      method: 'POST',
      url: '/api/recipes',
      payload: { content: recipeContent({ ingredients: [{ title: null, lines: Array.from({ length: 500 }, () => ({ text: 'x'.repeat(10_000) })) }] }) },
    });
    expect([400, 413]).toContain(huge.statusCode);
    const after = (await t.platform.database.executeSql('select count(*)::int as n from recipes')).rows[0].n;
    expect(after).toBe(before);
  });

  it('needs a login to create', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/recipes', payload: { content: recipeContent() } });
    expect(res.statusCode).toBe(401);
  });
});

describe('privacy', () => {
  it('a stranger cannot read a private recipe, its versions or its diff by id; the owner can', async () => {
    const secret = await makeRecipe(cook, { visibility: 'private' });
    for (const url of [`/api/recipes/${secret.id}`, `/api/recipes/${secret.id}/versions`, `/api/recipes/${secret.id}/versions/1`, `/api/recipes/${secret.id}/diff?from=1&to=1`]) {
      expect((await stranger.inject({ url })).statusCode).toBe(404);
      expect((await t.app.inject({ url })).statusCode).toBe(404);
      expect((await cook.inject({ url })).statusCode).toBe(200);
    }
    const list = (await stranger.inject({ url: `/api/recipes?author=${cook.username}` })).json().items.map((r: { id: string }) => r.id);
    expect(list).not.toContain(secret.id);
    const mine = (await cook.inject({ url: '/api/recipes?mine=true' })).json().items.map((r: { id: string }) => r.id);
    expect(mine).toContain(secret.id);
  });

  it('followers-only recipes show to their owner and accepted followers, not to strangers or anonymous readers', async () => {
    const followersOnly = await makeRecipe(cook, { visibility: 'followers' });
    const follower = await makeUser(t);
    expect((await follower.inject({ method: 'PUT', url: `/api/me/following/${cook.username}` })).json()).toEqual({ follow: 'following' });
    for (const url of [`/api/recipes/${followersOnly.id}`, `/api/recipes/${followersOnly.id}/versions`]) {
      expect((await stranger.inject({ url })).statusCode).toBe(404);
      expect((await t.app.inject({ url })).statusCode).toBe(404);
      expect((await follower.inject({ url })).statusCode).toBe(200);
      expect((await cook.inject({ url })).statusCode).toBe(200);
    }
    const listed = async (viewer: TestUser) => (await viewer.inject({ url: `/api/recipes?author=${cook.username}` })).json().items.map((r: { id: string }) => r.id);
    expect(await listed(follower)).toContain(followersOnly.id);
    expect(await listed(stranger)).not.toContain(followersOnly.id);
    // A follower is not an author: reading does not let them write.
    expect((await follower.inject({ method: 'PATCH', url: `/api/recipes/${followersOnly.id}/visibility`, payload: { visibility: 'public' } })).statusCode).toBe(403);
  });

  it('a stranger cannot edit, hide, restore or delete someone else’s recipe', async () => {
    const open = await makeRecipe(cook);
    const hidden = await makeRecipe(cook, { visibility: 'private' });
    const edit = await stranger.inject({ method: 'PUT', url: `/api/recipes/${open.id}`, payload: { content: recipeContent({ title: 'Mine now' }), baseVersion: 1 } });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().code).toBe('not_author');
    expect((await stranger.inject({ method: 'PUT', url: `/api/recipes/${hidden.id}`, payload: { content: recipeContent(), baseVersion: 1 } })).statusCode).toBe(404);
    expect((await stranger.inject({ method: 'PATCH', url: `/api/recipes/${open.id}/visibility`, payload: { visibility: 'private' } })).statusCode).toBe(403);
    expect((await stranger.inject({ method: 'POST', url: `/api/recipes/${open.id}/restore`, payload: { version: 1 } })).statusCode).toBe(403);
    expect((await stranger.inject({ method: 'DELETE', url: `/api/recipes/${open.id}` })).statusCode).toBe(403);
    expect((await stranger.inject({ method: 'DELETE', url: `/api/recipes/${hidden.id}` })).statusCode).toBe(404);
    const still = (await t.app.inject({ url: `/api/recipes/${open.id}` })).json();
    expect(still).toMatchObject({ version: 1, visibility: 'public', content: { title: 'Weeknight tomato risotto' } });
  });
});

describe('versions', () => {
  it('every save is a new immutable version; history, stable links, diff and restore', async () => {
    const recipe = await makeRecipe(cook);
    const v2 = await cook.inject({
      method: 'PUT',
      url: `/api/recipes/${recipe.id}`,
      payload: {
        baseVersion: 1,
        changeNote: 'More stock, parmesan',
        content: recipeContent({
          title: 'Tomato risotto with parmesan',
          ingredients: [{ title: null, lines: [{ text: '300 g arborio rice' }, { text: '1 onion, finely chopped' }, { text: '1.2 l vegetable stock, hot' }, { text: '50 g parmesan, grated' }, { text: 'salt to taste' }] }],
        }),
      },
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json().version).toBe(2);

    const stale = await cook.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}`, payload: { baseVersion: 1, content: recipeContent({ title: 'Lost update' }) } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const history = (await t.app.inject({ url: `/api/recipes/${recipe.id}/versions` })).json().items;
    expect(history.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ changeNote: 'More stock, parmesan', author: { id: cook.id } });

    const v1 = (await t.app.inject({ url: `/api/recipes/${recipe.id}/versions/1` })).json();
    expect(v1.content.title).toBe('Weeknight tomato risotto');

    const diff = (await t.app.inject({ url: `/api/recipes/${recipe.id}/diff?from=1&to=2` })).json();
    expect(diff.metadata).toEqual([{ field: 'title', before: 'Weeknight tomato risotto', after: 'Tomato risotto with parmesan' }]);
    expect(diff.ingredients).toEqual([
      { kind: 'unchanged', before: '300 g arborio rice', after: '300 g arborio rice' },
      { kind: 'unchanged', before: '1 onion, finely chopped', after: '1 onion, finely chopped' },
      { kind: 'changed', before: '1 l vegetable stock, hot', after: '1.2 l vegetable stock, hot' },
      { kind: 'added', before: null, after: '50 g parmesan, grated' },
      { kind: 'unchanged', before: 'salt to taste', after: 'salt to taste' },
    ]);
    expect(diff.steps.every((s: { kind: string }) => s.kind === 'unchanged')).toBe(true);

    const restored = await cook.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/restore`, payload: { version: 1 } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ version: 3, content: { title: 'Weeknight tomato risotto' } });
    const after = (await t.app.inject({ url: `/api/recipes/${recipe.id}/versions` })).json().items;
    expect(after[0]).toMatchObject({ number: 3, restoredFrom: 1, changeNote: 'Restored version 1' });
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/versions/2` })).json().content.title).toBe('Tomato risotto with parmesan');
  });

  it('answers unknown versions and bad parameters clearly', async () => {
    const recipe = await makeRecipe(cook);
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/versions/9` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/versions/zero` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/diff?from=1` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/recipes/not-a-uuid' })).statusCode).toBe(400);
    expect((await cook.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/restore`, payload: { version: 7 } })).statusCode).toBe(404);
  });
});

describe('visibility and deletion', () => {
  it('the owner changes visibility (audited) and deletes; a deleted recipe is gone with its versions', async () => {
    const recipe = await makeRecipe(cook);
    const hide = await cook.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/visibility`, payload: { visibility: 'private' } });
    expect(hide.json().visibility).toBe('private');
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}` })).statusCode).toBe(404);
    expect((await cook.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/visibility`, payload: { visibility: 'everyone' } })).statusCode).toBe(400);
    expect((await cook.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}` })).statusCode).toBe(204);
    expect((await cook.inject({ url: `/api/recipes/${recipe.id}` })).statusCode).toBe(404);
    const { rows } = await t.platform.database.executeSql('select count(*)::int as n from recipe_versions where recipe_id = $1', [recipe.id]);
    expect(rows[0].n).toBe(0);
  });
});

describe('listing', () => {
  it('pages newest first with an opaque cursor and refuses a forged one', async () => {
    const author = await makeUser(t);
    for (let i = 0; i < 5; i++) await makeRecipe(author, { content: { title: `Soup ${i}` } });
    const first = (await t.app.inject({ url: `/api/recipes?author=${author.username}&limit=2` })).json();
    expect(first.items.map((r: { title: string }) => r.title)).toEqual(['Soup 4', 'Soup 3']);
    const second = (await t.app.inject({ url: `/api/recipes?author=${author.username}&limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items.map((r: { title: string }) => r.title)).toEqual(['Soup 2', 'Soup 1']);
    const third = (await t.app.inject({ url: `/api/recipes?author=${author.username}&limit=2&cursor=${second.nextCursor}` })).json();
    expect(third).toMatchObject({ items: [{ title: 'Soup 0' }], nextCursor: null });
    expect((await t.app.inject({ url: '/api/recipes?cursor=bm9wZQ' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/recipes?mine=true' })).statusCode).toBe(401);
  });
});
