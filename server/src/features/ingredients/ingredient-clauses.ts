/**
 * The layout of a line around its name: parentheses taken out (each a second amount or a comment),
 * clauses split at commas and semicolons, and clauses that are amounts or preparations recognised.
 */
import type { SecondaryAmount } from '@tavola/contracts/ingredients';
import { readAmountWithUnit, readRange } from './amount-reader.js';
import { approximations, preparationAdverbs, preparationVerbs } from './ingredient-phrases.js';
import type { Token } from './ingredient-tokens.js';
import type { UnitDefinition } from './unit-table.js';

export interface Group {
  tokens: Token[];
  /** Index in the main token list the group stood before. */
  position: number;
  start: number;
}

/** Takes top-level parentheses and brackets out of the line; the rest is the main token list. */
export function extractGroups(tokens: readonly Token[]): { main: Token[]; groups: Group[] } {
  const main: Token[] = [];
  const groups: Group[] = [];
  let depth = 0;
  let current: Token[] = [];
  let start = 0;
  for (const token of tokens) {
    if (token.text === '(' || token.text === '[') {
      if (depth === 0) {
        current = [];
        start = token.start;
      } else current.push(token);
      depth += 1;
    } else if ((token.text === ')' || token.text === ']') && depth > 0) {
      depth -= 1;
      if (depth === 0) groups.push({ tokens: current, position: main.length, start });
      else current.push(token);
    } else if (depth > 0) current.push(token);
    else main.push(token);
  }
  if (depth > 0) groups.push({ tokens: current, position: main.length, start });
  return { main, groups };
}

/** Splits at top-level commas and semicolons; each clause keeps the separator before it. */
export function splitClauses(tokens: readonly Token[]): Token[][] {
  const clauses: Token[][] = [[]];
  for (const token of tokens) {
    if (token.text === ',' || token.text === ';') clauses.push([token]);
    else clauses[clauses.length - 1]?.push(token);
  }
  return clauses.filter((clause) => clause.some((token) => token.text !== ',' && token.text !== ';'));
}

/** A clause without its leading separator. */
export const clauseBody = (clause: readonly Token[]): Token[] => (clause[0]?.text === ',' || clause[0]?.text === ';' ? clause.slice(1) : [...clause]);

const eachWords = new Set(['each', 'apiece']);
const leadWords = new Set(['weighing', 'each', 'at', 'least', 'up', 'to', 'of']);
const totalWords = new Set(['total', 'all', 'in', 'net', 'weight', 'drained', 'or', 'so', 'more', 'altogether']);

export interface StandaloneAmount {
  quantity: number;
  quantityMax: number | null;
  unit: UnitDefinition | null;
  unitText: string | null;
  each: boolean;
}

/** "about 1 pound", "8 ounces each", "28-ounce", "about 20": an amount and nothing else. */
export function readStandaloneAmount(tokens: readonly Token[]): StandaloneAmount | null {
  let index = 0;
  let each = false;
  // "about", "weighing", "each about", "at least"
  for (let word = tokens[0]?.lower ?? ''; tokens[index] && (approximations.has(word) || leadWords.has(word) || word === '.'); word = tokens[index]?.lower ?? '') {
    if (eachWords.has(word)) each = true;
    index += 1;
  }
  const withUnit = readAmountWithUnit(tokens, index);
  if (withUnit?.remainder) return null;
  const plain = withUnit ? null : readRange(tokens, index);
  const amount = withUnit ?? plain;
  if (!amount) return null;
  for (let end = amount.end; end < tokens.length; end++) {
    const word = tokens[end]?.lower ?? '';
    if (eachWords.has(word)) each = true;
    else if (!totalWords.has(word) && word !== '.') return null;
  }
  return { quantity: amount.quantity, quantityMax: amount.quantityMax, unit: withUnit?.unit ?? null, unitText: withUnit?.unitText ?? null, each };
}

export const toSecondary = (amount: Omit<StandaloneAmount, 'each'>, each: boolean): SecondaryAmount => ({
  quantity: amount.quantity,
  quantityMax: amount.quantityMax,
  unit: amount.unit?.id ?? null,
  unitText: amount.unitText,
  each,
});

/** "finely chopped", "cut into strips", "at room temperature": a clause about preparing the food. */
export function isPreparationClause(tokens: readonly Token[]): boolean {
  const first = tokens.find((token) => token.text !== ',' && token.text !== ';');
  if (!first) return false;
  if (['cut', 'at', 'into', 'then', 'in'].includes(first.lower)) return true;
  return preparationAdverbs.has(first.lower) || (preparationVerbs.has(first.lower) && first.lower !== 'divided' && first.lower !== 'reserved');
}
