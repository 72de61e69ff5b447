/**
 * Splits the words after the amount into preparation ("finely chopped"), the food's name
 * ("fresh basil"), a trailing unit ("garlic cloves") and a comment ("for garnish", "or 1 teaspoon dried").
 */
import {
  commentPhrases,
  describingWords,
  nameParticiples,
  preparationAdverbs,
  preparationVerbs,
  qualityWords,
  stateWords,
  warmedLiquids,
} from './ingredient-phrases.js';
import { joinTokens, type Token } from './ingredient-tokens.js';
import { findUnit, type UnitDefinition } from './unit-table.js';

export interface NamePhrase {
  name: string;
  preparation: string | null;
  /** Words before the food that are a comment ("imported", "fresh or frozen"). */
  comment: string | null;
  /** What follows the name: a preparation or a comment ("dissolved in water", "for garnish"). */
  tail: string | null;
  /** A unit written after the food ("3 garlic cloves"), when the amount had none. */
  trailingUnit: { unit: UnitDefinition; text: string } | null;
}

/** Units that follow the food in English ("garlic cloves", "thyme sprigs", "celery stalks"). */
const trailingUnitIds = new Set(['clove', 'sprig', 'stalk', 'bulb', 'stick', 'rib', 'head', 'bunch', 'ear']);

/** Single words that start a comment wherever they stand after the name's first word. */
const commentWords = new Set(['in', 'for', 'preferably', 'plus', 'such', 'if', 'like', 'divided', 'optional', 'optionally', 'with', 'without', 'at', 'to', 'about', 'approximately', 'as', 'cut', 'until']);
/** After a preparation verb inside the name, these mean the preparation goes on ("yeast dissolved in water"). */
const preparationContinues = new Set(['in', 'with', 'into', 'and', 'until', 'for', 'to', 'then', 'on', 'under', 'over', 'by', 'at']);

/** "or" before these starts an alternative, not a second name ("or more", "or other greens", "or half that amount"). */
const alternativeStarts = new Set(['a', 'an', 'more', 'less', 'so', 'other', 'another', 'half', 'use', 'any', 'similar']);

/** "anchovies in oil", "chipotles in adobo": what a food is packed in is part of its name. */
const packedIn = new Set(['oil', 'olive', 'adobo', 'brine', 'heavy']);

const phraseStarts = commentPhrases.map((phrase) => phrase.split(' '));

function startsPhrase(tokens: readonly Token[], index: number): boolean {
  return phraseStarts.some((words) => words.every((word, offset) => tokens[index + offset]?.lower === word));
}

/** A word that names how the food is prepared, given the word before it ("ground" only after "freshly"). */
function isPreparationVerb(token: Token | undefined, previous: Token | undefined, next: Token | undefined): boolean {
  if (token?.kind !== 'word') return false;
  if (token.lower === 'ground') return previous !== undefined && preparationAdverbs.has(previous.lower) && next?.lower !== 'pepper';
  if (token.lower === 'hot') return next !== undefined && warmedLiquids.has(next.lower);
  if (token.lower === 'crushed' && (next?.lower.startsWith('tomato') || next?.lower === 'red')) return false;
  return preparationVerbs.has(token.lower) && !nameParticiples.has(token.lower);
}

/** Where the food's name ends and a comment begins ("Vegetable oil | for frying", "oregano | or 1 teaspoon dried"). */
function commentStart(tokens: readonly Token[], from: number): number {
  for (let index = from + 1; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (startsPhrase(tokens, index)) return index;
    if (token.kind === 'number' || token.text === ';' || token.text === ':') return index;
    if (commentWords.has(token.lower) && tokens[index - 1]?.text !== '-' && !(token.lower === 'in' && packedIn.has(tokens[index + 1]?.lower ?? ''))) return index;
    if (token.lower === 'or') {
      const next = tokens[index + 1];
      if (!next || next.kind === 'number' || alternativeStarts.has(next.lower)) return index;
    }
    // "cornstarch dissolved in water", "eggs beaten": a preparation after the food.
    const next = tokens[index + 1];
    if (isPreparationVerb(token, tokens[index - 1], next) && !isPreparationVerb(tokens[index - 1], tokens[index - 2], token) && (!next || preparationContinues.has(next.lower) || next.text === '.')) return index;
  }
  return tokens.length;
}

/** Preparation words before the food: "finely chopped", "peeled and cooked", "chopped, peeled". */
function leadingPreparationEnd(tokens: readonly Token[], from: number, to: number): number {
  let end = from;
  let index = from;
  while (index < to) {
    const token = tokens[index];
    if (isPreparationVerb(token, tokens[index - 1], tokens[index + 1])) {
      index += 1;
      end = index;
      continue;
    }
    if (token && preparationAdverbs.has(token.lower)) {
      index += 1;
      continue;
    }
    const joiner = token?.lower === 'and' || token?.text === ',' || token?.lower === 'then';
    if (joiner && end === index && index > from) {
      const next = tokens[index + 1];
      if (isPreparationVerb(next, token, tokens[index + 2]) || (next && preparationAdverbs.has(next.lower))) {
        index += 1;
        continue;
      }
    }
    break;
  }
  // Keep at least one word for the name ("2 cups chopped" names nothing else).
  return end >= to ? from : end;
}

/** "imported", "good-quality", "fresh or frozen": words before the food that are a comment. */
function leadingCommentEnd(tokens: readonly Token[], from: number, to: number): number {
  let index = from;
  for (;;) {
    const token = tokens[index];
    if (!token || index >= to - 1) return index;
    if (qualityWords.has(token.lower)) {
      index += 1;
    } else if ((token.lower === 'good' || token.lower === 'best' || token.lower === 'high') && tokens[index + 1]?.lower === 'quality') {
      index += 2;
    } else if (stateWords.has(token.lower) && tokens[index + 1]?.lower === 'or' && stateWords.has(tokens[index + 2]?.lower ?? '') && index + 3 < to) {
      index += 3;
    } else return index;
  }
}

/** True when none of the words names a food: a clause like "2 small" or "1 cup peeled" continues after the comma. */
export function namesNoFood(tokens: readonly Token[]): boolean {
  const wordTokens = tokens.filter((token) => token.kind === 'word');
  return wordTokens.every(
    (token, position) =>
      describingWords.has(token.lower) ||
      preparationAdverbs.has(token.lower) ||
      isPreparationVerb(token, wordTokens[position - 1], wordTokens[position + 1]) ||
      qualityWords.has(token.lower) ||
      token.lower === 'and' ||
      findUnit(token.lower) !== undefined,
  );
}

export function splitNamePhrase(text: string, tokens: readonly Token[], allowTrailingUnit: boolean): NamePhrase {
  let from = 0;
  while (tokens[from]?.lower === 'of' || (tokens[from]?.kind === 'punct' && tokens[from]?.text !== "'")) from += 1;
  const nameEnd = commentStart(tokens, from);
  const commentLead = leadingCommentEnd(tokens, from, nameEnd);
  const preparationEnd = leadingPreparationEnd(tokens, commentLead, nameEnd);
  let nameTokens = tokens.slice(preparationEnd, nameEnd);
  while (nameTokens.length > 0 && isTrailingJunk(nameTokens[nameTokens.length - 1] as Token)) nameTokens = nameTokens.slice(0, -1);
  while (nameTokens.length > 1 && (nameTokens[0]?.lower === 'of' || nameTokens[0]?.text === ',')) nameTokens = nameTokens.slice(1);

  let trailingUnit: NamePhrase['trailingUnit'] = null;
  const last = nameTokens[nameTokens.length - 1];
  if (allowTrailingUnit && last && nameTokens.length >= 2) {
    const unit = findUnit(last.lower);
    if (unit && trailingUnitIds.has(unit.id)) {
      trailingUnit = { unit, text: last.text };
      nameTokens = nameTokens.slice(0, -1);
    }
  }

  const lead = joinTokens(text, tokens.slice(from, commentLead));
  const preparation = joinTokens(text, tokens.slice(commentLead, preparationEnd)).replace(/[,\s]+$/, '');
  const tail = joinTokens(text, tokens.slice(nameEnd)).replace(/^[,;:\s]+/, '');
  return { name: joinTokens(text, nameTokens), preparation: preparation || null, comment: lead || null, tail: tail || null, trailingUnit };
}

function isTrailingJunk(token: Token): boolean {
  return token.kind === 'punct' ? token.text !== ')' && token.text !== "'" && token.text !== '.' : token.lower === 'and' || token.lower === 'or' || token.lower === 'of';
}
