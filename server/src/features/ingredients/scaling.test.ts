import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseIngredientLine } from './ingredient-parser.js';
import { scaleFactor, scaleIngredient } from './scaling.js';

describe('scaleFactor', () => {
  it('is the ratio of servings', () => {
    expect(scaleFactor(4, 6)).toBe(1.5);
    expect(scaleFactor(4, 2)).toBe(0.5);
  });

  it('refuses zero, negative and non-numeric servings', () => {
    expect(() => scaleFactor(0, 4)).toThrow(AppError);
    expect(() => scaleFactor(4, -1)).toThrow(AppError);
    expect(() => scaleFactor(Number.NaN, 4)).toThrow(AppError);
  });
});

describe('scaleIngredient', () => {
  it('scales the quantity and the range', () => {
    expect(scaleIngredient(parseIngredientLine('1 1/2 cups flour'), 2)).toMatchObject({ quantity: 3, quantityMax: null, unit: 'cup', name: 'flour' });
    expect(scaleIngredient(parseIngredientLine('2-3 cloves garlic'), 1.5)).toMatchObject({ quantity: 3, quantityMax: 4.5 });
    expect(scaleIngredient(parseIngredientLine('1/3 cup sugar'), 3).quantity).toBe(1);
  });

  it('scales a restated amount, but not the size of each item', () => {
    expect(scaleIngredient(parseIngredientLine('200 g (7 oz) butter'), 0.5)).toMatchObject({ quantity: 100, secondary: { quantity: 3.5, unit: 'oz' } });
    expect(scaleIngredient(parseIngredientLine('2 28-ounce cans tomatoes'), 2)).toMatchObject({ quantity: 4, secondary: { quantity: 28, unit: 'oz', each: true } });
  });

  it('leaves lines without a quantity and "to taste" lines as written', () => {
    const salt = parseIngredientLine('Salt to taste');
    expect(scaleIngredient(salt, 3)).toEqual(salt);
    const parsley = parseIngredientLine('Chopped parsley, for garnish');
    expect(scaleIngredient(parsley, 2)).toEqual(parsley);
    const tasteWithAmount = parseIngredientLine('1 teaspoon salt, to taste');
    expect(scaleIngredient(tasteWithAmount, 2).quantity).toBe(1);
    expect(scaleIngredient(parseIngredientLine('1/2 teaspoon salt, or to taste'), 2).quantity).toBe(1);
  });

  it('does not change the line it was given', () => {
    const line = parseIngredientLine('200 g (7 oz) butter');
    scaleIngredient(line, 3);
    expect(line).toMatchObject({ quantity: 200, secondary: { quantity: 7 } });
  });

  it('refuses a factor that is not a positive number', () => {
    const line = parseIngredientLine('1 egg');
    expect(() => scaleIngredient(line, 0)).toThrow(AppError);
    expect(() => scaleIngredient(line, Number.POSITIVE_INFINITY)).toThrow(AppError);
  });
});
