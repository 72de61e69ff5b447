import { describe, expect, it } from 'vitest';
import { mapPlainTextRecipe } from './plain-text-recipe.js';

describe('plain text import', () => {
  it('reads a recipe with headings, sections, metadata lines and numbered steps', () => {
    const { content } = mapPlainTextRecipe(`# Weeknight Dal

A warming lentil curry.
Serves 4
Prep time: 10 min
Cook time: 1 hour

## Ingredients
- 1 cup red lentils, rinsed
- 1 onion, finely chopped
For the tadka:
* 2 tbsp ghee
* 1 tsp cumin seeds

## Instructions
1. Simmer the lentils in 3 cups of water
   until soft, about 20 minutes.
2. Fry the onion until golden.
3) Heat the ghee, add the cumin, pour over the dal.

Notes:
Keeps for three days.`);
    expect(content).toMatchObject({
      title: 'Weeknight Dal',
      description: 'A warming lentil curry.',
      servings: { amount: 4, unit: 'servings' },
      prepMinutes: 10,
      cookMinutes: 60,
      notes: 'Keeps for three days.',
    });
    expect(content.ingredients.map((section) => [section.title, section.lines.map((line) => line.text)])).toEqual([
      [null, ['1 cup red lentils, rinsed', '1 onion, finely chopped']],
      ['For the tadka', ['2 tbsp ghee', '1 tsp cumin seeds']],
    ]);
    expect(content.ingredients[0]?.lines[0]).toMatchObject({ quantity: 1, unit: 'cup' });
    expect(content.steps.map((step) => step.text)).toEqual([
      'Simmer the lentils in 3 cups of water until soft, about 20 minutes.',
      'Fry the onion until golden.',
      'Heat the ghee, add the cumin, pour over the dal.',
    ]);
  });

  it('without headings, takes lines that start with an amount as ingredients and the prose after them as steps', () => {
    const { content } = mapPlainTextRecipe(`Pancakes
200 g flour
2 eggs
300 ml milk
½ tsp salt
Whisk everything into a smooth batter and rest it for ten minutes.
Fry thin pancakes in a hot buttered pan.`);
    expect(content.title).toBe('Pancakes');
    expect(content.ingredients[0]?.lines.map((line) => line.text)).toEqual(['200 g flour', '2 eggs', '300 ml milk', '½ tsp salt']);
    expect(content.steps).toHaveLength(2);
  });

  it('reads other languages’ headings', () => {
    const { content } = mapPlainTextRecipe('Crêpes\n\nIngrédients :\n250 g de farine\n4 œufs\n\nPréparation :\nMélanger.\nCuire.');
    expect(content.ingredients[0]?.lines).toHaveLength(2);
    expect(content.steps.map((step) => step.text)).toEqual(['Mélanger.', 'Cuire.']);
  });

  it('refuses text that holds no recipe', () => {
    expect(() => mapPlainTextRecipe('Just a title')).toThrow(expect.objectContaining({ code: 'import_unmappable', status: 422 }));
    expect(() => mapPlainTextRecipe('   \n  ')).toThrow(expect.objectContaining({ code: 'import_unmappable' }));
  });
});
