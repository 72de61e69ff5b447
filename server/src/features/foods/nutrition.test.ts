import type { Nutrients } from '@tavola/contracts/foods';
import { describe, expect, it } from 'vitest';
import { computeNutrition, type NutritionFood } from './nutrition.js';

const nutrients = (energyKcal: number, proteinG: number, fatG: number, sodiumMg: number | null, sugarsG: number | null = 0): Nutrients => ({
  energyKcal, proteinG, fatG, saturatedFatG: fatG / 2, carbohydrateG: 1, sugarsG, fibreG: 0, sodiumMg,
});

// Per 100 g and portion weights as USDA SR28 gives them (Butter, salted 01001; Egg, whole, raw 01123; Garlic, raw 11215; Onions, raw 11282).
const foods = new Map<number, NutritionFood>([
  [1001, { nutrientsPer100g: nutrients(717, 0.85, 81.11, 643), densityGPerMl: 0.96, portions: [{ amount: 1, unit: 'pat (1" sq, 1/3" high)', grams: 5 }, { amount: 1, unit: 'tbsp', grams: 14.2 }, { amount: 1, unit: 'stick', grams: 113 }] }],
  [1123, { nutrientsPer100g: nutrients(143, 12.56, 9.51, 142), densityGPerMl: 1.027, portions: [{ amount: 1, unit: 'large', grams: 50 }, { amount: 1, unit: 'extra large', grams: 56 }, { amount: 1, unit: 'cup (4.86 large eggs)', grams: 243 }, { amount: 1, unit: 'medium', grams: 44 }] }],
  [11215, { nutrientsPer100g: nutrients(149, 6.36, 0.5, 17), densityGPerMl: 0.575, portions: [{ amount: 1, unit: 'cup', grams: 136 }, { amount: 3, unit: 'cloves', grams: 9 }] }],
  [11282, { nutrientsPer100g: nutrients(40, 1.1, 0.1, 4, null), densityGPerMl: 0.676, portions: [{ amount: 1, unit: 'cup, chopped', grams: 160 }, { amount: 1, unit: 'large', grams: 150 }, { amount: 1, unit: 'slice, large (1/4" thick)', grams: 38 }, { amount: 1, unit: 'medium (2-1/2" dia)', grams: 110 }] }],
  [99, { nutrientsPer100g: nutrients(100, 1, 1, 1), densityGPerMl: null, portions: [] }],
]);

describe('nutrition per serving', () => {
  it('weighs mass, volume (density) and count (portion weight) lines and divides by servings', () => {
    const summary = computeNutrition(
      [
        { quantity: 100, unit: 'g', foodId: 1001 }, // 100 g butter: 717 kcal
        { quantity: 2, unit: 'large', foodId: 1123 }, // 2 × 50 g egg: 143 kcal
        { quantity: 1, unit: 'cup', foodId: 11282 }, // 236.59 ml × 0.676 = 159.9 g onion: 64 kcal
      ],
      2,
      foods,
    );
    expect(summary.countedLines).toBe(3);
    expect(summary.uncounted).toEqual([]);
    expect(summary.total.energyKcal).toBe(Math.round(717 + 143 + (236.5882365 * 0.676 * 40) / 100));
    expect(summary.perServing.energyKcal).toBe(Math.round((717 + 143 + (236.5882365 * 0.676 * 40) / 100) / 2));
    expect(summary.perServing.sodiumMg).toBe(Math.round((643 + 142 + (236.5882365 * 0.676 * 4) / 100) / 2));
    // Onions have no sugars value in this fixture: the sugar figure is a lower bound.
    expect(summary.incomplete).toEqual(['sugarsG']);
  });

  it('counts cloves from a "3 cloves" portion, whole items by the medium portion, sticks, dozens and ranges', () => {
    const grams = (line: { quantity: number; quantityMax?: number; unit: string | null; foodId: number }) =>
      computeNutrition([line], 1, foods).total.energyKcal;
    expect(grams({ quantity: 2, unit: 'clove', foodId: 11215 })).toBe(Math.round((2 * 3 * 149) / 100));
    expect(grams({ quantity: 1, unit: null, foodId: 11282 })).toBe(Math.round((110 * 40) / 100));
    expect(grams({ quantity: 3, unit: null, foodId: 1123 })).toBe(Math.round((3 * 44 * 143) / 100));
    expect(grams({ quantity: 1, unit: 'extra_large', foodId: 1123 })).toBe(Math.round((56 * 143) / 100));
    expect(grams({ quantity: 1, unit: 'dozen', foodId: 1123 })).toBe(Math.round((12 * 44 * 143) / 100));
    expect(grams({ quantity: 0.5, unit: 'stick', foodId: 1001 })).toBe(Math.round((56.5 * 717) / 100));
    expect(grams({ quantity: 2, quantityMax: 4, unit: 'clove', foodId: 11215 })).toBe(Math.round((3 * 3 * 149) / 100));
    expect(grams({ quantity: 1, unit: 'lb', foodId: 1001 })).toBe(Math.round((453.59237 * 717) / 100));
  });

  it('leaves out, with the reason, every line it would have to guess', () => {
    const summary = computeNutrition(
      [
        { quantity: 1, unit: 'cup', foodId: null },
        { quantity: 1, unit: 'cup', foodId: 424242 },
        { quantity: null, unit: null, foodId: 1001 },
        { quantity: 1, unit: 'handful', foodId: 11215 },
        { quantity: 1, unit: 'cup', foodId: 99 },
        { quantity: 1, unit: 'can', foodId: 1123 },
        { quantity: 2, unit: 'inch', foodId: 11215 },
        { quantity: 1, unit: 'bushel', foodId: 11215 },
        { quantity: 1, unit: null, foodId: 99 },
      ],
      4,
      foods,
    );
    expect(summary.countedLines).toBe(0);
    expect(summary.uncounted.map((entry) => entry.reason)).toEqual([
      'no_food', 'unknown_food', 'no_quantity', 'no_portion', 'no_density', 'no_portion', 'unknown_unit', 'unknown_unit', 'no_portion',
    ]);
    expect(summary.uncounted.map((entry) => entry.line)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(summary.perServing.energyKcal).toBe(0);
  });

  it('refuses servings that are not above zero', () => {
    expect(() => computeNutrition([], 0, foods)).toThrow(/Servings/);
    expect(() => computeNutrition([], Number.NaN, foods)).toThrow(/Servings/);
  });
});
