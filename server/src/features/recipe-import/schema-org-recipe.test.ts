import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { findSchemaOrgRecipe, mapSchemaOrgDocument, splitInlineNumbering, stepsFrom } from './schema-org-recipe.js';
import { durationMinutes, servingsFrom } from './schema-org-values.js';

const recipe = (extra: Record<string, unknown> = {}) => ({
  '@type': 'Recipe',
  name: 'Tomato soup',
  recipeIngredient: ['1 kg tomatoes', '1 onion, chopped'],
  recipeInstructions: 'Cook everything. Blend.',
  ...extra,
});

function mapError(document: unknown): AppError {
  try {
    mapSchemaOrgDocument(document);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the mapping to fail');
}

describe('finding the Recipe in JSON-LD', () => {
  it('finds it as the object, in an array, in @graph, behind mainEntity, with @type as an array or prefixed', () => {
    const found = recipe();
    expect(findSchemaOrgRecipe(found)).toBe(found);
    expect(findSchemaOrgRecipe([{ '@type': 'WebSite' }, found])).toBe(found);
    expect(findSchemaOrgRecipe({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'Person', name: 'x' }, found] })).toBe(found);
    expect(findSchemaOrgRecipe({ '@type': 'WebPage', mainEntity: found })).toBe(found);
    expect(findSchemaOrgRecipe([{ '@graph': { '@type': 'ItemPage', mainEntity: [found] } }])).toBe(found);
    const typed = { ...found, '@type': ['NewsArticle', 'Recipe'] };
    expect(findSchemaOrgRecipe({ '@graph': [typed] })).toBe(typed);
    const prefixed = { ...found, '@type': 'http://schema.org/Recipe' };
    expect(findSchemaOrgRecipe(prefixed)).toBe(prefixed);
  });

  it('returns null without a Recipe, and mapping says so with 422 import_no_recipe', () => {
    expect(findSchemaOrgRecipe({ '@type': 'Article', name: 'x', mainEntity: { '@type': 'Person' } })).toBeNull();
    expect(findSchemaOrgRecipe('Recipe')).toBeNull();
    expect(mapError({ '@type': 'WebPage' })).toMatchObject({ code: 'import_no_recipe', status: 422 });
  });
});

describe('reading schema.org values', () => {
  it('reads ISO 8601 durations, Duration objects, plain minutes and words', () => {
    expect(durationMinutes('PT1H30M')).toBe(90);
    expect(durationMinutes('P0DT0H20M')).toBe(20);
    expect(durationMinutes('P1DT2H')).toBe(26 * 60);
    expect(durationMinutes('PT45S')).toBeCloseTo(0.75);
    expect(durationMinutes('PT1.5H')).toBe(90);
    expect(durationMinutes({ '@type': 'Duration', '@value': 'P0DT1H10M0S' })).toBe(70);
    expect(durationMinutes(25)).toBe(25);
    expect(durationMinutes('45')).toBe(45);
    expect(durationMinutes('35 minuti')).toBe(35);
    expect(durationMinutes('1 hour 20 mins')).toBe(80);
    expect(durationMinutes('PT0M')).toBeNull();
    expect(durationMinutes('soon')).toBeNull();
    expect(durationMinutes('')).toBeNull();
  });

  it('reads yields as numbers, texts, arrays and QuantitativeValue', () => {
    expect(servingsFrom(4)).toEqual({ amount: 4, unit: 'servings' });
    expect(servingsFrom('4 servings')).toEqual({ amount: 4, unit: 'servings' });
    expect(servingsFrom('Makes 12 cookies')).toEqual({ amount: 12, unit: 'cookies' });
    expect(servingsFrom('Serves 6')).toEqual({ amount: 6, unit: 'servings' });
    expect(servingsFrom('4-6 people')).toEqual({ amount: 4, unit: 'people' });
    expect(servingsFrom(['8', '8 slices'])).toEqual({ amount: 8, unit: 'slices' });
    expect(servingsFrom({ '@type': 'QuantitativeValue', value: '6', unitText: 'személyre' })).toEqual({ amount: 6, unit: 'személyre' });
    expect(servingsFrom('Portionen: 4')).toEqual({ amount: 4, unit: 'Portionen' });
    expect(servingsFrom('a few')).toBeNull();
    expect(servingsFrom(null)).toBeNull();
  });
});

describe('instructions', () => {
  it('reads text, lines, HowToStep, HowToSection (name as a prefix) and nested arrays', () => {
    expect(stepsFrom('Chop.\nFry.\n\n3. Serve.').map((s) => s.text)).toEqual(['Chop.', 'Fry.', 'Serve.']);
    expect(stepsFrom('<p>Chop &amp; fry.</p><p>Serve.</p>').map((s) => s.text)).toEqual(['Chop & fry.', 'Serve.']);
    expect(stepsFrom([['Mix.', 'Bake.']]).map((s) => s.text)).toEqual(['Mix.', 'Bake.']);
    const sections = stepsFrom([
      { '@type': 'HowToSection', name: 'For the dough', itemListElement: [{ '@type': 'HowToStep', text: 'Knead.' }, { '@type': 'HowToStep', text: 'Rest.' }] },
      { '@type': 'HowToSection', name: 'Instructions', itemListElement: [{ '@type': 'HowToStep', name: 'Shape', text: 'Shape the loaves.', performTime: 'PT20M' }] },
      { '@type': 'HowToStep', itemListElement: [{ '@type': 'HowToDirection', text: 'Bake.' }] },
    ]);
    expect(sections).toEqual([
      { text: 'For the dough: Knead.', timerSeconds: null },
      { text: 'Rest.', timerSeconds: null },
      { text: 'Shape the loaves.', timerSeconds: 1200 },
      { text: 'Bake.', timerSeconds: null },
    ]);
    expect(stepsFrom({ '@type': 'HowToSection', name: 'Preparazione', itemListElement: [{ '@type': 'HowtoStep', text: 'Lavare.' }] }).map((s) => s.text)).toEqual(['Lavare.']);
  });

  it('splits numbered steps run together on one line', () => {
    expect(splitInlineNumbering('1.Chop the onion 2.Fry it 3.Serve')).toEqual(['1.Chop the onion', '2.Fry it', '3.Serve']);
    expect(splitInlineNumbering('Bake 1.5 hours at 2. Then rest')).toEqual(['Bake 1.5 hours at 2. Then rest']);
  });
});

describe('mapping a Recipe to our content', () => {
  it('maps every field pages use', () => {
    const { content, warnings } = mapSchemaOrgDocument({
      '@context': 'https://schema.org',
      '@type': 'Recipe',
      name: '  <b>Grandma&#8217;s</b> Apple &amp;amp; Pear Pie ',
      description: 'Flaky &amp; sweet.',
      recipeYield: ['8', '1 pie'],
      prepTime: 'PT30M',
      cookTime: 'PT1H',
      totalTime: 'P0DT1H30M',
      recipeCuisine: ['American', 'Vegetarian'],
      recipeCategory: 'Dessert, Baking',
      keywords: 'pie, apples, autumn, gluten free',
      suitableForDiet: ['https://schema.org/VegetarianDiet', 'https://schema.org/LowCalorieDiet'],
      tool: [{ '@type': 'HowToTool', name: '9-inch pie dish' }, 'rolling pin'],
      recipeIngredient: ['For the crust:', '2 1/2 cups flour', '1 cup cold butter, cubed', 'For the filling:', '3 apples, peeled and sliced', '2 pears'],
      recipeInstructions: [{ '@type': 'HowToStep', text: 'Make the crust.' }, { '@type': 'HowToStep', text: 'Fill and bake.' }],
      url: 'https://pies.example/apple-pear#recipe',
      publisher: { '@type': 'Organization', name: 'Pies Weekly' },
      author: { '@type': 'Person', name: 'June' },
    });
    expect(content).toMatchObject({
      title: 'Grandma’s Apple & Pear Pie',
      description: 'Flaky & sweet.',
      servings: { amount: 1, unit: 'pie' },
      prepMinutes: 30,
      cookMinutes: 60,
      totalMinutes: 90,
      cuisine: 'American',
      course: 'Dessert',
      equipment: ['9-inch pie dish', 'rolling pin'],
      source: { url: 'https://pies.example/apple-pear', name: 'Pies Weekly' },
    });
    expect(content.diets.sort()).toEqual(['gluten-free', 'vegetarian']);
    expect(content.tags).toEqual(['pie', 'apples', 'autumn', 'Baking', 'low calorie']);
    expect(content.ingredients.map((section) => [section.title, section.lines.map((line) => line.text)])).toEqual([
      ['For the crust', ['2 1/2 cups flour', '1 cup cold butter, cubed']],
      ['For the filling', ['3 apples, peeled and sliced', '2 pears']],
    ]);
    expect(content.ingredients[0]?.lines[0]).toMatchObject({ quantity: 2.5, unit: 'cup', name: 'flour' });
    expect(content.steps.map((step) => step.text)).toEqual(['Make the crust.', 'Fill and bake.']);
    expect(warnings).toEqual([]);
  });

  it('takes the old `ingredients` property, one text of lines, and an author when there is no publisher', () => {
    const { content } = mapSchemaOrgDocument(recipe({ recipeIngredient: undefined, ingredients: '2 eggs\r\n100 g sugar', author: [{ name: 'Ana' }, { name: 'Ben' }] }));
    expect(content.ingredients[0]?.lines.map((line) => line.text)).toEqual(['2 eggs', '100 g sugar']);
    expect(content.source).toEqual({ url: null, name: 'Ana, Ben' });
    expect(content.servings).toEqual({ amount: 4, unit: 'servings' });
  });

  it('keeps to the contract’s limits so a valid page never fails validation', () => {
    const { content, warnings } = mapSchemaOrgDocument(
      recipe({
        name: 'T'.repeat(400),
        description: 'D'.repeat(6000),
        recipeYield: '50000 servings',
        totalTime: 'P30D',
        keywords: Array.from({ length: 40 }, (_, i) => `tag ${i}`).concat('x'.repeat(41)),
        recipeCuisine: 'C'.repeat(80),
        recipeIngredient: Array.from({ length: 350 }, (_, i) => `${i + 1} g flour ${'x'.repeat(600)}`),
        recipeInstructions: Array.from({ length: 250 }, (_, i) => ({ '@type': 'HowToStep', text: `Step ${i} ${'y'.repeat(6000)}` })),
      }),
    );
    expect(content.title).toHaveLength(200);
    expect(content.description?.length).toBeLessThanOrEqual(5000);
    expect(content.servings.amount).toBe(10_000);
    expect(content.totalMinutes).toBe(20_160);
    expect(content.tags).toHaveLength(30);
    expect(content.cuisine?.length).toBeLessThanOrEqual(60);
    expect(content.ingredients.reduce((n, section) => n + section.lines.length, 0)).toBe(300);
    expect(content.ingredients.every((section) => section.lines.length <= 200 && section.lines.every((line) => line.text.length <= 500))).toBe(true);
    expect(content.steps).toHaveLength(200);
    expect(content.steps.every((step) => step.text.length <= 5000)).toBe(true);
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/50 ingredient lines/), expect.stringMatching(/50 steps/), expect.stringMatching(/tags/)]),
    );
  });

  it('refuses a Recipe without a name, or with neither ingredients nor steps, with the reasons', () => {
    const nameless = mapError(recipe({ name: ' <br> ' }));
    expect(nameless).toMatchObject({ code: 'import_unmappable', status: 422 });
    expect(nameless.errors).toEqual([{ field: 'title', message: 'the recipe has no name' }]);
    const empty = mapError(recipe({ recipeIngredient: [], recipeInstructions: [] }));
    expect(empty.errors).toEqual([{ field: 'ingredients', message: 'the recipe has neither ingredients nor steps' }]);
  });

  it('imports a recipe with steps but no ingredients, and one with ingredients but no steps', () => {
    expect(mapSchemaOrgDocument(recipe({ recipeIngredient: undefined })).content.ingredients).toEqual([{ title: null, lines: [] }]);
    expect(mapSchemaOrgDocument(recipe({ recipeInstructions: undefined })).content.steps).toEqual([]);
  });
});
