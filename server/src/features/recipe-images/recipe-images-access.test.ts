import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { imageForm, makeImage } from '../../../test/image-factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';
import { enqueueOwnerImageCleanup, enqueueRecipeImageCleanup } from './index.js';
import { deleteStoredImages } from './recipe-images.jobs.js';

let t: TestApp;
let cook: TestUser;
let stranger: TestUser;
let picture: Buffer;
beforeAll(async () => {
  t = await buildTestApp();
  cook = await makeUser(t);
  stranger = await makeUser(t);
  picture = await makeImage('jpeg', { width: 700, height: 500 });
});
afterAll(() => t.close());

interface UploadedImage {
  id: string;
  position: number;
  isCover: boolean;
  alt: string | null;
  variants: { width: number; url: string }[];
}

async function uploadTo(recipeId: string, alt?: string): Promise<UploadedImage> {
  const res = await cook.inject({ method: 'POST', url: `/api/recipes/${recipeId}/images`, payload: imageForm(picture, { alt }) });
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function filesOf(imageId: string): Promise<string[]> {
  const { rows } = await t.platform.database.executeSql('select storage_key, variants from recipe_images where id = $1', [imageId]);
  const row = rows[0] as { storage_key: string; variants: { width: number }[] };
  return row.variants.map((v) => path.join(t.config.dataDir, 'uploads', row.storage_key, `${v.width}.webp`));
}

const waitUntilGone = (files: string[]) =>
  vi.waitFor(
    () => {
      for (const file of files) expect(existsSync(file), file).toBe(false);
    },
    { timeout: 20_000, interval: 200 },
  );

const listOf = async (user: TestUser, recipeId: string) => (await user.inject({ url: `/api/recipes/${recipeId}/images` })).json().items as UploadedImage[];

describe('reading images respects the recipe’s visibility on every read', () => {
  it('a stranger cannot list or fetch the images of a private recipe, even with the id; the owner can', async () => {
    const secret = await makeRecipe(cook, { visibility: 'private' });
    const image = await uploadTo(secret.id, 'Secret sauce');
    const url = image.variants[0]!.url;
    for (const reader of [stranger.inject, t.app.inject.bind(t.app)]) {
      expect((await reader({ url })).statusCode).toBe(404);
      expect((await reader({ method: 'HEAD', url })).statusCode).toBe(404);
      expect((await reader({ url: `/api/recipes/${secret.id}/images` })).statusCode).toBe(404);
      expect((await reader({ url: `/api/recipes/${secret.id}` })).statusCode).toBe(404);
    }
    expect((await cook.inject({ url: `/api/recipes/${secret.id}` })).json().images).toMatchObject([{ id: image.id, alt: 'Secret sauce', isCover: true }]);
    const mine = await cook.inject({ url });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await listOf(cook, secret.id)).map((i) => i.id)).toEqual([image.id]);
  });

  it('followers-only recipes’ images show to their owner and accepted followers only, privately cached', async () => {
    const followersOnly = await makeRecipe(cook, { visibility: 'followers' });
    const image = await uploadTo(followersOnly.id);
    const follower = await makeUser(t);
    await follower.inject({ method: 'PUT', url: `/api/me/following/${cook.username}` });
    expect((await stranger.inject({ url: image.variants[0]!.url })).statusCode).toBe(404);
    expect((await stranger.inject({ url: `/api/recipes/${followersOnly.id}/images` })).statusCode).toBe(404);
    expect((await cook.inject({ url: image.variants[0]!.url })).headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const seen = await follower.inject({ url: image.variants[0]!.url });
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await follower.inject({ url: `/api/recipes/${followersOnly.id}/images` })).json().items).toHaveLength(1);
    // Unfollowing takes it away at once.
    await follower.inject({ method: 'DELETE', url: `/api/me/following/${cook.username}` });
    expect((await follower.inject({ url: image.variants[0]!.url })).statusCode).toBe(404);
  });

  it('public images are cacheable by anyone for a year, with an ETag, nosniff and 304 on revalidation', async () => {
    const open = await makeRecipe(cook, { visibility: 'public' });
    const image = await uploadTo(open.id);
    const res = await t.app.inject({ url: image.variants[1]!.url });
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.inject({ url: image.variants[1]!.url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await stranger.inject({ url: `/api/recipes/${open.id}/images` })).json().items).toHaveLength(1);
  });

  it('making a recipe private hides its images at once, even from someone holding the URL and ETag', async () => {
    const recipe = await makeRecipe(cook, { visibility: 'public' });
    const image = await uploadTo(recipe.id);
    const url = image.variants[0]!.url;
    const first = await stranger.inject({ url });
    expect(first.statusCode).toBe(200);
    const hide = await cook.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/visibility`, payload: { visibility: 'private' } });
    expect(hide.statusCode).toBe(200);
    expect((await stranger.inject({ url })).statusCode).toBe(404);
    expect((await stranger.inject({ url, headers: { 'if-none-match': first.headers.etag as string } })).statusCode).toBe(404);
  });

  it('unknown images and sizes are 404', async () => {
    const recipe = await makeRecipe(cook);
    const image = await uploadTo(recipe.id);
    expect((await t.app.inject({ url: `/api/images/${image.id}/999.webp` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/images/00000000-0000-4000-8000-000000000000/320.webp' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/images/not-an-id/320.webp' })).statusCode).toBe(400);
  });
});

describe('changing and deleting images', () => {
  it('the owner sets alt text, the cover and the order', async () => {
    const recipe = await makeRecipe(cook);
    const [a, b, c] = [await uploadTo(recipe.id, 'first'), await uploadTo(recipe.id), await uploadTo(recipe.id)];
    expect([a!.isCover, b!.isCover, c!.isCover]).toEqual([true, false, false]);
    const patch = (id: string, payload: object) => cook.inject({ method: 'PATCH', url: `/api/recipes/${recipe.id}/images/${id}`, payload });

    const alt = await patch(b!.id, { alt: '  Plated with parsley  ' });
    expect([alt.statusCode, alt.json().alt]).toEqual([200, 'Plated with parsley']);
    expect((await patch(a!.id, { alt: '' })).json().alt).toBeNull();

    expect((await patch(c!.id, { isCover: true })).json().isCover).toBe(true);
    expect((await listOf(cook, recipe.id)).filter((i) => i.isCover).map((i) => i.id)).toEqual([c!.id]);

    expect((await patch(c!.id, { position: 0 })).json().position).toBe(0);
    expect((await listOf(cook, recipe.id)).map((i) => [i.id, i.position])).toEqual([
      [c!.id, 0],
      [a!.id, 1],
      [b!.id, 2],
    ]);
    await patch(c!.id, { position: 99 });
    expect((await listOf(cook, recipe.id)).map((i) => i.id)).toEqual([a!.id, b!.id, c!.id]);

    expect((await patch(a!.id, {})).statusCode).toBe(400);
    expect((await patch(a!.id, { isCover: false })).statusCode).toBe(400);
    const other = await makeRecipe(cook);
    expect((await cook.inject({ method: 'PATCH', url: `/api/recipes/${other.id}/images/${a!.id}`, payload: { alt: 'x' } })).statusCode).toBe(404);
  });

  it('a stranger cannot change or delete someone else’s images', async () => {
    const open = await makeRecipe(cook, { visibility: 'public' });
    const hidden = await makeRecipe(cook, { visibility: 'private' });
    const openImage = await uploadTo(open.id);
    const hiddenImage = await uploadTo(hidden.id);
    const onOpen = `/api/recipes/${open.id}/images/${openImage.id}`;
    const onHidden = `/api/recipes/${hidden.id}/images/${hiddenImage.id}`;
    expect((await stranger.inject({ method: 'PATCH', url: onOpen, payload: { alt: 'mine' } })).statusCode).toBe(403);
    expect((await stranger.inject({ method: 'DELETE', url: onOpen })).statusCode).toBe(403);
    expect((await stranger.inject({ method: 'PATCH', url: onHidden, payload: { isCover: true } })).statusCode).toBe(404);
    expect((await stranger.inject({ method: 'DELETE', url: onHidden })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: onOpen })).statusCode).toBe(401);
    expect((await listOf(cook, open.id)).map((i) => [i.id, i.alt])).toEqual([[openImage.id, null]]);
    expect(await listOf(cook, hidden.id)).toHaveLength(1);
  });

  it('deleting the cover hands the cover on, closes the gap, and a job removes the files', async () => {
    const recipe = await makeRecipe(cook);
    const [cover, second, third] = [await uploadTo(recipe.id), await uploadTo(recipe.id), await uploadTo(recipe.id)];
    const files = await filesOf(cover!.id);
    expect(files.every((file) => existsSync(file))).toBe(true);
    const res = await cook.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}/images/${cover!.id}` });
    expect(res.statusCode).toBe(204);
    expect((await listOf(cook, recipe.id)).map((i) => [i.id, i.position, i.isCover])).toEqual([
      [second!.id, 0, true],
      [third!.id, 1, false],
    ]);
    expect((await t.app.inject({ url: cover!.variants[0]!.url })).statusCode).toBe(404);
    await waitUntilGone(files);
    expect(existsSync((await filesOf(second!.id))[0]!)).toBe(true);
    expect((await cook.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}/images/${cover!.id}` })).statusCode).toBe(404);
  });
});

describe('removing a recipe’s images with the recipe', () => {
  it('enqueueRecipeImageCleanup in the deleting transaction removes every file once it commits', async () => {
    const recipe = await makeRecipe(cook);
    const images = [await uploadTo(recipe.id), await uploadTo(recipe.id)];
    const files = (await Promise.all(images.map((image) => filesOf(image.id)))).flat();
    expect(files).toHaveLength(6);

    // What the recipes service does in DELETE /api/recipes/:id: enqueue, then delete the row (images cascade).
    await t.platform.database.db.transaction(async (tx) => {
      expect(await enqueueRecipeImageCleanup(t.platform.jobs, tx, recipe.id)).toBe(2);
      await tx.execute(sql`delete from recipes where id = ${recipe.id}`);
    });
    const { rows } = await t.platform.database.executeSql('select count(*)::int as n from recipe_images where recipe_id = $1', [recipe.id]);
    expect(rows[0].n).toBe(0);
    await waitUntilGone(files);
  });

  it('a rolled-back deletion keeps the files', async () => {
    const recipe = await makeRecipe(cook);
    const image = await uploadTo(recipe.id);
    const files = await filesOf(image.id);
    await expect(
      t.platform.database.db.transaction(async (tx) => {
        await enqueueRecipeImageCleanup(t.platform.jobs, tx, recipe.id);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(files.every((file) => existsSync(file))).toBe(true);
    expect(await enqueueRecipeImageCleanup(t.platform.jobs, t.platform.database.db, (await makeRecipe(cook)).id)).toBe(0);
  });

  it('enqueueOwnerImageCleanup removes every file of a user whose account is deleted', async () => {
    const leaving = await makeUser(t);
    const recipe = await makeRecipe(leaving);
    const res = await leaving.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/images`, payload: imageForm(picture) });
    const files = await filesOf(res.json().id);
    await t.platform.database.db.transaction(async (tx) => {
      expect(await enqueueOwnerImageCleanup(t.platform.jobs, tx, leaving.id)).toBe(1);
      await tx.execute(sql`delete from users where id = ${leaving.id}`);
    });
    await waitUntilGone(files);
  });

  it('the images.delete job deletes image prefixes only, whatever its data says', async () => {
    const deleted: string[] = [];
    const storage = { put: async () => {}, get: async () => null, delete: async (key: string) => void deleted.push(key) };
    const valid = 'recipe-images/00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000002';
    await deleteStoredImages(storage, { keys: [valid, '../../secret.key', 'recipe-images', 'mail/x', 42 as unknown as string] });
    await deleteStoredImages(storage, { keys: 'recipe-images' as unknown as string[] });
    expect(deleted).toEqual([valid]);
  });
});
