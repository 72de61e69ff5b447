import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { imageForm, makeCameraJpeg, makeImage } from '../../../test/image-factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';

let t: TestApp;
let cook: TestUser;
let stranger: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  cook = await makeUser(t);
  stranger = await makeUser(t);
});
afterAll(() => t.close());

const upload = (user: TestUser, recipeId: string, form: FormData) => user.inject({ method: 'POST', url: `/api/recipes/${recipeId}/images`, payload: form });

async function storedFile(imageId: string, width: number): Promise<string> {
  const { rows } = await t.platform.database.executeSql('select storage_key from recipe_images where id = $1', [imageId]);
  return path.join(t.config.dataDir, 'uploads', rows[0].storage_key, `${width}.webp`);
}

describe('uploading recipe images', () => {
  it('accepts JPEG, PNG, WebP and AVIF, and serves WebP variants 320, 640 and 1280 wide', async () => {
    const recipe = await makeRecipe(cook);
    const cases = [
      { format: 'jpeg', type: 'image/jpeg', filename: 'dish.jpg' },
      { format: 'png', type: 'image/png', filename: 'dish.png' },
      { format: 'webp', type: 'image/webp', filename: 'dish.webp' },
      { format: 'avif', type: 'image/avif', filename: 'dish.avif' },
    ] as const;
    for (const { format, type, filename } of cases) {
      const bytes = await makeImage(format, { width: 1600, height: 1200 });
      const res = await upload(cook, recipe.id, imageForm(bytes, { type, filename, alt: `Risotto as ${format}` }));
      expect(res.statusCode, res.body).toBe(201);
      const image = res.json();
      expect(image).toMatchObject({ recipeId: recipe.id, width: 1600, height: 1200, alt: `Risotto as ${format}` });
      expect(image.variants.map((v: { width: number; height: number }) => [v.width, v.height])).toEqual([
        [320, 240],
        [640, 480],
        [1280, 960],
      ]);
      for (const variant of image.variants) {
        expect(variant.url).toBe(`/api/images/${image.id}/${variant.width}.webp`);
        const served = await t.app.inject({ url: variant.url });
        expect(served.statusCode).toBe(200);
        expect(served.headers['content-type']).toBe('image/webp');
        expect(Number(served.headers['content-length'])).toBe(variant.bytes);
        const meta = await sharp(served.rawPayload).metadata();
        expect(meta).toMatchObject({ format: 'webp', width: variant.width, height: variant.height });
      }
    }
    const list = (await t.app.inject({ url: `/api/recipes/${recipe.id}/images` })).json().items;
    expect(list.map((i: { position: number }) => i.position)).toEqual([0, 1, 2, 3]);
    expect(list.map((i: { isCover: boolean }) => i.isCover)).toEqual([true, false, false, false]);
  });

  it('rotates a camera photo upright and strips its EXIF with the GPS position from what is served', async () => {
    const recipe = await makeRecipe(cook);
    const camera = await makeCameraJpeg();
    expect((await sharp(camera).metadata()).exif?.toString('latin1')).toContain('Tavola Test Camera');
    const res = await upload(cook, recipe.id, imageForm(camera));
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json();
    expect([image.width, image.height]).toEqual([800, 1200]);
    expect(image.alt).toBeNull();
    for (const variant of image.variants) {
      const served = await t.app.inject({ url: variant.url });
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.height).toBeGreaterThan(meta.width as number);
      expect(served.rawPayload.includes(Buffer.from('Tavola Test Camera'))).toBe(false);
    }
    expect(existsSync(await storedFile(image.id, 320))).toBe(true);
  });

  it('keeps a small picture at its own width instead of upscaling it', async () => {
    const recipe = await makeRecipe(cook);
    const res = await upload(cook, recipe.id, imageForm(await makeImage('png', { width: 500, height: 400 }), { type: 'image/png' }));
    expect(res.json().variants.map((v: { width: number }) => v.width)).toEqual([320, 500]);
    expect((await t.app.inject({ url: `/api/images/${res.json().id}/640.webp` })).statusCode).toBe(404);
  });
});

describe('refused uploads', () => {
  let recipeId: string;
  beforeAll(async () => {
    recipeId = (await makeRecipe(cook)).id;
  });

  it('a text file renamed .jpg is 415, whatever type it claims', async () => {
    const res = await upload(cook, recipeId, imageForm(Buffer.from('name,quantity\nrice,300 g\n'), { filename: 'photo.jpg', type: 'image/jpeg' }));
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('unsupported_image');
  });

  it('a GIF (or TIFF) is 415', async () => {
    for (const format of ['gif', 'tiff'] as const) {
      const res = await upload(cook, recipeId, imageForm(await makeImage(format, { width: 60, height: 40 }), { filename: `a.${format}`, type: `image/${format}` }));
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe('unsupported_image');
    }
  });

  it('11 MB is 413, cut off by the multipart limit', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x41);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await upload(cook, recipeId, imageForm(big));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('image_too_large');
  });

  it('no file is 400, a body that is not multipart 415, two files 400, a long alt 400', async () => {
    const noFile = await upload(cook, recipeId, imageForm(null, { alt: 'Just words' }));
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'file_required']);
    const json = await cook.inject({ method: 'POST', url: `/api/recipes/${recipeId}/images`, payload: { alt: 'x' } });
    expect([json.statusCode, json.json().code]).toEqual([415, 'multipart_required']);
    const text = await cook.inject({ method: 'POST', url: `/api/recipes/${recipeId}/images`, payload: 'x', headers: { 'content-type': 'application/octet-stream' } });
    expect(text.statusCode).toBe(415);
    const two = imageForm(await makeImage('png', { width: 30, height: 30 }), { type: 'image/png' });
    two.append('file', new Blob([new Uint8Array(await makeImage('png', { width: 30, height: 30 }))], { type: 'image/png' }), 'second.png');
    const twoRes = await upload(cook, recipeId, two);
    expect([twoRes.statusCode, twoRes.json().code]).toEqual([400, 'one_file_only']);
    const longAlt = await upload(cook, recipeId, imageForm(await makeImage('png', { width: 30, height: 30 }), { alt: 'a'.repeat(301) }));
    expect(longAlt.statusCode).toBe(400);
    expect(longAlt.json().errors[0].field).toBe('alt');
  });

  it('wrote nothing for any refused upload', async () => {
    const { rows } = await t.platform.database.executeSql('select count(*)::int as n from recipe_images where recipe_id = $1', [recipeId]);
    expect(rows[0].n).toBe(0);
  });

  it('only the author uploads: 403 on a recipe the stranger can see, 404 on one they cannot, 401 without a login', async () => {
    const open = await makeRecipe(cook, { visibility: 'public' });
    const hidden = await makeRecipe(cook, { visibility: 'private' });
    const bytes = await makeImage('jpeg', { width: 100, height: 100 });
    const onOpen = await upload(stranger, open.id, imageForm(bytes));
    expect([onOpen.statusCode, onOpen.json().code]).toEqual([403, 'not_author']);
    expect((await upload(stranger, hidden.id, imageForm(bytes))).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/recipes/${open.id}/images`, payload: imageForm(bytes) });
    expect(anonymous.statusCode).toBe(401);
    expect((await upload(cook, '00000000-0000-4000-8000-000000000000', imageForm(bytes))).statusCode).toBe(404);
  });
});
