import type { FoodMatch, FoodSummary } from '@tavola/contracts/foods';
import type { DbOrTx } from '../../db/client.js';
import { foodNameKeys } from './food-names.js';
import * as repo from './foods.repository.js';

type SimilarityThreshold = repo.SimilarityThreshold;

/**
 * Trigram similarity a name's core must reach with a food's common name when no key matches
 * exactly. Chosen on the NYT ingredient names (bench/food-match prints samples per band): one-word
 * cores are mostly misspellings ("tumeric", "cinammon", "caulfilower": 0.5–0.55); from several
 * words about two in three matches are right from 0.6 ("kirby cucumbers" → cucumber), about half
 * between 0.5 and 0.6 ("celery salt" → celery).
 */
export const similarityThreshold: SimilarityThreshold = { oneWord: 0.5, severalWords: 0.6 };
/** Shorter cores ("ice", "jus") are too short for trigrams to mean anything. */
const minimumSimilarKeyLength = 4;
/** Words that name no one food: alone, they are not looked up by similarity ("liquid" is not "liquid clam"). */
const genericWords = new Set(['liquid', 'herb', 'leaf', 'berry', 'spice', 'seasoning', 'vegetable', 'fruit', 'meat', 'fish', 'nut', 'seed', 'green', 'greens', 'juice', 'sauce', 'topping', 'garnish', 'filling', 'dough', 'mixture', 'white', 'red']);

const thresholdOf = (given: MatchOptions['threshold']): SimilarityThreshold =>
  given === undefined ? similarityThreshold : typeof given === 'number' ? { oneWord: given, severalWords: given } : given;

const toSummary = (row: repo.FoodSummaryRow): FoodSummary => ({ id: row.id, name: row.name, commonName: row.commonName, foodGroup: row.foodGroup });

export interface MatchOptions {
  /** Set false to match exact and reduced names only (the benchmark's baseline compares). */
  similar?: boolean;
  /** One number sets both thresholds. */
  threshold?: number | SimilarityThreshold;
}

/**
 * The catalogue food each ingredient name means, in the order given: an exact name or alias of a
 * food (plural- and case-insensitive), else a reduced form of the name (descriptors, part words
 * and conjunctions dropped), else the most similar common name (pg_trgm) above the threshold.
 * Among foods sharing a name the preferred (lowest rank) wins. Two database calls (three statements)
 * for any number of names.
 */
export async function matchFoods(db: DbOrTx, names: readonly string[], options: MatchOptions = {}): Promise<FoodMatch[]> {
  const keysByName = names.map((name) => foodNameKeys(name));
  const allKeys = [...new Set(keysByName.flatMap((keys) => keys.exact))];
  const bestByKey = new Map<string, repo.KeyedFoodRow>();
  for (const row of await repo.findFoodsByKeys(db, allKeys)) if (!bestByKey.has(row.key)) bestByKey.set(row.key, row);

  const matches: FoodMatch[] = names.map((name, index) => {
    const keys = keysByName[index]?.exact ?? [];
    const key = keys.find((candidate) => bestByKey.has(candidate));
    const row = key === undefined ? undefined : bestByKey.get(key);
    if (!row || key === undefined) return { name, food: null, method: null, matchedAs: null, similarity: null };
    return { name, food: toSummary(row), method: key === keys[0] ? 'exact' : 'reduced', matchedAs: key, similarity: null };
  });

  if (options.similar === false) return matches;
  const similarKeys = [
    ...new Set(
      matches.flatMap((match, index) => {
        const key = keysByName[index]?.similar ?? '';
        return match.food === null && key.length >= minimumSimilarKeyLength && !genericWords.has(key) ? [key] : [];
      }),
    ),
  ];
  if (similarKeys.length === 0) return matches;
  const similarByKey = new Map((await repo.findMostSimilarFoods(db, similarKeys, thresholdOf(options.threshold))).map((row) => [row.key, row]));
  return matches.map((match, index) => {
    const key = keysByName[index]?.similar ?? '';
    const row = match.food === null ? similarByKey.get(key) : undefined;
    if (!row) return match;
    return { ...match, food: toSummary(row), method: 'similar', matchedAs: row.similarName, similarity: Math.round(row.similarity * 1000) / 1000 };
  });
}

/** The food one ingredient name means, or null. */
export async function matchFood(db: DbOrTx, name: string): Promise<FoodSummary | null> {
  const [match] = await matchFoods(db, [name]);
  return match?.food ?? null;
}
