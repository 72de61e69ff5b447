import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser } from '../../../test/factories.js';
import { imageForm, makeImage } from '../../../test/image-factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('deleting a recipe', () => {
  it('removes its image files too', async () => {
    const cook = await makeUser(t);
    const recipe = await makeRecipe(cook);
    const upload = await cook.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/images`, payload: imageForm(await makeImage('jpeg', { width: 800, height: 600 })) });
    expect(upload.statusCode).toBe(201);
    const { rows } = await t.platform.database.executeSql('select storage_key, variants from recipe_images where recipe_id = $1', [recipe.id]);
    const row = rows[0] as { storage_key: string; variants: { width: number }[] };
    const files = row.variants.map((v) => path.join(t.config.dataDir, 'uploads', row.storage_key, `${v.width}.webp`));
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => existsSync(f))).toBe(true);

    expect((await cook.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}` })).statusCode).toBe(204);
    await vi.waitFor(() => expect(files.some((f) => existsSync(f))).toBe(false), { timeout: 20_000, interval: 200 });
    expect((await t.app.inject({ url: `/api/images/${upload.json().id}/320.webp` })).statusCode).toBe(404);
  });
});
