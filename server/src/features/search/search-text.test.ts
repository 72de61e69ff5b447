import { describe, expect, it } from 'vitest';
import { decodeSearchCursor, encodeSearchCursor, queryFingerprint } from './search-cursor.js';
import { bayesianRating } from './search-document.js';
import type { SearchRequest } from './search-index.js';
import { familiesNamed, familyTagsOf } from './ingredient-families.js';
import { guessLanguage } from './search-language.js';
import { foldSearchText, highlight, highlightTerms, queryWords, snippet } from './search-text.js';

describe('folding', () => {
  it('drops accents, case and punctuation, keeps letters of every script', () => {
    expect(foldSearchText('Crème Brûlée')).toBe('creme brulee');
    expect(foldSearchText("Grandma's Smørrebrød & Æbleskiver!")).toBe('grandmas smorrebrod and aebleskiver');
    expect(foldSearchText('Straße — Łódź')).toBe('strasse lodz');
    expect(foldSearchText('寿司 Ρόδι')).toBe('寿司 ροδι');
    expect(foldSearchText("'; drop table x; --")).toBe('drop table x');
  });

  it('cuts a query into at most eight words of at most 40 letters', () => {
    expect(queryWords('  Chicken   TIKKA!! ')).toEqual(['chicken', 'tikka']);
    expect(queryWords('|!():*<>')).toEqual([]);
    expect(queryWords('mac & cheese')).toEqual(['mac', 'and', 'cheese']);
    expect(queryWords('a b c d e f g h i j')).toHaveLength(8);
    expect(queryWords('x'.repeat(100))[0]).toHaveLength(40);
  });
});

describe('highlights', () => {
  it('marks whole words by rough stem and the last word as a prefix', () => {
    expect(highlight('Chocolate Chip Cookies', highlightTerms(['cookie', 'choc']))).toEqual([
      { text: 'Chocolate', match: true },
      { text: ' Chip ', match: false },
      { text: 'Cookies', match: true },
    ]);
    expect(highlight('Piece of pie', highlightTerms(['pie', 'of']))).toEqual([
      { text: 'Piece ', match: false },
      { text: 'of', match: true },
      { text: ' ', match: false },
      { text: 'pie', match: true },
    ]);
    expect(highlight('Crème Brûlée', highlightTerms(['creme']))).toEqual([
      { text: 'Crème', match: true },
      { text: ' Brûlée', match: false },
    ]);
  });

  it('cuts a snippet around the first match, or gives null', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(10)}Then add the saffron and stir. ${'Consectetur adipiscing elit. '.repeat(10)}`;
    const piece = snippet(text, highlightTerms(['saffron'])) ?? [];
    expect(piece[0]).toEqual({ text: '… ', match: false });
    expect(piece.at(-1)).toEqual({ text: ' …', match: false });
    expect(piece.filter((part) => part.match).map((part) => part.text)).toEqual(['saffron']);
    expect(piece.map((part) => part.text).join('').length).toBeLessThan(140);
    expect(snippet(text, highlightTerms(['paprika']))).toBeNull();
  });
});

describe('languages', () => {
  it('guesses from common words, or says it is unsure', () => {
    expect(guessLanguage('preheat the oven and add the butter to the flour until it is golden')).toBe('en');
    expect(guessLanguage('faire fondre le beurre et ajouter la farine avec le sucre dans une casserole')).toBe('fr');
    expect(guessLanguage('aggiungere il sale e la farina con il burro nel tegame per due minuti')).toBe('it');
    expect(guessLanguage('añadir la sal y el azúcar con la harina en una olla hasta que hierva')).toBe('es');
    expect(guessLanguage('die Butter mit dem Zucker und der Milch in einer Schüssel verrühren')).toBe('de');
    expect(guessLanguage('Pesto')).toBeNull();
  });
});

describe('ingredient families', () => {
  it('knows nuts by other names and leaves look-alikes out', () => {
    for (const key of ['walnut', 'toasted pine nut', 'almond', 'peanut butter', 'pistachio', 'basil pesto', 'marzipan']) expect(familyTagsOf(key), key).toContain('family:nut');
    for (const key of ['nutmeg', 'coconut milk', 'water chestnut', 'butternut squash', 'doughnut']) expect(familyTagsOf(key), key).not.toContain('family:nut');
  });

  it('knows dairy, gluten and seafood with their exceptions', () => {
    expect(familyTagsOf('cheddar cheese')).toContain('family:dairy');
    expect(familyTagsOf('peanut butter')).not.toContain('family:dairy');
    expect(familyTagsOf('coconut milk')).not.toContain('family:dairy');
    expect(familyTagsOf('all purpose flour')).toContain('family:gluten');
    expect(familyTagsOf('rice flour')).not.toContain('family:gluten');
    expect(familyTagsOf('soy sauce')).toEqual(expect.arrayContaining(['family:gluten', 'family:soy']));
    expect(familyTagsOf('shrimp')).toContain('family:shellfish');
    expect(familyTagsOf('oyster sauce')).not.toContain('family:shellfish');
  });

  it('maps what users type to families', () => {
    expect(familiesNamed('nut')).toEqual(['family:nut']);
    expect(familiesNamed('seafood')).toEqual(['family:shellfish', 'family:fish']);
    expect(familiesNamed('walnut')).toEqual([]);
  });
});

describe('ratings and cursors', () => {
  it('ranks many good ratings above a lone five', () => {
    expect(bayesianRating(4.8, 200)).toBeGreaterThan(bayesianRating(5, 1));
    expect(bayesianRating(null, 0)).toBe(3.5);
  });

  it('round-trips a cursor and refuses one from another search, sort or altered', () => {
    const request: Pick<SearchRequest, 'words' | 'filters' | 'sort'> = {
      words: ['soup'],
      sort: 'newest',
      filters: { cuisine: [], course: [], diet: [], tag: [], minMinutes: null, maxMinutes: null, minRating: null, hasPhoto: null, author: null, include: [], exclude: [], minServings: null, maxServings: null, language: null },
    };
    const fingerprint = queryFingerprint(request);
    const cursor = { sort: 'newest' as const, key: '2026-01-02T03:04:05.123456Z', id: '0b6e2d3c-1f0a-4c5e-9d7b-123456789abc' };
    const text = encodeSearchCursor(fingerprint, cursor);
    expect(decodeSearchCursor(fingerprint, 'newest', text)).toEqual(cursor);
    expect(() => decodeSearchCursor(queryFingerprint({ ...request, words: ['stew'] }), 'newest', text)).toThrow('The cursor is not valid');
    expect(() => decodeSearchCursor(fingerprint, 'rating', text)).toThrow('The cursor is not valid');
    for (const bad of ['', 'xyz', Buffer.from('null').toString('base64url'), Buffer.from(JSON.stringify({ f: fingerprint, s: 'newest', k: "'; --", i: cursor.id })).toString('base64url')]) {
      expect(() => decodeSearchCursor(fingerprint, 'newest', bad)).toThrow('The cursor is not valid');
    }
    const corrected = encodeSearchCursor(fingerprint, { ...cursor, words: ['soups'] });
    expect(decodeSearchCursor(fingerprint, 'newest', corrected).words).toEqual(['soups']);
  });
});
