import type { Recipe } from '@tavola/contracts/recipes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { imageForm, makeImage } from '../../../test/image-factories.js';
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

async function addPhoto(user: TestUser, recipeId: string): Promise<string> {
  const bytes = await makeImage('jpeg', { width: 400, height: 300 });
  const res = await user.inject({ method: 'POST', url: `/api/recipes/${recipeId}/images`, payload: imageForm(bytes, { type: 'image/jpeg', filename: 'step.jpg', alt: 'The rice toasting' }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const withStepImage = (recipe: Pick<Recipe, 'content'>, imageId: string | null) => ({
  ...recipe.content,
  steps: recipe.content.steps.map((step, index) => (index === 1 ? { ...step, imageId } : step)),
});

describe('a photo for a step', () => {
  it('shows one of the recipe’s own photos, kept in the version and in the full read', async () => {
    const recipe = await makeRecipe(cook);
    const photo = await addPhoto(cook, recipe.id);
    const saved = await cook.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}`, payload: { baseVersion: 1, content: withStepImage(recipe, photo) } });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = (await t.app.inject({ url: `/api/recipes/${recipe.id}` })).json() as Recipe;
    expect(read.content.steps[1]!.imageId).toBe(photo);
    expect(read.images.map((image) => image.id)).toContain(photo);
  });

  it('refuses a photo of another recipe, and any photo on a new recipe, writing nothing', async () => {
    const mine = await makeRecipe(cook);
    const theirs = await makeRecipe(stranger, { visibility: 'private' });
    const theirPhoto = await addPhoto(stranger, theirs.id);
    const refused = await cook.inject({ method: 'PUT', url: `/api/recipes/${mine.id}`, payload: { baseVersion: 1, content: withStepImage(mine, theirPhoto) } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'unknown_image', errors: [{ field: 'content.steps.1.imageId' }] });
    expect((await cook.inject({ url: `/api/recipes/${mine.id}/versions` })).json().items).toHaveLength(1);
    const created = await cook.inject({ method: 'POST', url: '/api/recipes', payload: { content: withStepImage(mine, theirPhoto) } });
    expect(created.statusCode).toBe(422);
    expect(created.json().code).toBe('unknown_image');
    const notUuid = await cook.inject({ method: 'PUT', url: `/api/recipes/${mine.id}`, payload: { baseVersion: 1, content: withStepImage(mine, 'photo-1') } });
    expect(notUuid.statusCode).toBe(400);
  });

  it('restoring a version whose step photo was deleted since leaves the photo out', async () => {
    const recipe = await makeRecipe(cook);
    const photo = await addPhoto(cook, recipe.id);
    await cook.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}`, payload: { baseVersion: 1, content: withStepImage(recipe, photo) } });
    await cook.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}`, payload: { baseVersion: 2, content: withStepImage(recipe, null) } });
    expect((await cook.inject({ method: 'DELETE', url: `/api/recipes/${recipe.id}/images/${photo}` })).statusCode).toBe(204);
    const restored = await cook.inject({ method: 'POST', url: `/api/recipes/${recipe.id}/restore`, payload: { version: 2 } });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().content.steps[1].imageId).toBeUndefined();
    expect(restored.json().version).toBe(4);
  });
});
