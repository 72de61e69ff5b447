/**
 * Reads amounts from a token list: numbers (mixed, fractions, words), ranges ("2-3", "2 to 3",
 * "8- to 10-"), units (the longest spelling that matches, "fl oz" before "fl"), and hyphenated
 * sizes ("28-ounce", "2 1/2-pound", "1/2-inch-thick").
 */
import type { Token } from './ingredient-tokens.js';
import { isProperFraction, numberWords, parseNumber } from './quantity-parser.js';
import { findUnit, longestAliasWords, type UnitDefinition } from './unit-table.js';

export interface NumberRead {
  value: number;
  end: number;
}

export interface RangeRead {
  quantity: number;
  quantityMax: number | null;
  end: number;
}

export interface UnitRead {
  unit: UnitDefinition;
  /** The words as written ("tablespoons", "fl. oz"). */
  text: string;
  end: number;
  /** Set when the unit was the first part of a hyphenated word ("inch" in "inch-thick"): the rest. */
  remainder: string | null;
}

export interface SizeRead extends RangeRead {
  unit: UnitDefinition;
  unitText: string;
  remainder: string | null;
}

const isHyphenJoined = (tokens: readonly Token[], index: number) => {
  const hyphen = tokens[index];
  const next = tokens[index + 1];
  return hyphen?.text === '-' && !hyphen.spaceBefore && next !== undefined && !next.spaceBefore;
};

/**
 * One number: "2", "1 1/2", "1-1/2", "1.5", "½" (normalised), "two", "half". In a line's first
 * amount a fraction joined to a unit is a size of its own ("8 1/2-inch-thick slices": 8); in a
 * size (`joinHyphenatedFraction`) it belongs to the number ("2 1/2-pound chunk": 2.5).
 */
export function readNumber(tokens: readonly Token[], index: number, joinHyphenatedFraction = false): NumberRead | null {
  const token = tokens[index];
  if (!token) return null;
  if (token.kind === 'word') {
    const value = numberWords[token.lower];
    if (value === undefined || token.lower === 'couple' || token.lower === 'third' || token.lower === 'quarter') return null;
    return { value, end: index + 1 };
  }
  if (token.kind !== 'number') return null;
  const whole = parseNumber(token.text);
  if (whole === null) return null;
  const next = tokens[index + 1];
  if (Number.isInteger(whole) && !token.text.includes('/')) {
    // "1 1/2", unless the fraction is a size of its own ("8 1/2-inch-thick slices").
    if (next?.kind === 'number' && next.spaceBefore && isProperFraction(next.text) && (joinHyphenatedFraction || !isHyphenJoined(tokens, index + 2))) {
      return { value: whole + (parseNumber(next.text) ?? 0), end: index + 2 };
    }
    // "1-1/2"
    const afterHyphen = tokens[index + 2];
    if (isHyphenJoined(tokens, index + 1) && afterHyphen?.kind === 'number' && isProperFraction(afterHyphen.text)) {
      return { value: whole + (parseNumber(afterHyphen.text) ?? 0), end: index + 3 };
    }
  }
  return { value: whole, end: index + 1 };
}

/** A number or a range: "2-3", "2 to 3", "2 or 3", "1/4 to 1/2", "8- to 10-" (the trailing hyphen is left). */
export function readRange(tokens: readonly Token[], index: number, joinHyphenatedFraction = false): RangeRead | null {
  const first = readNumber(tokens, index, joinHyphenatedFraction);
  if (!first) return null;
  let cursor = first.end;
  const separator = tokens[cursor];
  let afterSeparator = cursor + 1;
  if (separator?.text === '-' && tokens[cursor + 1]?.lower === 'to') afterSeparator = cursor + 2; // "8- to 10-pound"
  if (separator && (separator.text === '-' || separator.lower === 'to' || separator.lower === 'or')) {
    const second = readNumber(tokens, afterSeparator, joinHyphenatedFraction);
    if (second && second.value > first.value && (separator.text !== '-' || tokens[afterSeparator]?.kind === 'number' || separator.spaceBefore)) {
      cursor = second.end;
      return { quantity: first.value, quantityMax: second.value, end: cursor };
    }
  }
  return { quantity: first.value, quantityMax: null, end: cursor };
}

/** The longest unit spelling starting at index ("fl oz", "fluid ounces", "tbsp.", "T"). */
export function readUnit(tokens: readonly Token[], index: number): UnitRead | null {
  const first = tokens[index];
  if (first?.kind !== 'word') return null;
  for (let length = Math.min(longestAliasWords + 1, tokens.length - index); length >= 1; length--) {
    const slice = tokens.slice(index, index + length);
    if (slice.some((token, position) => position > 0 && token.kind === 'number')) continue;
    const last = slice[slice.length - 1];
    if (length > 1 && last?.kind !== 'word') continue;
    const text = slice.map((token) => token.text).join(' ').replace(/ \. ?/g, '. ');
    const unit = findUnit(text);
    if (!unit) continue;
    let end = index + length;
    // "oz." "tbsp.": the abbreviation's full stop belongs to it.
    if (tokens[end]?.text === '.' && !tokens[end]?.spaceBefore && (unit.abbreviation !== null || text.length <= 4)) end += 1;
    return { unit, text, end, remainder: null };
  }
  // "inch-thick", "ounce-size": a unit joined to a describing word.
  const [head, ...rest] = first.text.split('-');
  const unit = head && head.length > 1 && rest.length > 0 ? findUnit(head.toLowerCase()) : undefined;
  if (unit && unit.dimension !== 'count') return { unit, text: head ?? first.text, end: index + 1, remainder: rest.join('-') };
  return null;
}

/** A size written before a food or a container: "28-ounce", "2 1/2-pound", "8- to 10-pound", "1/2-inch-thick". */
export function readHyphenatedSize(tokens: readonly Token[], index: number, joinHyphenatedFraction = true): SizeRead | null {
  const range = readRange(tokens, index, joinHyphenatedFraction);
  if (!range || !isHyphenJoined(tokens, range.end)) return null;
  const unit = readUnit(tokens, range.end + 1);
  if (!unit) return null;
  return { ...range, end: unit.end, unit: unit.unit, unitText: unit.text, remainder: unit.remainder };
}

/** A plain amount with its unit: "1 pound", "about 3 cups", "28 ounces", "2 to 3 pounds". */
export function readAmountWithUnit(tokens: readonly Token[], index: number): SizeRead | null {
  const hyphenated = readHyphenatedSize(tokens, index);
  if (hyphenated) return hyphenated;
  const range = readRange(tokens, index);
  if (!range) return null;
  const unit = readUnit(tokens, range.end);
  if (!unit || unit.unit.kind === 'size') return null;
  return { ...range, end: unit.end, unit: unit.unit, unitText: unit.text, remainder: unit.remainder };
}
