import type { CreateRecipeBody, RecipeContent } from '@tavola/contracts/recipes';
import type { TestUser } from './factories.js';

export function recipeContent(overrides: Partial<RecipeContent> = {}): RecipeContent {
  return {
    title: 'Weeknight tomato risotto',
    description: 'Creamy, bright and quick.',
    servings: { amount: 4, unit: 'people' },
    prepMinutes: 10,
    cookMinutes: 25,
    difficulty: 'easy',
    cuisine: 'Italian',
    course: 'main',
    diets: ['vegetarian'],
    tags: ['rice', 'weeknight'],
    equipment: ['heavy pot'],
    ingredients: [
      {
        title: null,
        lines: [{ text: '300 g arborio rice' }, { text: '1 onion, finely chopped' }, { text: '1 l vegetable stock, hot' }, { text: 'salt to taste' }],
      },
    ],
    steps: [{ text: 'Soften the onion in butter.' }, { text: 'Toast the rice, then add stock a ladle at a time.', timerSeconds: 1080 }, { text: 'Rest two minutes and serve.' }],
    notes: null,
    source: null,
    ...overrides,
  };
}

/** Creates a recipe through the API as `user`. */
export async function makeRecipe(user: TestUser, body: Omit<Partial<CreateRecipeBody>, 'content'> & { content?: Partial<RecipeContent> } = {}) {
  const res = await user.inject({
    method: 'POST',
    url: '/api/recipes',
    payload: { visibility: body.visibility ?? 'public', content: recipeContent(body.content), changeNote: body.changeNote },
  });
  if (res.statusCode !== 201) throw new Error(`recipe create failed ${res.statusCode}: ${res.body}`);
  return res.json() as { id: string; version: number; content: RecipeContent; visibility: string };
}
