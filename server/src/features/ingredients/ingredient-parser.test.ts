import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectedFields, type LabelledLine, readCuratedJsonl, readLabelledCsv, scoreParsed } from '../../../test/ingredient-labels.js';
import { parseIngredientLine } from './ingredient-parser.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/ingredients');

function accuracy(lines: readonly LabelledLine[]) {
  const misses: Record<'quantity' | 'unit' | 'name', string[]> = { quantity: [], unit: [], name: [] };
  for (const line of lines) {
    const parsed = parseIngredientLine(line.input);
    const scores = scoreParsed(parsed, expectedFields(line));
    for (const field of ['quantity', 'unit', 'name'] as const) {
      if (!scores[field]) misses[field].push(`${line.input} -> ${JSON.stringify({ quantity: parsed.quantity, unit: parsed.unit, name: parsed.name })}`);
    }
  }
  const share = (field: keyof typeof misses) => 1 - misses[field].length / lines.length;
  return { quantity: share('quantity'), unit: share('unit'), name: share('name'), misses };
}

describe('labelled lines (committed samples of the real sets)', () => {
  it("scores strangetom's 152 curated cases: quantity 100%, unit and name at least 95%", () => {
    const cases = readCuratedJsonl(readFileSync(path.join(fixtures, 'curated-cases.jsonl'), 'utf8'));
    expect(cases).toHaveLength(152);
    const result = accuracy(cases);
    expect(result.misses.quantity).toEqual([]);
    expect(result.unit, result.misses.unit.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(result.name, result.misses.name.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('scores the 80-line NYT sample: quantity and unit at least 95%, name at least 88%', () => {
    const lines = readLabelledCsv(readFileSync(path.join(fixtures, 'nyt-sample.csv'), 'utf8'));
    expect(lines).toHaveLength(80);
    const result = accuracy(lines);
    expect(result.quantity, result.misses.quantity.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(result.unit, result.misses.unit.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(result.name, result.misses.name.join('\n')).toBeGreaterThanOrEqual(0.88);
  });
});

const parse = parseIngredientLine;

describe('quantities', () => {
  it.each([
    ['2 eggs', 2],
    ['1.5 kg potatoes', 1.5],
    ['1/2 cup milk', 0.5],
    ['1 1/2 cups flour', 1.5],
    ['1-1/2 cups flour', 1.5],
    ['½ tsp salt', 0.5],
    ['1½ cups water', 1.5],
    ['1 ½ cups water', 1.5],
    ['¾ cup sugar', 0.75],
    ['2⁄3 cup oats', 2 / 3],
    ['one egg', 1],
    ['twelve eggs', 12],
    ['a pinch of salt', 1],
    ['an onion, diced', 1],
    ['a couple of bay leaves', 2],
    ['half a lemon', 0.5],
    ['1,5 l milk', 1.5],
  ])('%s -> %d', (line, quantity) => {
    expect(parse(line).quantity).toBeCloseTo(quantity, 6);
  });

  it.each([
    ['2-3 cloves garlic', 2, 3],
    ['2 to 3 tbsp olive oil', 2, 3],
    ['6–8 mushrooms', 6, 8],
    ['1/4 to 1/2 teaspoon cayenne', 0.25, 0.5],
    ['1 or 2 jalapeños', 1, 2],
    ['100-110 g butter', 100, 110],
  ])('range %s -> %d..%d', (line, low, high) => {
    expect(parse(line)).toMatchObject({ quantity: low, quantityMax: high });
  });

  it('leaves lines without an amount without a quantity', () => {
    expect(parse('Salt and freshly ground black pepper')).toMatchObject({ quantity: null, unit: null, name: 'Salt and freshly ground black pepper' });
    expect(parse('A few sprigs of thyme')).toMatchObject({ quantity: null, unit: 'sprig', name: 'thyme' });
  });
});

describe('units', () => {
  it.each([
    ['500 g flour', 'g'],
    ['500g flour', 'g'],
    ['2 grams saffron', 'g'],
    ['1 kg potatoes', 'kg'],
    ['5 mg salt', 'mg'],
    ['100 ml double cream', 'ml'],
    ['2 dl cream', 'dl'],
    ['5 cl rum', 'cl'],
    ['1 litre milk', 'l'],
    ['1 liter milk', 'l'],
    ['1 tsp. vanilla', 'tsp'],
    ['2 teaspoons sugar', 'tsp'],
    ['3 T butter', 'tbsp'],
    ['1 Tbsp oil', 'tbsp'],
    ['2 tablespoons oil', 'tbsp'],
    ['1 C sugar', 'cup'],
    ['2 cups stock', 'cup'],
    ['1 fl oz gin', 'fl_oz'],
    ['2 fluid ounces gin', 'fl_oz'],
    ['8 oz cheese', 'oz'],
    ['2 ounces cheese', 'oz'],
    ['2 lbs potatoes', 'lb'],
    ['1 pound beef', 'lb'],
    ['1 pint cream', 'pint'],
    ['2 quarts water', 'quart'],
    ['1 gallon water', 'gallon'],
    ['1 stick butter', 'stick'],
    ['1 can tomatoes', 'can'],
    ['3 cloves garlic', 'clove'],
    ['a dash of hot sauce', 'dash'],
    ['4 slices bread', 'slice'],
    ['2 pieces chicken', 'piece'],
    ['1 bunch parsley', 'bunch'],
    ['2 sprigs thyme', 'sprig'],
    ['a handful of spinach', 'handful'],
    ['1 pkg cream cheese', 'package'],
    ['3 large eggs', 'large'],
    ['1 medium-size onion', 'medium'],
    ['3 garlic cloves', 'clove'],
    ['2 celery stalks, sliced', 'stalk'],
  ])('%s -> %s', (line, unit) => {
    expect(parse(line).unit).toBe(unit);
  });

  it('keeps the unit as written, with its modifiers', () => {
    expect(parse('2 heaping tablespoons brown sugar')).toMatchObject({ unit: 'tbsp', unitText: 'heaping tablespoons', name: 'brown sugar' });
    expect(parse('4 large cloves garlic')).toMatchObject({ quantity: 4, unit: 'clove', unitText: 'large cloves', name: 'garlic' });
    expect(parse('4 large garlic cloves, peeled')).toMatchObject({ unit: 'clove', unitText: 'large cloves', name: 'garlic', preparation: 'peeled' });
  });

  it('reads a word as the food when nothing follows it: "8 cloves"', () => {
    expect(parse('8 cloves')).toMatchObject({ quantity: 8, unit: null, name: 'cloves' });
  });
});

describe('second amounts and sizes', () => {
  it('reads a restated amount in parentheses', () => {
    expect(parse('200 g (7 oz) butter')).toMatchObject({ quantity: 200, unit: 'g', name: 'butter', secondary: { quantity: 7, unit: 'oz', each: false } });
    expect(parse('1 cup (240 ml) milk')).toMatchObject({ unit: 'cup', name: 'milk', secondary: { quantity: 240, unit: 'ml', each: false } });
    expect(parse('8 tablespoons (1 stick) butter')).toMatchObject({ unit: 'tbsp', secondary: { quantity: 1, unit: 'stick' } });
  });

  it('reads the size of each item', () => {
    expect(parse('2 28-ounce cans crushed tomatoes')).toMatchObject({ quantity: 2, unit: 'can', name: 'crushed tomatoes', secondary: { quantity: 28, unit: 'oz', each: true } });
    expect(parse('1 (10-ounce) package frozen spinach, thawed')).toMatchObject({ quantity: 1, unit: 'package', name: 'frozen spinach', preparation: 'thawed', secondary: { quantity: 10, each: true } });
    expect(parse('1 can (14 oz) tomatoes').secondary).toMatchObject({ quantity: 14, unit: 'oz', each: true });
    expect(parse('3 apples (8 ounces each)')).toMatchObject({ quantity: 3, unit: null, secondary: { quantity: 8, unit: 'oz', each: true } });
    expect(parse('2 x 400g tins chopped tomatoes')).toMatchObject({ quantity: 2, unit: 'can', secondary: { quantity: 400, unit: 'g', each: true } });
    expect(parse('1 2 1/2-pound chunk of slab bacon').secondary).toMatchObject({ quantity: 2.5, unit: 'lb' });
    expect(parse('1 8- to 10-pound goose')).toMatchObject({ quantity: 1, name: 'goose', secondary: { quantity: 8, quantityMax: 10, unit: 'lb' } });
  });

  it('reads an amount after a comma as the second amount', () => {
    expect(parse('1 celery root, about 1 1/2 pounds, peeled')).toMatchObject({ name: 'celery root', secondary: { quantity: 1.5, unit: 'lb', each: false }, preparation: 'peeled' });
    expect(parse('4 large eggplants, about 1 1/2 pounds each').secondary).toMatchObject({ quantity: 1.5, each: true });
  });

  it('keeps "plus" and "or" amounts as a comment', () => {
    expect(parse('1/2 cup plus 2 tablespoons sugar')).toMatchObject({ quantity: 0.5, unit: 'cup', name: 'sugar', comment: 'plus 2 tablespoons' });
    expect(parse('1 tablespoon chopped fresh oregano or 1 teaspoon dried')).toMatchObject({ name: 'fresh oregano', preparation: 'chopped', comment: 'or 1 teaspoon dried' });
  });
});

describe('name, preparation and comment', () => {
  it('splits preparation after a comma and before the name', () => {
    expect(parse('1 1/2 cups finely chopped onion')).toMatchObject({ name: 'onion', preparation: 'finely chopped' });
    expect(parse('2 carrots, peeled and diced')).toMatchObject({ name: 'carrots', preparation: 'peeled and diced' });
    expect(parse('Freshly ground black pepper')).toMatchObject({ name: 'black pepper', preparation: 'Freshly ground' });
    expect(parse('1 pound ground beef')).toMatchObject({ name: 'ground beef', preparation: null });
    expect(parse('1 cup chopped, peeled tomatoes')).toMatchObject({ name: 'tomatoes', preparation: 'chopped, peeled' });
  });

  it('keeps comments: divided, alternatives, notes, purposes', () => {
    expect(parse('1 cup sugar, divided')).toMatchObject({ name: 'sugar', comment: 'divided' });
    expect(parse('2 tablespoons butter, plus more for greasing')).toMatchObject({ name: 'butter', comment: 'plus more for greasing' });
    expect(parse('Parsley, for garnish')).toMatchObject({ quantity: null, name: 'Parsley', comment: 'for garnish' });
    expect(parse('Vegetable oil for frying')).toMatchObject({ name: 'Vegetable oil', comment: 'for frying' });
    expect(parse('1 tablespoon pear liqueur (or brandy)')).toMatchObject({ name: 'pear liqueur', comment: '(or brandy)' });
    expect(parse('Juice of 1 lemon')).toMatchObject({ quantity: 1, name: 'lemon', comment: 'Juice of' });
  });

  it('flags optional lines and "to taste"', () => {
    expect(parse('1/4 cup chopped fresh basil (optional)')).toMatchObject({ name: 'fresh basil', optional: true, toTaste: false });
    expect(parse('Chervil sprigs for garnish, optional')).toMatchObject({ optional: true, unit: 'sprig', name: 'Chervil' });
    expect(parse('Salt and pepper to taste')).toMatchObject({ quantity: null, name: 'Salt and pepper', comment: 'to taste', toTaste: true });
    expect(parse('1/2 teaspoon salt, or to taste')).toMatchObject({ quantity: 0.5, toTaste: false, comment: 'or to taste' });
  });

  it('keeps the original text and leaves the food to the catalogue', () => {
    const line = '  1 ½ cups  water ';
    expect(parse(line)).toMatchObject({ original: line, food: null, name: 'water' });
  });

  it('survives odd input without throwing', () => {
    for (const line of ['', '   ', '(', ')', ', ,', '1/0 cup', '-', '1 -', 'cup', '½', '1 2 3 4', 'x'.repeat(500), '((1 cup) sugar', 'a', '1 (']) {
      expect(() => parse(line)).not.toThrow();
    }
    expect(parse('1/0 cup sugar').quantity).not.toBe(Number.POSITIVE_INFINITY);
  });
});
