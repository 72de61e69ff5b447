import type { Highlight } from '@tavola/contracts/search';
import { singularizeWord } from '../ingredients/index.js';

/**
 * Text as search compares it. Accents, case and punctuation never matter: both the indexed text and
 * the query are folded here, in TypeScript, before PostgreSQL stems them, so the `unaccent`
 * extension is not needed (and index expressions stay immutable). Letters of every script are kept.
 */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/þ/g, 'th')
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Most words a query is made of; the rest is ignored (a search box, not a document). */
export const maxQueryWords = 8;
const maxWordLength = 40;

/** The folded words of a query, at most `maxQueryWords`, each cut to 40 characters; never empty strings. */
export function queryWords(text: string): string[] {
  const folded = foldSearchText(text.slice(0, 1000));
  if (folded === '') return [];
  return folded
    .split(' ')
    .map((word) => word.slice(0, maxWordLength))
    .slice(0, maxQueryWords);
}

/** A rough stem for highlighting only (PostgreSQL stems for matching): singular, without -ing/-ed. */
function roughStem(word: string): string {
  const singular = singularizeWord(word);
  if (singular.length > 5 && singular.endsWith('ing')) return singular.slice(0, -3);
  if (singular.length > 4 && singular.endsWith('ed')) return singular.slice(0, -2);
  return singular;
}

export interface HighlightTerms {
  /** Whole words: match by rough stem ("cookies" marks "Cookie"). */
  words: string[];
  /** The word being typed: marks words starting with it. */
  prefix: string | null;
}

/** The terms to mark for a query: every word, the last one also as a prefix (it may be unfinished). */
export function highlightTerms(words: readonly string[]): HighlightTerms {
  const last = words.at(-1);
  return { words: words.map(roughStem), prefix: last && last.length >= 2 ? last : null };
}

function tokenMatches(token: string, terms: HighlightTerms): boolean {
  const folded = foldSearchText(token);
  if (folded === '') return false;
  if (terms.prefix && folded.startsWith(terms.prefix)) return true;
  const stem = roughStem(folded);
  return terms.words.some((word) => word === stem || (word.length >= 4 && stem.startsWith(word) && stem.length - word.length <= 2));
}

/** `text` cut into segments, the words matching the query marked. Plain text, never HTML. */
export function highlight(text: string, terms: HighlightTerms): Highlight {
  const segments: Highlight = [];
  const push = (part: string, match: boolean) => {
    if (part === '') return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += part;
    else segments.push({ text: part, match });
  };
  let at = 0;
  for (const found of text.matchAll(/[\p{L}\p{N}\p{M}'’]+/gu)) {
    const start = found.index ?? 0;
    const matched = tokenMatches(found[0], terms);
    push(text.slice(at, start), false);
    push(found[0], matched);
    at = start + found[0].length;
  }
  push(text.slice(at), false);
  return segments;
}

export const hasMatch = (segments: Highlight) => segments.some((segment) => segment.match);

/**
 * A short piece of `text` around its first match (about `width` characters, cut at word edges),
 * highlighted; null when nothing in it matches.
 */
export function snippet(text: string, terms: HighlightTerms, width = 120): Highlight | null {
  const whole = highlight(text, terms);
  if (!hasMatch(whole)) return null;
  if (text.length <= width) return whole;
  let offset = 0;
  for (const segment of whole) {
    if (segment.match) break;
    offset += segment.text.length;
  }
  let start = Math.max(0, offset - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  start = Math.max(0, end - width);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const piece = highlight(text.slice(start, end), terms);
  if (start > 0) piece.unshift({ text: '… ', match: false });
  if (end < text.length) piece.push({ text: ' …', match: false });
  return piece;
}
