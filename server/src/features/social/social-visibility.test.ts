import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { imageForm, makeImage } from '../../../test/image-factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';

/** The social graph in every recipe read path: list, whole read, versions, images, ratings, search. */

let t: TestApp;
let picture: Buffer;
beforeAll(async () => {
  t = await buildTestApp();
  await makeUser(t, { role: 'admin' });
  picture = await makeImage('jpeg', { width: 400, height: 300 });
});
afterAll(() => t.close());

const follow = (who: TestUser, whom: TestUser) => who.inject({ method: 'PUT', url: `/api/me/following/${whom.username}` });
const block = (who: TestUser, whom: TestUser) => who.inject({ method: 'PUT', url: `/api/me/blocks/${whom.username}` });

async function withImage(owner: TestUser, visibility: 'public' | 'followers', title: string) {
  const recipe = await makeRecipe(owner, { visibility, content: { title } });
  const res = await owner.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/images`, payload: imageForm(picture, { alt: `${title} photo` }) });
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode}: ${res.body}`);
  return { id: recipe.id, imageUrl: (res.json() as { variants: { url: string }[] }).variants[0]!.url };
}

/** What a viewer can reach of one recipe, through every read path. */
async function reach(viewer: TestUser, recipe: { id: string; imageUrl: string }, owner: TestUser, words: string) {
  const listed = (await viewer.inject({ url: `/api/recipes?author=${owner.username}` })).json().items.map((r: { id: string }) => r.id);
  const found = (await viewer.inject({ url: `/api/search/recipes?q=${encodeURIComponent(words)}` })).json().items.map((r: { id: string }) => r.id);
  const status = async (url: string) => (await viewer.inject({ url })).statusCode;
  return {
    list: listed.includes(recipe.id),
    search: found.includes(recipe.id),
    read: await status(`/api/recipes/${recipe.id}`),
    versions: await status(`/api/recipes/${recipe.id}/versions`),
    images: await status(`/api/recipes/${recipe.id}/images`),
    image: await status(recipe.imageUrl),
    ratings: await status(`/api/recipes/${recipe.id}/ratings`),
  };
}
const visible = { list: true, search: true, read: 200, versions: 200, images: 200, image: 200, ratings: 200 };
const hidden = { list: false, search: false, read: 404, versions: 404, images: 404, image: 404, ratings: 404 };

describe('followers-only recipes', () => {
  it('show to accepted followers only: not to strangers, pending requesters, or after unfollowing', async () => {
    const [cook, follower, stranger, asker] = [await makeUser(t), await makeUser(t), await makeUser(t), await makeUser(t)];
    const recipe = await withImage(cook, 'followers', 'Quince paste with manchego');
    await follow(follower, cook);
    expect(await reach(follower, recipe, cook, 'quince manchego')).toEqual(visible);
    expect(await reach(stranger, recipe, cook, 'quince manchego')).toEqual(hidden);
    expect(await reach(cook, recipe, cook, 'quince manchego')).toEqual(visible);
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}` })).statusCode).toBe(404);

    // A request to a private account is not a follow until it is accepted.
    await cook.inject({ method: 'PUT', url: '/api/me/privacy', payload: { privateAccount: true } });
    expect((await follow(asker, cook)).json().follow).toBe('requested');
    expect(await reach(asker, recipe, cook, 'quince manchego')).toEqual(hidden);
    await cook.inject({ method: 'POST', url: `/api/me/follow-requests/${asker.username}/accept` });
    expect(await reach(asker, recipe, cook, 'quince manchego')).toEqual(visible);

    // The whole read (one prepared statement) carries the images for a follower.
    const whole = (await follower.inject({ url: `/api/recipes/${recipe.id}` })).json();
    expect(whole.images).toMatchObject([{ alt: 'Quince paste with manchego photo' }]);

    await follower.inject({ method: 'DELETE', url: `/api/me/following/${cook.username}` });
    expect(await reach(follower, recipe, cook, 'quince manchego')).toEqual(hidden);
    await cook.inject({ method: 'DELETE', url: `/api/me/followers/${asker.username}` });
    expect(await reach(asker, recipe, cook, 'quince manchego')).toEqual(hidden);
  });

  it('following someone does not show them my followers-only recipes', async () => {
    const [cook, fan] = [await makeUser(t), await makeUser(t)];
    const fansRecipe = await withImage(fan, 'followers', 'Membrillo glazed pork');
    await follow(fan, cook);
    expect(await reach(cook, fansRecipe, fan, 'membrillo pork')).toEqual(hidden);
  });
});

describe('blocks hide recipes both ways', () => {
  it('the blocked person sees none of the blocker’s recipes, and the blocker none of theirs, public ones included', async () => {
    const [blocker, blocked, bystander] = [await makeUser(t), await makeUser(t), await makeUser(t)];
    const blockersPublic = await withImage(blocker, 'public', 'Saffron fideua');
    const blockersFollowers = await withImage(blocker, 'followers', 'Saffron allioli');
    const blockedsPublic = await withImage(blocked, 'public', 'Smoked paprika octopus');
    await follow(blocked, blocker);
    expect(await reach(blocked, blockersFollowers, blocker, 'saffron allioli')).toEqual(visible);

    expect((await block(blocker, blocked)).statusCode).toBe(204);
    expect(await reach(blocked, blockersPublic, blocker, 'saffron fideua')).toEqual(hidden);
    expect(await reach(blocked, blockersFollowers, blocker, 'saffron allioli')).toEqual(hidden);
    expect(await reach(blocker, blockedsPublic, blocked, 'paprika octopus')).toEqual(hidden);
    // Ratings need a visible recipe, so the blocked person cannot rate or favourite either.
    expect((await blocked.inject({ method: 'PUT', url: `/api/recipes/${blockersPublic.id}/rating`, payload: { stars: 1 } })).statusCode).toBe(404);
    expect((await blocked.inject({ method: 'PUT', url: `/api/recipes/${blockersPublic.id}/favourite` })).statusCode).toBe(404);
    // Everyone else, and each owner, still sees them.
    expect(await reach(bystander, blockersPublic, blocker, 'saffron fideua')).toEqual(visible);
    expect((await t.app.inject({ url: `/api/recipes/${blockedsPublic.id}` })).statusCode).toBe(200);
    expect(await reach(blocked, blockedsPublic, blocked, 'paprika octopus')).toEqual(visible);

    await blocker.inject({ method: 'DELETE', url: `/api/me/blocks/${blocked.username}` });
    expect(await reach(blocked, blockersPublic, blocker, 'saffron fideua')).toEqual(visible);
    // Unblocking does not bring the follow back.
    expect(await reach(blocked, blockersFollowers, blocker, 'saffron allioli')).toEqual(hidden);
  });
});
