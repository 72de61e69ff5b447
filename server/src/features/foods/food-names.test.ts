import { describe, expect, it } from 'vitest';
import { foldFoodText, foodNameKey, foodNameKeys, singularizeWord } from './food-names.js';

describe('food name keys', () => {
  it('makes words singular, with the irregular plurals and the words that only look plural', () => {
    const cases: Record<string, string> = {
      tomatoes: 'tomato', berries: 'berry', leaves: 'leaf', peaches: 'peach', radishes: 'radish', eggs: 'egg', onions: 'onion',
      hummus: 'hummus', couscous: 'couscous', molasses: 'molasses', asparagus: 'asparagus', swiss: 'swiss', cookies: 'cookie', cloves: 'clove',
      chives: 'chive', anchovies: 'anchovy', glass: 'glass', oats: 'oats', pea: 'pea',
    };
    for (const [plural, singular] of Object.entries(cases)) expect(singularizeWord(plural), plural).toBe(singular);
  });

  it('folds case, accents, apostrophes, hyphens and parenthesised text', () => {
    expect(foldFoodText("Confectioners' Sugar (sifted)")).toBe('confectioners sugar');
    expect(foldFoodText('Crème Fraîche')).toBe('creme fraiche');
    expect(foodNameKey('All-Purpose FLOUR')).toBe('all purpose flour');
    expect(foodNameKey('Jalapeños')).toBe('jalapeno');
    expect(foodNameKey('  ')).toBe('');
  });

  it('tries the whole name first, then its endings, then the core without descriptors and part words', () => {
    expect(foodNameKeys('unsalted butter').exact[0]).toBe('unsalted butter');
    expect(foodNameKeys('fresh basil leaves').exact).toEqual(['fresh basil leaf', 'basil leaf', 'basil']);
    expect(foodNameKeys('extra-lean ground beef').exact).toContain('lean ground beef');
    expect(foodNameKeys('freshly ground black pepper').exact).toContain('black pepper');
    expect(foodNameKeys('garlic cloves').exact).toEqual(['garlic clove', 'garlic']);
  });

  it('tries the alternatives of "and" / "or", first one first, and drops what follows "for", but never reduces to a lone last word', () => {
    expect(foodNameKeys('butter or margarine').exact.slice(0, 2)).toEqual(['butter or margarine', 'butter']);
    expect(foodNameKeys('vegetable or olive oil').exact.slice(0, 3)).toEqual(['vegetable or olive oil', 'vegetable oil', 'olive oil']);
    expect(foodNameKeys('shrimp or chicken broth').exact.slice(0, 3)).toEqual(['shrimp or chicken broth', 'shrimp broth', 'chicken broth']);
    expect(foodNameKeys('half-and-half or milk').exact.slice(0, 2)).toEqual(['half and half or milk', 'half and half']);
    expect(foodNameKeys('coarse salt and freshly ground pepper').exact).toContain('salt');
    expect(foodNameKeys('half-and-half').exact[0]).toBe('half and half');
    expect(foodNameKeys('corn oil for frying').exact[0]).toBe('corn oil');
    expect(foodNameKeys('coconut milk').exact).toEqual(['coconut milk']);
    expect(foodNameKeys('fresh basil leaves').similar).toBe('basil');
    expect(foodNameKeys('2 cups flour').exact).toContain('flour');
  });
});
