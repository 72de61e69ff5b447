import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
import { csrfOf } from './steps.js';

/** The recipes the search journeys find (and one they must never find), created through the API. */

export interface SearchRecipe {
  title: string;
  description?: string;
  cuisine?: string;
  course?: string;
  diets?: string[];
  tags?: string[];
  totalMinutes?: number;
  ingredients: string[];
}

/** Public recipes by one cook: three Italian, two Thai, one French; two vegetarian; one with peanuts. */
export const publicRecipes: SearchRecipe[] = [
  {
    title: 'Tomato basil soup',
    description: 'A bright, quick soup for the end of summer.',
    cuisine: 'Italian',
    course: 'Soup',
    diets: ['vegetarian'],
    tags: ['weeknight'],
    totalMinutes: 30,
    ingredients: ['800 g ripe tomatoes', '1 bunch basil', '2 tbsp olive oil'],
  },
  {
    title: 'Mushroom risotto',
    description: 'Creamy rice with porcini and parmesan.',
    cuisine: 'Italian',
    course: 'Main',
    diets: ['vegetarian'],
    totalMinutes: 45,
    ingredients: ['300 g arborio rice', '250 g mushrooms', '50 g parmesan'],
  },
  {
    title: 'Chicken cacciatore',
    description: 'Braised chicken with tomatoes and olives.',
    cuisine: 'Italian',
    course: 'Main',
    totalMinutes: 70,
    ingredients: ['8 chicken thighs', '400 g canned tomatoes', '100 g black olives'],
  },
  {
    title: 'Thai green curry',
    description: 'Fragrant coconut curry with chicken.',
    cuisine: 'Thai',
    course: 'Main',
    tags: ['spicy', 'weeknight'],
    totalMinutes: 35,
    ingredients: ['500 g chicken breast', '3 tbsp green curry paste', '400 ml coconut milk'],
  },
  {
    title: 'Pad thai with prawns',
    description: 'Rice noodles, prawns, lime and crushed peanuts.',
    cuisine: 'Thai',
    course: 'Main',
    tags: ['weeknight'],
    totalMinutes: 25,
    ingredients: ['200 g rice noodles', '250 g prawns', '50 g roasted peanuts'],
  },
  {
    title: 'Lemon tart',
    description: 'Sharp lemon curd in a crisp pastry shell.',
    cuisine: 'French',
    course: 'Dessert',
    totalMinutes: 120,
    ingredients: ['4 lemons', '200 g sugar', '1 sweet pastry case'],
  },
];

/** Another cook's private recipe: its title matches "tomato" and "soup", and it is Italian, yet no one else may ever see or count it. */
export const privateRecipe: SearchRecipe = {
  title: 'Secret tomato soup',
  description: 'My grandmother’s tomato soup, for me only.',
  cuisine: 'Italian',
  course: 'Soup',
  diets: ['vegetarian'],
  totalMinutes: 20,
  ingredients: ['1 kg tomatoes', '1 onion'],
};

export async function createRecipe(api: APIRequestContext, recipe: SearchRecipe, visibility: 'public' | 'private'): Promise<string> {
  const { ingredients, ...rest } = recipe;
  const response = await api.post('/api/recipes', {
    data: {
      visibility,
      content: { ...rest, servings: { amount: 4 }, ingredients: [{ lines: ingredients.map((text) => ({ text })) }], steps: [{ text: 'Cook it well.' }] },
    },
    headers: { 'x-csrf-token': await csrfOf(api) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

/** Many plain recipes whose titles share two words, for paging ("Load more"). */
export async function createManyRecipes(api: APIRequestContext, count: number): Promise<void> {
  for (let n = 1; n <= count; n += 1) {
    await createRecipe(api, { title: `Batch bake number ${n}`, totalMinutes: 10 + n, ingredients: ['1 egg'] }, 'public');
  }
}
