/**
 * Free-text ingredient lines into their parts: "1 1/2 cups finely chopped onion, divided" →
 * quantity 1.5, unit cup, name "onion", preparation "finely chopped", comment "divided".
 * Rule-based: the amount and unit at the start (or a unit after the food), parentheticals as a
 * second amount or a comment, clauses after commas as preparation or comment.
 */
import type { ParsedIngredient } from '@tavola/contracts/ingredients';
import { readAmountWithUnit, readHyphenatedSize, readRange, readUnit } from './amount-reader.js';
import { clauseBody, extractGroups, type Group, isPreparationClause, readStandaloneAmount, splitClauses, toSecondary } from './ingredient-clauses.js';
import { approximations, unitModifiers } from './ingredient-phrases.js';
import { joinTokens, type Token, tokenize } from './ingredient-tokens.js';
import { namesNoFood, splitNamePhrase } from './name-phrase.js';
import { normalizeIngredientText } from './quantity-parser.js';
import { type UnitDefinition, unitById } from './unit-table.js';

export type { ParsedIngredient, SecondaryAmount } from '@tavola/contracts/ingredients';

interface Piece {
  text: string;
  start: number;
}

/** Units written without a number before a food: "pinch of salt", "handful coriander", "small bunch basil". */
const bareUnitIds = new Set(['piece', 'pinch', 'dash', 'handful', 'bunch', 'sprig', 'knob', 'splash', 'drop', 'grind', 'small', 'medium', 'large', 'extra_large']);
const fewWords = new Set(['few', 'little', 'bit', 'touch', 'several', 'some', 'couple']);

interface LineState {
  text: string;
  main: Token[];
  groups: Group[];
  result: ParsedIngredient;
  comments: Piece[];
  preparations: Piece[];
}

const comment = (state: LineState, tokens: readonly Token[]) => {
  const text = joinTokens(state.text, tokens).replace(/^[,;\s]+/, '');
  if (text) state.comments.push({ text, start: tokens[0]?.start ?? 0 });
};

/** The parenthesis standing right before head[index], if any. */
const groupBefore = (state: LineState, token: Token | undefined) => (token ? state.groups.find((group) => group.tokens.length > 0 && group.position === state.main.indexOf(token)) : undefined);

/** "About", "Scant", "Juice of", "Grated zest from": words before the amount. Returns the amount's index. */
function readLead(state: LineState, head: readonly Token[], unitPrefix: string[]): number {
  let index = 0;
  while (head[index]) {
    const word = head[index]?.lower ?? '';
    if (approximations.has(word)) {
      comment(state, head.slice(index, index + 1));
      index += 1;
    } else if (unitModifiers.has(word) && word !== 'good' && head[index + 1]?.kind === 'number') {
      unitPrefix.push(head[index]?.text ?? '');
      index += 1;
    } else break;
  }
  const linkIndex = head.findIndex((token, position) => position > index && position <= index + 4 && (token.lower === 'of' || token.lower === 'from'));
  const afterLink = head[linkIndex + 1];
  const leadWords = head.slice(index, linkIndex);
  if (linkIndex > index && leadWords.every((token) => token.kind === 'word' && !readUnit(head, head.indexOf(token))) && (afterLink?.kind === 'number' || /^(a|an|one|two|three|half|about)$/.test(afterLink?.lower ?? ''))) {
    comment(state, head.slice(index, linkIndex + 1));
    index = linkIndex + 1;
    if (head[index]?.lower === 'about') index += 1;
  }
  return index;
}

/** The number of the amount: "2", "1 1/2", "2-3", "a", "an", "a couple of"; "a few" has none. */
function readMainQuantity(state: LineState, head: readonly Token[], start: number): number {
  const { result } = state;
  let index = start;
  const first = head[index];
  if (first && (first.lower === 'a' || first.lower === 'an' || fewWords.has(first.lower))) {
    const next = first.lower === 'a' || first.lower === 'an' ? head[index + 1] : first;
    const skip = next === first ? 0 : 1;
    if (next?.lower === 'couple') {
      result.quantity = 2;
      index += skip + 1;
    } else if (next && fewWords.has(next.lower)) {
      comment(state, head.slice(index, index + skip + 1));
      index += skip + 1;
    } else if (next?.kind === 'number') {
      index += 1;
    } else if (next) {
      result.quantity = 1;
      index += 1;
    }
    if (head[index]?.lower === 'of' && result.quantity !== 1) index += 1;
  }
  if (result.quantity === null && !readHyphenatedSize(head, index, false)) {
    const range = readRange(head, index);
    if (range) {
      result.quantity = range.quantity;
      result.quantityMax = range.quantityMax;
      index = range.end;
      if (head[index - 1]?.lower === 'half' && (head[index]?.lower === 'a' || head[index]?.lower === 'an')) index += 1;
    }
  }
  // "30 or more basil leaves"
  if (result.quantity !== null && head[index]?.lower === 'or' && ['more', 'so', 'less'].includes(head[index + 1]?.lower ?? '')) {
    comment(state, head.slice(index, index + 2));
    index += 2;
  }
  if (head[index]?.lower === 'x' || head[index]?.text === '×') index += 1;
  return index;
}

/** A size per item: "2 28-ounce cans", "1 (28-ounce) can", "1 2-pound roast", "A 1-inch piece". */
function readItemSize(state: LineState, head: readonly Token[], start: number): number {
  const { result } = state;
  const sized = readHyphenatedSize(head, start) ?? (head[start]?.kind === 'number' ? readAmountWithUnit(head, start) : null);
  if (sized && !sized.remainder) {
    result.secondary = toSecondary(sized, true);
    if (result.quantity === null) result.quantity = 1;
    return sized.end;
  }
  if (sized?.remainder) {
    comment(state, head.slice(start, sized.end));
    return sized.end;
  }
  const group = groupBefore(state, head[start]);
  if (group && result.quantity !== null) {
    const amount = readStandaloneAmount(group.tokens);
    if (amount?.unit) {
      result.secondary = toSecondary(amount, true);
      group.tokens = [];
    }
  }
  return start;
}

/** Sizes and modifiers, then the unit: "large cloves", "heaping tablespoons", "medium-size", "pinch of". */
function readMainUnit(state: LineState, head: readonly Token[], start: number, unitPrefix: readonly string[]): { index: number; size: UnitDefinition | null } {
  const { result, text } = state;
  let index = start;
  let size: UnitDefinition | null = null;
  while (head[index]) {
    const here = readUnit(head, index);
    if (here?.unit.kind === 'size' && !here.remainder) {
      size = here.unit;
      index = here.end;
    } else if (unitModifiers.has(head[index]?.lower ?? '') || head[index]?.lower === 'very') index += 1;
    else break;
  }
  const hasFoodAfter = (end: number) => head.slice(end).some((token) => token.kind === 'word' && token.lower !== 'of');
  const unit = readUnit(head, index);
  const bare = (id: string, dimension: string) => bareUnitIds.has(id) || ((dimension === 'mass' || dimension === 'volume') && start === 0);
  if (unit && !unit.remainder && unit.unit.kind !== 'size' && (result.quantity !== null || bare(unit.unit.id, unit.unit.dimension)) && hasFoodAfter(unit.end)) {
    result.unit = unit.unit.id;
    result.unitText = [...unitPrefix, joinTokens(text, head.slice(start, index)), unit.text].filter(Boolean).join(' ');
    index = unit.end;
    size = null;
  } else if (size && (result.quantity !== null || bareUnitIds.has(size.id)) && hasFoodAfter(index)) {
    result.unit = size.id;
    result.unitText = [...unitPrefix, joinTokens(text, head.slice(start, index))].filter(Boolean).join(' ');
  } else {
    return { index: start, size: null };
  }
  if (head[index]?.lower === 'of') index += 1;
  return { index, size };
}

/** "plus 2 tablespoons", ", or 2 cups", "/ 200 g" after the unit. */
function readExtraAmounts(state: LineState, head: readonly Token[], start: number): number {
  const { result } = state;
  let index = start;
  for (;;) {
    const at = head[index]?.text === ',' ? index + 1 : index;
    const word = head[at]?.lower ?? '';
    if (word !== 'plus' && word !== 'or' && word !== '/') return index;
    const extra = readAmountWithUnit(head, at + 1);
    if (!extra) return index;
    if (word !== 'plus' && !result.secondary) result.secondary = toSecondary(extra, false);
    else comment(state, head.slice(at, extra.end));
    index = extra.end;
  }
}

/** Joins the clauses that continue the name: "2 small, ripe tomatoes", "corn, peanut or vegetable oil". */
function mergeContinuations(head: Token[], clauses: Token[][], from: number): Token[] {
  let merged = head;
  while (clauses.length > 0 && namesNoFood(merged.slice(from))) merged = [...merged, ...(clauses.shift() ?? [])];
  const nameWords = merged.slice(from).filter((token) => token.kind === 'word');
  if (nameWords.length === 1 && merged.length - from === 1) {
    const orAt = clauses.findIndex((clause) => clause.some((token) => token.lower === 'or'));
    const listLike = orAt >= 0 && clauses.slice(0, orAt + 1).every((clause) => !isPreparationClause(clause) && clause.every((token) => token.kind !== 'number') && clause[1]?.lower !== 'or' && clauseBody(clause).length <= 5);
    if (listLike) for (const clause of clauses.splice(0, orAt + 1)) merged = [...merged, ...clause];
  }
  return merged;
}

export function parseIngredientLine(original: string): ParsedIngredient {
  const text = normalizeIngredientText(original);
  const { main, groups } = extractGroups(tokenize(text));
  const result: ParsedIngredient = {
    original,
    quantity: null,
    quantityMax: null,
    unit: null,
    unitText: null,
    name: '',
    preparation: null,
    comment: null,
    optional: /\boptional(ly)?\b|\bif (desired|you like|wished|using)\b/i.test(text),
    // "Salt to taste" has no amount to scale; "1/2 teaspoon salt, or to taste" and "plus more to taste" do.
    toTaste: /\bto taste\b/i.test(text) && !/\b(or|more|additional|extra)\s+to taste\b/i.test(text),
    secondary: null,
    food: null,
  };
  const state: LineState = { text, main, groups, result, comments: [], preparations: [] };
  const clauses = splitClauses(main);
  let head = clauseBody(clauses.shift() ?? []);

  const unitPrefix: string[] = [];
  let index = readLead(state, head, unitPrefix);
  index = readMainQuantity(state, head, index);
  index = readItemSize(state, head, index);
  head = mergeContinuations(head, clauses, index);
  const unitRead = readMainUnit(state, head, index, unitPrefix);
  index = readExtraAmounts(state, head, unitRead.index);
  head = mergeContinuations(head, clauses, index);
  const afterUnitGroup = groupBefore(state, head[index]);
  if (afterUnitGroup && !result.secondary && result.quantity !== null) {
    const amount = readStandaloneAmount(afterUnitGroup.tokens);
    if (amount) {
      // "1 can (14 oz) tomatoes": the size of each can; "8 tablespoons (1 stick) butter": the same amount again.
      const container = result.unit !== null && unitById(result.unit)?.kind === 'container';
      result.secondary = toSecondary(amount, amount.each || container);
      afterUnitGroup.tokens = [];
    }
  }

  // The food's name, its preparation and comments.
  const phrase = splitNamePhrase(text, head.slice(index), result.unit === null || unitRead.size !== null);
  if (phrase.trailingUnit) {
    result.unitText = result.unit ? `${result.unitText} ${phrase.trailingUnit.text}` : phrase.trailingUnit.text;
    result.unit = phrase.trailingUnit.unit.id;
  }
  result.name = phrase.name;
  const phraseStart = head[index]?.start ?? 0;
  if (phrase.comment) state.comments.push({ text: phrase.comment, start: phraseStart });
  if (phrase.preparation) state.preparations.push({ text: phrase.preparation, start: phraseStart });
  if (phrase.tail) (isPreparationClause(tokenize(phrase.tail)) ? state.preparations : state.comments).push({ text: phrase.tail, start: phraseStart + 1 });

  // Parentheses: a second amount ("(7 oz)", "(about 1 pound)"), else a comment.
  for (const group of groups) {
    if (group.tokens.length === 0) continue;
    const amount = result.secondary || result.quantity === null ? null : readStandaloneAmount(group.tokens);
    if (amount) result.secondary = toSecondary(amount, amount.each);
    else state.comments.push({ text: `(${joinTokens(text, group.tokens)})`, start: group.start });
  }

  // Clauses after the name: "about 1 1/2 pounds", "finely chopped", "divided", "or brandy".
  for (const clause of clauses) {
    const body = clauseBody(clause);
    const start = body[0]?.start ?? 0;
    if (!result.name && !isPreparationClause(body)) {
      const late = splitNamePhrase(text, body, result.unit === null);
      result.name = late.name;
      if (late.preparation) state.preparations.push({ text: late.preparation, start });
      if (late.comment) state.comments.push({ text: late.comment, start });
      if (late.tail) (isPreparationClause(tokenize(late.tail)) ? state.preparations : state.comments).push({ text: late.tail, start: start + 1 });
      continue;
    }
    const amount = result.secondary || result.quantity === null ? null : readStandaloneAmount(body);
    if (amount?.unit) result.secondary = toSecondary(amount, amount.each);
    else (isPreparationClause(body) ? state.preparations : state.comments).push({ text: joinTokens(text, body), start });
  }
  if (!result.name && result.unitText && result.unit) {
    // "8 cloves": the word read as a unit is the food.
    result.name = result.unitText;
    result.unit = null;
    result.unitText = null;
  }

  const join = (pieces: Piece[]) => pieces.sort((a, b) => a.start - b.start).map((piece) => piece.text.trim()).filter(Boolean).join(', ') || null;
  result.preparation = join(state.preparations);
  result.comment = join(state.comments);
  return result;
}
