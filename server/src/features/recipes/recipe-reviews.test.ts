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

  it('counts only active accounts: the rating and favourite of a deleted account leave the summary and counts', async () => {
    const recipe = await makeRecipe(author);
    const [stays, leaving] = [await makeUser(t), await makeUser(t)];
    await stays.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 2 } });
    await leaving.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 5, review: 'Gone soon.' } });
    await leaving.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/favourite` });
    await stays.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/favourite` });
    const before = (await t.app.inject({ url: `/api/recipes/${recipe.id}/ratings` })).json();
    expect(before.summary).toEqual({ count: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] });
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/favourite` })).json().count).toBe(2);

    expect((await leaving.inject({ method: 'DELETE', url: '/api/me', payload: { password: leaving.password } })).statusCode).toBe(204);
    const after = (await t.app.inject({ url: `/api/recipes/${recipe.id}/ratings` })).json();
    expect(after.summary).toEqual({ count: 1, average: 2, distribution: [0, 1, 0, 0, 0] });
    expect(after.items.map((r: { author: { id: string } }) => r.author.id)).toEqual([stays.id]);
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}/favourite` })).json()).toEqual({ favourite: false, count: 1 });
    expect((await stays.inject({ url: `/api/recipes/${recipe.id}/favourite` })).json()).toEqual({ favourite: true, count: 1 });
    // The schema.org export shares the same summary.
    const jsonLd = (await t.app.inject({ url: `/api/recipes/${recipe.id}/jsonld` })).json();
    expect(jsonLd.aggregateRating).toMatchObject({ ratingValue: 2, ratingCount: 1 });
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
    expect(entry.json()).toMatchObject({ recipeTitle: 'Sunday roast', recipeVisible: true, cookedOn: '2026-11-22', note: 'Doubled the garlic' });
    await fan.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn: '2026-11-24' } });
    const log = (await fan.inject({ url: `/api/me/cooked?recipeId=${recipe.id}` })).json();
    expect(log.items.map((e: { cookedOn: string }) => e.cookedOn)).toEqual(['2026-11-24', '2026-11-22']);
    expect(log).toMatchObject({ total: 2, nextCursor: null });
    expect((await critic.inject({ url: '/api/me/cooked' })).json()).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await critic.inject({ method: 'DELETE', url: `/api/me/cooked/${entry.json().id}` })).statusCode).toBe(404);
    const bad = await fan.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn: '22/11/2026' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('cookedOn');
    expect((await author.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/visibility`, payload: { visibility: 'private' } })).statusCode).toBe(200);
    const hidden = (await fan.inject({ url: `/api/me/cooked?recipeId=${recipe.id}` })).json().items;
    expect(hidden).toHaveLength(2);
    for (const e of hidden) expect(e).toMatchObject({ recipeId: recipe.id, recipeTitle: null, recipeVisible: false });
    expect(JSON.stringify(hidden)).not.toContain('Sunday roast');
    expect((await fan.inject({ method: 'DELETE', url: `/api/me/cooked/${entry.json().id}` })).statusCode).toBe(204);
    // The author still sees their own private recipe by name in their log.
    await author.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn: '2026-11-25' } });
    expect((await author.inject({ url: `/api/me/cooked?recipeId=${recipe.id}` })).json().items[0]).toMatchObject({ recipeTitle: 'Sunday roast', recipeVisible: true });
  });
});

type Page<T> = { items: T[]; nextCursor: string | null };

/** Walks a list `limit` at a time; `between` runs before every request after the first. */
async function walk<T>(user: TestUser, url: string, limit: number, between?: (pageNumber: number) => Promise<void>): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | null = null;
  for (let pageNumber = 1; pageNumber < 100; pageNumber += 1) {
    if (pageNumber > 1) await between?.(pageNumber);
    const separator = url.includes('?') ? '&' : '?';
    const res = await user.inject({ url: `${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as Page<T>;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('the list never ended');
}

describe('paging my favourites and my cooking log', () => {
  it('walks favourites newest favourite first, without duplicates or gaps while favourites are added', async () => {
    const cook = await makeUser(t);
    const recipes = [];
    for (let i = 0; i < 5; i += 1) recipes.push(await makeRecipe(author, { content: { title: `Favourite ${i}` } }));
    for (const recipe of recipes) await cook.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/favourite` });
    // Two favourites within the same millisecond, and one sharing another's instant exactly: the cursor keeps microseconds and breaks ties by recipe.
    const setTime = (recipeId: string, at: string) =>
      t.platform.database.executeSql('update recipe_favourites set created_at = $1 where user_id = $2 and recipe_id = $3', [at, cook.id, recipeId]);
    await setTime(recipes[1]!.id, '2026-03-01T10:00:00.123456Z');
    await setTime(recipes[2]!.id, '2026-03-01T10:00:00.123400Z');
    await setTime(recipes[3]!.id, '2026-03-01T10:00:00.123400Z');
    const expected = (await cook.inject({ url: '/api/me/favourites?limit=100' })).json().items.map((r: { id: string }) => r.id);
    expect(expected).toHaveLength(5);
    expect(new Set(expected)).toEqual(new Set(recipes.map((r) => r.id)));
    expect(expected.slice(0, 2)).toEqual([recipes[4]!.id, recipes[0]!.id]);

    const added: string[] = [];
    const walked = await walk<{ id: string }>(cook, '/api/me/favourites', 2, async () => {
      const extra = await makeRecipe(author, { content: { title: 'Added while paging' } });
      await cook.inject({ method: 'PUT', url: `/api/recipes/${extra.id}/favourite` });
      added.push(extra.id);
    });
    expect(walked.map((r) => r.id)).toEqual(expected);
    const now = [...added].reverse().concat(expected);
    for (const limit of [1, 3]) expect((await walk<{ id: string }>(cook, '/api/me/favourites', limit)).map((r) => r.id)).toEqual(now);
  });

  it('walks the cooking log by day, then entry, without duplicates or gaps while entries are added; keeps the recipe filter', async () => {
    const cook = await makeUser(t);
    const [soup, bread] = [await makeRecipe(author, { content: { title: 'Paged soup' } }), await makeRecipe(author, { content: { title: 'Paged bread' } })];
    const days = ['2026-01-05', '2026-01-07', '2026-01-07', '2026-01-07', '2026-01-03', '2026-01-09', '2026-01-07'];
    for (const [i, cookedOn] of days.entries()) {
      const recipe = i % 2 ? bread : soup;
      expect((await cook.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn } })).statusCode).toBe(201);
    }
    type Entry = { id: string; recipeId: string; cookedOn: string; createdAt: string };
    const before = (await cook.inject({ url: '/api/me/cooked?limit=100' })).json() as Page<Entry> & { total: number };
    expect(before.total).toBe(7);
    expect(before.items.map((e) => e.cookedOn)).toEqual(['2026-01-09', '2026-01-07', '2026-01-07', '2026-01-07', '2026-01-07', '2026-01-05', '2026-01-03']);
    expect((await cook.inject({ url: '/api/me/cooked' })).json().items).toHaveLength(7);

    // An entry lands between pages: one on a day already passed, one on a day still ahead.
    const inserted: Entry[] = [];
    const walked = await walk<Entry>(cook, '/api/me/cooked', 2, async (pageNumber) => {
      if (pageNumber > 3) return;
      const cookedOn = pageNumber === 2 ? '2026-01-08' : '2026-01-04';
      inserted.push((await cook.inject({ method: 'POST', url: `/api/recipes/${soup.id}/cooked`, payload: { cookedOn } })).json());
    });
    const ids = walked.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of before.items) expect(ids).toContain(entry.id);
    expect(ids).not.toContain(inserted[0]!.id);
    expect(ids).toContain(inserted[1]!.id);
    const sortKey = (e: Entry) => `${e.cookedOn}|${e.createdAt}|${e.id}`;
    expect(walked.map(sortKey)).toEqual(walked.map(sortKey).sort().reverse());

    const breadOnly = await walk<Entry>(cook, `/api/me/cooked?recipeId=${bread.id}`, 2);
    expect(breadOnly.map((e) => e.id)).toEqual(before.items.filter((e) => e.recipeId === bread.id).map((e) => e.id));
    const firstBread = (await cook.inject({ url: `/api/me/cooked?recipeId=${bread.id}&limit=1` })).json();
    expect(firstBread).toMatchObject({ total: 3, items: [{ cookedOn: '2026-01-09' }] });
    expect(firstBread.nextCursor).toEqual(expect.any(String));
  });

  it('refuses a bad cursor or limit naming the field; 401 anonymous', async () => {
    const cook = await makeUser(t);
    for (const recipe of [await makeRecipe(author), await makeRecipe(author)]) {
      await cook.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/favourite` });
      await cook.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn: '2026-02-01' } });
    }
    const favouritesCursor = (await cook.inject({ url: '/api/me/favourites?limit=1' })).json().nextCursor;
    const cookedCursor = (await cook.inject({ url: '/api/me/cooked?limit=1' })).json().nextCursor;
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';
    const bad: [string, string][] = [
      ['/api/me/favourites', 'not-a-cursor'],
      ['/api/me/favourites', cookedCursor],
      ['/api/me/cooked', favouritesCursor],
      ['/api/me/cooked', forged(`cooked|2026-02-31|2026-01-01T00:00:00.000000Z|${uuid}`)],
      ['/api/me/cooked', forged(`cooked|2026-02-01|2026-01-01T00:00:00Z|${uuid}`)],
      ['/api/me/cooked', forged(`cooked|2026-02-01|2026-01-01T00:00:00.000000Z|x' or 1=1`)],
      ['/api/me/favourites', forged(`favourites|2026-13-01T00:00:00.000000Z|${uuid}`)],
      ['/api/me/favourites', 'x'.repeat(201)],
    ];
    for (const [url, cursor] of bad) {
      const res = await cook.inject({ url: `${url}?cursor=${encodeURIComponent(cursor)}` });
      expect(res.statusCode, `${url} ${cursor}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'cursor' }] });
    }
    for (const url of ['/api/me/favourites', '/api/me/cooked']) {
      for (const limit of ['0', '101', 'ten']) {
        const res = await cook.inject({ url: `${url}?limit=${limit}` });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('limit');
      }
      expect((await t.app.inject({ url })).statusCode).toBe(401);
      expect((await t.app.inject({ url: `${url}?limit=1&cursor=${url.endsWith('cooked') ? cookedCursor : favouritesCursor}` })).statusCode).toBe(401);
    }
    expect((await cook.inject({ url: '/api/me/cooked?recipeId=nope' })).json().errors[0].field).toBe('recipeId');
  });

  it('answers only my own rows, whatever cursor or recipe is asked for', async () => {
    const [mine, theirs] = [await makeUser(t), await makeUser(t)];
    const recipe = await makeRecipe(author, { content: { title: 'Shared dish' } });
    const own = await makeRecipe(theirs, { content: { title: 'Their own dish' } });
    for (const cookedOn of ['2026-04-01', '2026-04-02', '2026-04-03']) await mine.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/cooked`, payload: { cookedOn } });
    await mine.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/favourite` });
    await theirs.inject({ method: 'PUT', url: `/api/recipes/${own.id}/favourite` });
    await theirs.inject({ method: 'POST', url: `/api/recipes/${own.id}/cooked`, payload: { cookedOn: '2026-03-01' } });

    const myCursor = (await mine.inject({ url: '/api/me/cooked?limit=1' })).json().nextCursor;
    const theirLog = (await theirs.inject({ url: `/api/me/cooked?cursor=${myCursor}` })).json();
    expect(theirLog).toMatchObject({ total: 1, items: [{ recipeId: own.id, recipeTitle: 'Their own dish' }] });
    expect((await theirs.inject({ url: `/api/me/cooked?recipeId=${recipe.id}` })).json()).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await theirs.inject({ url: '/api/me/favourites' })).json().items.map((r: { id: string }) => r.id)).toEqual([own.id]);
    expect((await mine.inject({ url: '/api/me/favourites' })).json().items.map((r: { id: string }) => r.id)).toEqual([recipe.id]);
    expect((await mine.inject({ url: '/api/me/cooked' })).json().total).toBe(3);
  });
});
