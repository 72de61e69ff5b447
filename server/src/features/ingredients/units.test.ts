import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { findUnit, unitById, units } from './unit-table.js';
import { convertQuantity, formatFraction, formatQuantity, formatQuantityRange, resolveUnit, toUnitSystem } from './units.js';

const appError = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

describe('unit table', () => {
  it('has unique ids and aliases that point back to one unit', () => {
    expect(new Set(units.map((unit) => unit.id)).size).toBe(units.length);
    for (const unit of units) {
      expect(unit.factor).toBeGreaterThan(0);
      for (const alias of unit.aliases) expect(findUnit(alias)?.dimension, alias).toBeDefined();
      expect(findUnit(unit.singular)?.id).toBe(unit.id);
      expect(findUnit(unit.plural)?.id).toBe(unit.id);
    }
  });

  it.each([
    ['g', 'g'],
    ['grams', 'g'],
    ['Kilograms', 'kg'],
    ['ml', 'ml'],
    ['litres', 'l'],
    ['liter', 'l'],
    ['dl', 'dl'],
    ['cl', 'cl'],
    ['tsp', 'tsp'],
    ['t', 'tsp'],
    ['T', 'tbsp'],
    ['Tbsp', 'tbsp'],
    ['tbsp.', 'tbsp'],
    ['fl oz', 'fl_oz'],
    ['fl. oz.', 'fl_oz'],
    ['oz', 'oz'],
    ['lbs', 'lb'],
    ['c', 'cup'],
    ['cups', 'cup'],
    ['pints', 'pint'],
    ['qt', 'quart'],
    ['gallons', 'gallon'],
    ['cloves', 'clove'],
    ['pkg', 'package'],
    ['medium-size', 'medium'],
  ])('reads %s as %s', (text, id) => {
    expect(findUnit(text)?.id).toBe(id);
  });

  it('does not read ordinary words as units', () => {
    for (const word of ['in', 'a', 'salt', 'the', 'to']) expect(findUnit(word)).toBeUndefined();
  });
});

describe('convertQuantity', () => {
  it('converts within a dimension', () => {
    expect(convertQuantity(1, 'kg', 'g')).toBe(1000);
    expect(convertQuantity(1, 'lb', 'oz')).toBeCloseTo(16, 9);
    expect(convertQuantity(1, 'lb', 'g')).toBeCloseTo(453.59237, 6);
    expect(convertQuantity(1, 'tbsp', 'tsp')).toBeCloseTo(3, 9);
    expect(convertQuantity(1, 'cup', 'tbsp')).toBeCloseTo(16, 9);
    expect(convertQuantity(1, 'cup', 'ml')).toBeCloseTo(236.588, 3);
    expect(convertQuantity(1, 'gallon', 'quart')).toBeCloseTo(4, 9);
    expect(convertQuantity(2, 'l', 'dl')).toBeCloseTo(20, 9);
    expect(convertQuantity(1, 'inch', 'cm')).toBeCloseTo(2.54, 9);
    expect(convertQuantity(3, 'clove', 'cloves')).toBe(3);
  });

  it('converts between volume and mass through a density', () => {
    expect(convertQuantity(1, 'cup', 'g', { densityGPerMl: 0.53 })).toBeCloseTo(125.39, 2);
    expect(convertQuantity(1000, 'g', 'l', { densityGPerMl: 1 })).toBeCloseTo(1, 9);
    expect(convertQuantity(100, 'g', 'ml', { densityGPerMl: 0.5 })).toBeCloseTo(200, 9);
  });

  it('refuses incompatible units and mass <-> volume without a density (422 incompatible_units)', () => {
    const noDensity = appError(() => convertQuantity(1, 'cup', 'g'));
    expect(noDensity).toMatchObject({ code: 'incompatible_units', status: 422, errors: [{ field: 'density' }] });
    expect(appError(() => convertQuantity(1, 'clove', 'g'))).toMatchObject({ code: 'incompatible_units', status: 422 });
    expect(appError(() => convertQuantity(1, 'can', 'package')).code).toBe('incompatible_units');
    expect(appError(() => convertQuantity(1, 'inch', 'g')).code).toBe('incompatible_units');
  });

  it('refuses unknown units naming the field (422 unknown_unit)', () => {
    expect(appError(() => convertQuantity(1, 'smidgeon', 'g'))).toMatchObject({ code: 'unknown_unit', status: 422, errors: [{ field: 'from' }] });
    expect(appError(() => convertQuantity(1, 'g', 'furlong'))).toMatchObject({ code: 'unknown_unit', errors: [{ field: 'to' }] });
    expect(appError(() => resolveUnit('nope')).errors).toEqual([{ field: 'unit', message: 'is not a known unit' }]);
  });
});

describe('toUnitSystem', () => {
  it.each([
    [1000, 'g', 'metric', 1, 'kg'],
    [250, 'g', 'metric', 250, 'g'],
    [0.5, 'kg', 'metric', 500, 'g'],
    [16, 'oz', 'us', 1, 'lb'],
    [8, 'oz', 'us', 8, 'oz'],
    [1, 'lb', 'metric', 453.59237, 'g'],
    [3, 'tsp', 'us', 1, 'tbsp'],
    [4, 'tbsp', 'us', 0.25, 'cup'],
    [2, 'tbsp', 'us', 2, 'tbsp'],
    [0.125, 'cup', 'us', 2, 'tbsp'],
    [1, 'tsp', 'us', 1, 'tsp'],
    [16, 'cup', 'us', 1, 'gallon'],
    [4, 'cup', 'us', 1, 'quart'],
    [2, 'tbsp', 'metric', 2, 'tbsp'],
    [3, 'tsp', 'metric', 1, 'tbsp'],
    [1, 'cup', 'metric', 236.5882365, 'ml'],
    [1500, 'ml', 'metric', 1.5, 'l'],
    [500, 'ml', 'us', 2.1134, 'cup'],
    [2, 'inch', 'metric', 5.08, 'cm'],
    [3, 'clove', 'metric', 3, 'clove'],
    [1, 'pinch', 'metric', 1, 'pinch'],
  ] as const)('%d %s in %s -> %d %s', (amount, unit, system, expectedAmount, expectedUnit) => {
    const result = toUnitSystem(amount, unit, system);
    expect(result.unit).toBe(expectedUnit);
    expect(result.amount).toBeCloseTo(expectedAmount, 3);
  });

  it('changes dimension through a density when asked (metric cooks weigh flour)', () => {
    const flour = toUnitSystem(2, 'cup', 'metric', { densityGPerMl: 0.53, dimension: 'mass' });
    expect(flour.unit).toBe('g');
    expect(flour.amount).toBeCloseTo(250.78, 1);
    expect(toUnitSystem(2, 'cup', 'metric', { dimension: 'mass' }).unit).toBe('ml');
  });
});

describe('formatQuantity', () => {
  it('writes cups and spoons with kitchen fractions', () => {
    expect(formatQuantity(0.25, 'cup')).toBe('1/4 cup');
    expect(formatQuantity(1 / 3, 'cup')).toBe('1/3 cup');
    expect(formatQuantity(0.5, 'tsp')).toBe('1/2 tsp');
    expect(formatQuantity(2 / 3, 'cup')).toBe('2/3 cup');
    expect(formatQuantity(0.75, 'tbsp')).toBe('3/4 tbsp');
    expect(formatQuantity(0.125, 'tsp')).toBe('1/8 tsp');
    expect(formatQuantity(1.5, 'cup')).toBe('1 1/2 cups');
    expect(formatQuantity(2, 'cup')).toBe('2 cups');
    expect(formatQuantity(1, 'cup')).toBe('1 cup');
    expect(formatQuantity(0.99, 'cup')).toBe('1 cup');
    expect(formatQuantity(2.1134, 'cup')).toBe('2 1/8 cups');
  });

  it('writes grams and millilitres to a sensible precision, switching to kg and l', () => {
    expect(formatQuantity(453.59237, 'g')).toBe('454 g');
    expect(formatQuantity(7.25, 'g')).toBe('7.3 g');
    expect(formatQuantity(5, 'g')).toBe('5 g');
    expect(formatQuantity(1500, 'g')).toBe('1.5 kg');
    expect(formatQuantity(1000, 'g')).toBe('1 kg');
    expect(formatQuantity(0.25, 'kg')).toBe('250 g');
    expect(formatQuantity(236.5882365, 'ml')).toBe('237 ml');
    expect(formatQuantity(2000, 'ml')).toBe('2 l');
    expect(formatQuantity(0.04, 'g')).toBe('0.04 g');
  });

  it('names counts and sizes in the singular or plural', () => {
    expect(formatQuantity(2, 'clove')).toBe('2 cloves');
    expect(formatQuantity(1, 'clove')).toBe('1 clove');
    expect(formatQuantity(0.5, 'can')).toBe('1/2 can');
    expect(formatQuantity(3, 'large')).toBe('3 large');
    expect(formatQuantity(1.5, 'lb')).toBe('1 1/2 lb');
    expect(formatQuantity(2, null)).toBe('2');
    expect(formatFraction(0.02)).toBe('0.02');
    expect(unitById('fl_oz')?.abbreviation).toBe('fl oz');
  });

  it('writes ranges in the unit of their high end', () => {
    expect(formatQuantityRange(2, 3, 'clove')).toBe('2-3 cloves');
    expect(formatQuantityRange(0.5, 1, 'cup')).toBe('1/2-1 cup');
    expect(formatQuantityRange(800, 1200, 'g')).toBe('0.8-1.2 kg');
    expect(formatQuantityRange(1, 2, null)).toBe('1-2');
  });
});
