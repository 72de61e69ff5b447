import { describe, expect, it } from 'vitest';
import { foodNameKey } from '../../src/features/foods/food-names.js';
import { deriveFoodNames, descriptionSegments, isBrandSegment, stateAliases } from './common-names.js';
import { densityFromPortions } from './densities.js';
import { derivedFoodRank } from './food-rank.js';

const common = (description: string) => foodNameKey(deriveFoodNames(description).commonName);

describe('everyday names from SR28 descriptions', () => {
  it('turns head-first descriptions into the names recipes use', () => {
    const cases: Record<string, string> = {
      'Onions, raw': 'onion',
      'Butter, salted': 'butter',
      'Oil, olive, salad or cooking': 'olive oil',
      'Spices, pepper, black': 'black pepper',
      'Spices, cinnamon, ground': 'cinnamon',
      'Cheese, cheddar': 'cheddar cheese',
      'Beans, black, mature seeds, raw': 'black bean',
      'Milk, buttermilk, fluid, cultured, lowfat': 'buttermilk',
      'Soup, chicken broth, ready-to-serve': 'chicken broth',
      'Squash, summer, zucchini, includes skin, raw': 'zucchini',
      'Squash, winter, butternut, raw': 'butternut squash',
      'Peppers, sweet, red, raw': 'red bell pepper',
      'Chicken, broilers or fryers, breast, meat only, raw': 'chicken breast',
      'Pork, fresh, loin, tenderloin, separable lean only, raw': 'pork tenderloin',
      'Beef, ground, 80% lean meat / 20% fat, raw': 'ground beef',
      'Alcoholic beverage, wine, table, red': 'red wine',
      'Salt, table': 'salt',
      'Leeks, (bulb and lower leaf-portion), raw': 'leek',
      'Oranges, raw, navels': 'navel orange',
    };
    for (const [description, name] of Object.entries(cases)) expect(common(description), description).toBe(name);
  });

  it('keeps the kind without its variety, and the state a food is in, as extra names', () => {
    expect(deriveFoodNames('Fish, salmon, Atlantic, wild, raw')).toEqual({ commonName: 'atlantic salmon', genericName: 'salmon' });
    expect(stateAliases('Spices, thyme, dried', ['thyme'])).toEqual(['dried thyme']);
    expect(stateAliases('Tomatoes, red, ripe, canned, packed in tomato juice', ['red tomato', 'tomato'])).toEqual(['canned red tomato', 'canned tomato']);
  });

  it('splits at commas outside parentheses and recognises brands', () => {
    expect(descriptionSegments('Onions, spring or scallions (includes tops and bulb), raw')).toEqual(['Onions', 'spring or scallions', 'raw']);
    expect(isBrandSegment("KELLOGG'S")).toBe(true);
    expect(isBrandSegment("CAMPBELL'S Red and White")).toBe(true);
    expect(isBrandSegment('BBQ')).toBe(false);
    expect(isBrandSegment('raw')).toBe(false);
  });
});

describe('ranks and densities', () => {
  it('prefers raw, plain, generic foods to cooked, canned, reduced-fat, branded or baby foods', () => {
    const raw = derivedFoodRank('Onions, raw', '1100');
    expect(raw).toBeLessThan(derivedFoodRank('Onions, cooked, boiled, drained, without salt', '1100'));
    expect(raw).toBeLessThan(derivedFoodRank('Onions, canned, solids and liquids', '1100'));
    expect(derivedFoodRank('Milk, whole, 3.25% milkfat', '0100')).toBeLessThan(derivedFoodRank('Milk, lowfat, fluid, 1% milkfat', '0100'));
    expect(derivedFoodRank('Soup, chicken broth, ready-to-serve', '0600')).toBeLessThan(derivedFoodRank("CAMPBELL'S Red and White, Chicken Broth, condensed", '0600'));
    expect(derivedFoodRank('Babyfood, carrots, strained', '0300')).toBeGreaterThan(400);
  });

  it('derives g/ml from a plain volume portion first, else the first volume portion', () => {
    expect(densityFromPortions([{ amount: 1, unit: 'pat', grams: 5 }, { amount: 1, unit: 'tbsp', grams: 14.2 }])).toBeCloseTo(0.96, 2);
    expect(densityFromPortions([{ amount: 1, unit: 'cup, chopped', grams: 160 }, { amount: 1, unit: 'large', grams: 150 }])).toBeCloseTo(0.676, 3);
    expect(densityFromPortions([{ amount: 0.5, unit: 'cup', grams: 100 }])).toBeCloseTo(0.845, 3);
    expect(densityFromPortions([{ amount: 1, unit: 'large', grams: 50 }])).toBeNull();
  });
});
