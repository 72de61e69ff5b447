/**
 * The measured requests, drawn from the source corpus with a seeded PRNG: searches for title
 * fragments, ingredients, whole titles and typos; what a search box sends while someone types a
 * title or an ingredient (prefixes, some mistyped); searches with filters and sorts.
 */
import { foldSearchText } from '../../server/src/features/search/search-text.js';
import { pick, random } from './corpus-generator.js';
import type { BaseRecipe } from './corpus-source.js';

const stopWords = new Set(['and', 'with', 'the', 'of', 'in', 'a', 'for', 'on', 'or', 'to', 'ii', 'iii', 'chef', 'johns']);

const words = (text: string) => foldSearchText(text).split(' ').filter((word) => word.length > 1 && !stopWords.has(word) && !/^\d+$/.test(word));

/** One typing mistake in the longest word: a letter dropped, doubled, swapped with the next or replaced. */
export function withTypo(text: string, rand: () => number): string {
  const parts = text.split(' ');
  const longest = parts.reduce((best, word, i) => (word.length > (parts[best] as string).length ? i : best), 0);
  const word = parts[longest] as string;
  if (word.length < 5) return text;
  const at = 1 + Math.floor(rand() * (word.length - 2));
  const letters = 'aeiourstlnmcdhp';
  const edits = [
    () => word.slice(0, at) + word.slice(at + 1),
    () => word.slice(0, at) + (word[at] as string) + word.slice(at),
    () => word.slice(0, at) + (word[at + 1] ?? '') + (word[at] as string) + word.slice(at + 2),
    () => word.slice(0, at) + pick(rand, [...letters]) + word.slice(at + 1),
  ];
  parts[longest] = pick(rand, edits)();
  return parts.join(' ');
}

function titleFragment(recipe: BaseRecipe, rand: () => number): string {
  const all = words(recipe.title);
  if (all.length === 0) return 'chicken';
  const size = 1 + Math.floor(rand() * Math.min(3, all.length));
  const start = Math.floor(rand() * (all.length - size + 1));
  return all.slice(start, start + size).join(' ');
}

function ingredientName(recipe: BaseRecipe, rand: () => number): string {
  const names = recipe.lines.map((line) => line.name).filter((name): name is string => !!name && words(name).length > 0);
  return names.length > 0 ? words(pick(rand, names)).slice(-2).join(' ') : 'garlic';
}

export type SearchKind = 'title fragment' | 'ingredient' | 'whole title' | 'typo';

export interface QueryMix {
  searches: { kind: SearchKind; q: string }[];
  suggests: string[];
  filters: string[];
}

export function buildQueryMix(base: readonly BaseRecipe[], counts: { searches: number; suggests: number; filters: number }, seed: number): QueryMix {
  const rand = random(seed);
  const term = () => (rand() < 0.6 ? titleFragment(pick(rand, base), rand) : ingredientName(pick(rand, base), rand));
  const searches: QueryMix['searches'] = [];
  for (let i = 0; i < counts.searches; i++) {
    const roll = rand();
    if (roll < 0.4) searches.push({ kind: 'title fragment', q: titleFragment(pick(rand, base), rand) });
    else if (roll < 0.7) searches.push({ kind: 'ingredient', q: ingredientName(pick(rand, base), rand) });
    else if (roll < 0.8) searches.push({ kind: 'whole title', q: pick(rand, base).title });
    else searches.push({ kind: 'typo', q: withTypo(term(), rand) });
  }
  const suggests: string[] = [];
  for (let i = 0; i < counts.suggests; i++) {
    const full = rand() < 0.15 ? withTypo(term(), rand) : term();
    // Someone typing: every length from two letters is sent once; draw one of them.
    const length = Math.min(full.length, 2 + Math.floor(rand() * Math.max(1, full.length - 1)));
    suggests.push(full.slice(0, length).trimEnd());
  }
  const cuisines = [...new Set(base.map((recipe) => recipe.cuisine).filter((cuisine): cuisine is string => cuisine !== null))];
  const cuisine = () => encodeURIComponent(cuisines.length > 0 ? pick(rand, cuisines) : 'Italian');
  const q = () => encodeURIComponent(term());
  const templates = [
    () => `cuisine=${cuisine()}`,
    () => `q=${q()}&maxMinutes=30`,
    () => 'diet=vegetarian&sort=newest',
    () => `include=${encodeURIComponent(ingredientName(pick(rand, base), rand))}&exclude=nuts`,
    () => `q=${q()}&tag=quick&hasPhoto=true`,
    () => 'minRating=4&sort=rating&course=Dessert',
    () => `q=${q()}&cuisine=${cuisine()}`,
    () => 'maxMinutes=20&diet=vegan&sort=quickest',
    () => `q=${q()}&exclude=dairy&sort=rating`,
    () => `q=${q()}&diet=gluten-free&minRating=4`,
  ];
  const filters = Array.from({ length: counts.filters }, () => pick(rand, templates)());
  return { searches, suggests, filters };
}
