import { recipeSchema, type Recipe } from '@tavola/contracts/recipes';
import { describe, expect, it } from 'vitest';
import { compiledSerializer } from './compiled-serializer.js';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

function fullRecipe(): Recipe {
  return {
    id,
    author: { id, username: 'cook', displayName: null },
    visibility: 'public',
    version: 3,
    versionId: id,
    content: {
      title: 'Braised “short” ribs \\ with \n newlines',
      description: null,
      servings: { amount: 2.5, unit: 'people' },
      prepMinutes: 15,
      cookMinutes: null,
      difficulty: 'medium',
      cuisine: 'Korean',
      diets: ['gluten-free'],
      tags: ['slow', 'weekend'],
      equipment: [],
      ingredients: [
        { title: null, lines: [{ text: '1 kg short ribs', quantity: 1, unit: 'kg', name: 'short ribs', preparation: null, optional: false }] },
        { title: 'Glaze', lines: [{ text: 'salt', quantity: null, quantityMax: null, unit: null, name: 'salt' }] },
      ],
      steps: [{ text: 'Braise.', timerSeconds: 7200, imageId: null }, { text: 'Glaze.' }],
      notes: 'Better the next day.',
      source: { url: 'https://example.com/ribs', name: null },
    },
    images: [
      {
        id,
        recipeId: id,
        position: 0,
        isCover: true,
        width: 1600,
        height: 1067,
        alt: null,
        variants: [{ width: 320, height: 213, bytes: 14210, format: 'webp', url: `/api/images/${id}/320.webp` }],
        createdAt: '2026-11-25T07:00:00.000Z',
      },
    ],
    rating: { count: 3, average: 4.33, mine: null, favourite: true },
    createdAt: '2026-11-25T06:00:00.000Z',
    updatedAt: '2026-11-25T07:00:00.000Z',
  };
}

const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]))
      : value;

describe('compiledSerializer', () => {
  const serialize = compiledSerializer({ schema: recipeSchema });

  it('writes the same JSON document as the Zod encode the other routes use', () => {
    const recipe = fullRecipe();
    const compiled = JSON.parse(serialize(recipe));
    const encoded = JSON.parse(JSON.stringify(recipeSchema.encode(recipe)));
    expect(sortedKeys(compiled)).toEqual(sortedKeys(encoded));
    expect(compiled.content.title).toBe(recipe.content.title);
    expect(compiled.content.description).toBeNull();
    expect(compiled.content.steps[1]).toEqual({ text: 'Glaze.' });
  });

  it('writes only the properties the schema declares: nothing else a handler object carries leaks', () => {
    const recipe = fullRecipe() as Recipe & { ownerEmail: string };
    recipe.ownerEmail = 'cook@example.test';
    Object.assign(recipe.author, { passwordHash: 'secret-hash' });
    Object.assign(recipe.images[0]!, { storageKey: 'recipe-images/secret' });
    Object.assign(recipe.content, { internalNote: 'hidden' });
    const json = serialize(recipe);
    for (const leaked of ['ownerEmail', 'cook@example.test', 'passwordHash', 'secret-hash', 'storageKey', 'internalNote']) expect(json).not.toContain(leaked);
  });
});
