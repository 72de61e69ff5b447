import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { imageForm, makeImage } from '../../../test/image-factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';

/** GET /api/recipes/:id answers the whole recipe: content, images and rating summary, in a constant number of queries. */

let t: TestApp;
let cook: TestUser;
let stranger: TestUser;
let fans: TestUser[];
let picture: Buffer;
beforeAll(async () => {
  t = await buildTestApp();
  cook = await makeUser(t);
  stranger = await makeUser(t);
  fans = [];
  for (let i = 0; i < 5; i++) fans.push(await makeUser(t));
  picture = await makeImage('jpeg', { width: 480, height: 320 });
});
afterAll(() => t.close());

interface ImageView {
  id: string;
  position: number;
  isCover: boolean;
  alt: string | null;
  variants: { width: number; url: string }[];
}

async function upload(recipeId: string, alt?: string): Promise<ImageView> {
  const res = await cook.inject({ method: 'POST', url: `/api/recipes/${recipeId}/images`, payload: imageForm(picture, { alt }) });
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function rate(user: TestUser, recipeId: string, stars: number): Promise<void> {
  const res = await user.inject({ method: 'PUT', url: `/api/recipes/${recipeId}/rating`, payload: { stars } });
  expect(res.statusCode).toBe(200);
}

/** The statements the app sends while `run` runs (pg-boss's own polling left out). */
async function queriesDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = t.platform.database.onQuery((text) => {
    if (!/\bpgboss\./.test(text)) seen.push(text);
  });
  try {
    await run();
  } finally {
    stop();
  }
  return seen;
}

describe('GET /api/recipes/:id: the whole recipe in one answer', () => {
  it('includes the images (cover first, then in order, with the variant URLs the image routes serve) and the rating summary', async () => {
    const recipe = await makeRecipe(cook);
    const first = await upload(recipe.id, 'The pot');
    const second = await upload(recipe.id, 'Plated');
    const third = await upload(recipe.id);
    expect((await cook.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/images/${second.id}`, payload: { isCover: true } })).statusCode).toBe(200);
    await rate(fans[0]!, recipe.id, 5);
    await rate(fans[1]!, recipe.id, 4);
    await rate(fans[2]!, recipe.id, 4);
    expect((await fans[0]!.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/favourite` })).statusCode).toBe(200);

    const anonymous = await t.app.inject({ url: `/api/recipes/${recipe.id}` });
    expect(anonymous.statusCode).toBe(200);
    const body = anonymous.json();
    expect(body.content.title).toBe('Weeknight tomato risotto');
    expect(body.images.map((image: ImageView) => [image.id, image.isCover, image.alt])).toEqual([
      [second.id, true, 'Plated'],
      [first.id, false, 'The pot'],
      [third.id, false, null],
    ]);
    // The same images, in the same shape, as the images route lists them (which keeps position order).
    const listed = (await t.app.inject({ url: `/api/recipes/${recipe.id}/images` })).json().items as ImageView[];
    expect(body.images).toEqual([listed[1], listed[0], listed[2]]);
    const variant = body.images[0].variants[0];
    expect(variant.url).toBe(`/api/images/${second.id}/${variant.width}.webp`);
    expect((await t.app.inject({ url: variant.url })).statusCode).toBe(200);
    expect(body.rating).toEqual({ count: 3, average: 4.33, mine: null, favourite: false });

    expect((await fans[0]!.inject({ url: `/api/recipes/${recipe.id}` })).json().rating).toEqual({ count: 3, average: 4.33, mine: 5, favourite: true });
    expect((await fans[1]!.inject({ url: `/api/recipes/${recipe.id}` })).json().rating).toEqual({ count: 3, average: 4.33, mine: 4, favourite: false });
    expect((await stranger.inject({ url: `/api/recipes/${recipe.id}` })).json().rating).toEqual({ count: 3, average: 4.33, mine: null, favourite: false });
  });

  it('a recipe without images or ratings answers empty ones; writes answer the whole recipe too', async () => {
    const created = await cook.inject({ method: 'POST', url: '/api/recipes', payload: { visibility: 'public', content: (await makeRecipe(cook)).content } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ images: [], rating: { count: 0, average: null, mine: null, favourite: false } });
    const id = created.json().id as string;
    const image = await upload(id);
    await rate(fans[3]!, id, 2);
    const hidden = await cook.inject({ method: 'PATCH', url: `/api/recipes/${id}/visibility`, payload: { visibility: 'private' } });
    expect(hidden.json()).toMatchObject({ visibility: 'private', images: [{ id: image.id, isCover: true }], rating: { count: 1, average: 2 } });
  });
});

describe('the rating summary counts active accounts only, like the ratings list', () => {
  it('a deleted account’s rating stops counting', async () => {
    const recipe = await makeRecipe(cook);
    const leaving = await makeUser(t);
    await rate(leaving, recipe.id, 1);
    await rate(fans[0]!, recipe.id, 5);
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}` })).json().rating).toMatchObject({ count: 2, average: 3 });
    await t.platform.database.executeSql("update users set status = 'deleted' where id = $1", [leaving.id]);
    const summary = (await t.app.inject({ url: `/api/recipes/${recipe.id}/ratings` })).json().summary;
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}` })).json().rating).toMatchObject({ count: summary.count, average: summary.average });
    expect(summary).toMatchObject({ count: 1, average: 5 });
  });
});

describe('privacy of the whole read', () => {
  it('a stranger gets 404 for a private or followers-only recipe with images and ratings; the owner gets all of it', async () => {
    const open = await makeRecipe(cook);
    await rate(fans[4]!, open.id, 3);
    for (const visibility of ['private', 'followers'] as const) {
      const secret = await makeRecipe(cook, { visibility });
      const image = await upload(secret.id, 'Secret sauce');
      for (const reader of [stranger.inject, fans[4]!.inject, t.app.inject.bind(t.app)]) {
        const res = await reader({ url: `/api/recipes/${secret.id}` });
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(image.id);
        expect(res.body).not.toContain('Secret sauce');
      }
      const own = (await cook.inject({ url: `/api/recipes/${secret.id}` })).json();
      expect(own).toMatchObject({ visibility, images: [{ id: image.id, alt: 'Secret sauce', isCover: true }], rating: { count: 0, mine: null } });
    }
    // Once hidden, a rated recipe is gone for its rater too.
    expect((await cook.inject({ method: 'PATCH', url: `/api/recipes/${open.id}/visibility`, payload: { visibility: 'private' } })).statusCode).toBe(200);
    expect((await fans[4]!.inject({ url: `/api/recipes/${open.id}` })).statusCode).toBe(404);
  });
});

describe('no N+1: the number of queries of one read does not grow with images and ratings', () => {
  it('1 image and 1 rating vs 6 images and 5 ratings: one statement logged out, the session lookup and that statement logged in', async () => {
    const small = await makeRecipe(cook);
    await upload(small.id);
    await rate(fans[0]!, small.id, 4);
    const large = await makeRecipe(cook);
    for (let i = 0; i < 6; i++) await upload(large.id, `Step ${i + 1}`);
    for (const [i, fan] of fans.entries()) await rate(fan, large.id, 1 + (i % 5));
    await fans[0]!.inject({ method: 'PUT', url: `/api/recipes/${large.id}/favourite` });

    const read = async (reader: (options: { url: string }) => Promise<{ statusCode: number; json(): unknown }>, id: string, images: number, ratings: number) => {
      const queries = await queriesDuring(async () => {
        const res = await reader({ url: `/api/recipes/${id}` });
        expect(res.statusCode).toBe(200);
        const body = res.json() as { images: unknown[]; rating: { count: number } };
        expect(body.images).toHaveLength(images);
        expect(body.rating.count).toBe(ratings);
      });
      return queries;
    };

    const anonymous = t.app.inject.bind(t.app);
    const anonymousSmall = await read(anonymous, small.id, 1, 1);
    const anonymousLarge = await read(anonymous, large.id, 6, 5);
    expect(anonymousSmall).toHaveLength(1);
    expect(anonymousLarge).toHaveLength(anonymousSmall.length);

    // The session was just seen, so its "last seen" write (at most once a minute) cannot fall inside the count.
    await t.platform.database.executeSql('update sessions set last_seen_at = now() where user_id = $1', [fans[0]!.id]);
    const viewerSmall = await read(fans[0]!.inject, small.id, 1, 1);
    const viewerLarge = await read(fans[0]!.inject, large.id, 6, 5);
    // The session lookup, then the same statement (the viewer's stars and favourite are in it).
    expect(viewerSmall).toHaveLength(2);
    expect(viewerLarge).toHaveLength(viewerSmall.length);
  });
});
