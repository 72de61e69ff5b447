import type { RecipeContent } from '@tavola/contracts/recipes';
import { foodNameKeys } from '../foods/index.js';
import type { RecipeSearchSource } from '../recipes/index.js';
import { familyTagsOf } from './ingredient-families.js';
import { guessLanguage, type SearchLanguage, textSearchConfig } from './search-language.js';
import { foldSearchText } from './search-text.js';

/**
 * A recipe as the search index stores it: folded texts for the weighted tsvector (PostgreSQL stems
 * them with `textConfig`), keys for filters and facets, labels for the vocabulary, and the figures
 * that sort and filter. Built in TypeScript from what the recipes feature reads, so the PostgreSQL
 * implementation and any other engine index the same thing.
 */
export interface SearchDocument {
  recipeId: string;
  ownerId: string;
  visibility: RecipeSearchSource['visibility'];
  title: string;
  titleKey: string;
  /** The Snowball configuration of the recipe's language ('english' when unsure). */
  textConfig: string;
  /** Folded texts by weight: A title, B tags/cuisine/course, C ingredient names, D description/steps/notes. */
  texts: { a: string; b: string; c: string; d: string };
  summary: string;
  ingredients: string[];
  ingredientKeys: string[];
  tags: string[];
  cuisine: string | null;
  course: string | null;
  /** Labels as written, by key, for the vocabulary (`tag:quick` → "Quick"). */
  labels: Record<string, string>;
  diets: string[];
  totalMinutes: number | null;
  servings: number | null;
  ratingAverage: number | null;
  ratingCount: number;
  quality: number;
  hasPhoto: boolean;
  coverUrl: string | null;
  language: SearchLanguage | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Text beyond this many characters of description, steps and notes is not indexed (it never decides a match). */
const maxBodyLength = 20_000;
const maxSummaryLength = 600;

/**
 * A rating that many readers agree on outranks a lone five: the mean of the ratings and of five
 * imaginary 3.5-star ratings. The rating sort, and the tie-break within relevance.
 */
export function bayesianRating(average: number | null, count: number): number {
  const prior = 3.5;
  const weight = 5;
  return Math.round((((average ?? prior) * count + prior * weight) / (count + weight)) * 1000) / 1000;
}

export function totalMinutesOf(content: RecipeContent): number | null {
  if (content.totalMinutes != null) return content.totalMinutes;
  if (content.prepMinutes == null && content.cookMinutes == null) return null;
  return (content.prepMinutes ?? 0) + (content.cookMinutes ?? 0);
}

/** A label as a facet key: folded ("Tex-Mex" → "tex mex"). */
export const labelKey = (label: string) => foldSearchText(label);

/** The core name of an ingredient line ("2 cups chopped toasted walnuts" → "walnut"), or null. */
function ingredientName(line: RecipeContent['ingredients'][number]['lines'][number]): string | null {
  const name = line.name?.trim() || line.text;
  const key = foodNameKeys(name).similar;
  return key === '' ? null : key;
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

export function buildSearchDocument(source: RecipeSearchSource, coverUrl: string | null): SearchDocument {
  const { content } = source;
  const lines = content.ingredients.flatMap((section) => section.lines);
  const ingredients = unique(lines.map(ingredientName).filter((name): name is string => name !== null)).slice(0, 100);
  const ingredientKeys = unique(ingredients.flatMap((name) => [name, ...name.split(' ').filter((word) => word.length >= 2), ...familyTagsOf(name)]));
  const labels: Record<string, string> = {};
  const keyed = (kind: string, label: string | null | undefined) => {
    if (!label?.trim()) return null;
    const key = labelKey(label);
    if (key === '') return null;
    labels[`${kind}:${key}`] ??= label.trim();
    return key;
  };
  const tags = unique(content.tags.map((tag) => keyed('tag', tag)).filter((key): key is string => key !== null));
  const cuisine = keyed('cuisine', content.cuisine);
  const course = keyed('course', content.course);
  const body = [content.description, ...content.steps.map((step) => step.text), content.notes].filter(Boolean).join('\n');
  const language = guessLanguage(`${content.title}\n${body}`.toLowerCase());
  const ingredientText = lines.map((line) => line.name?.trim() || line.text).join(', ');
  return {
    recipeId: source.id,
    ownerId: source.ownerId,
    visibility: source.visibility,
    title: content.title,
    titleKey: foldSearchText(content.title),
    textConfig: textSearchConfig[language ?? 'en'],
    texts: {
      a: foldSearchText(content.title),
      b: foldSearchText([...content.tags, content.cuisine ?? '', content.course ?? ''].join(' ')),
      c: foldSearchText(ingredientText),
      d: foldSearchText(body.slice(0, maxBodyLength)),
    },
    summary: [content.description?.trim(), ingredientText].filter(Boolean).join(' · ').slice(0, maxSummaryLength),
    ingredients,
    ingredientKeys,
    tags,
    cuisine,
    course,
    labels,
    diets: [...content.diets],
    totalMinutes: totalMinutesOf(content),
    servings: content.servings.amount,
    ratingAverage: source.rating.average,
    ratingCount: source.rating.count,
    quality: bayesianRating(source.rating.average, source.rating.count),
    hasPhoto: coverUrl !== null,
    coverUrl,
    language,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
  };
}

/** A term of the vocabulary: `kind` and folded `term`. */
export interface VocabularyTerm {
  kind: 'word' | 'ingredient' | 'tag' | 'cuisine' | 'course';
  term: string;
}

/** Words worth correcting towards: three letters or more, not only digits. */
const vocabularyWord = (word: string) => word.length >= 3 && word.length <= 40 && !/^\d+$/.test(word);

/**
 * The vocabulary terms of an indexed recipe, from the columns the index stores (so the terms of the
 * row being replaced can be computed from that row alone).
 */
export function vocabularyOf(row: { titleKey: string; ingredients: string[]; tags: string[]; cuisine: string | null; course: string | null }): VocabularyTerm[] {
  const terms: VocabularyTerm[] = [];
  const words = new Set<string>();
  for (const text of [row.titleKey, ...row.ingredients, ...row.tags, row.cuisine ?? '', row.course ?? '']) {
    for (const word of text.split(' ')) if (vocabularyWord(word)) words.add(word);
  }
  for (const term of words) terms.push({ kind: 'word', term });
  for (const term of unique(row.ingredients)) terms.push({ kind: 'ingredient', term });
  for (const term of unique(row.tags)) terms.push({ kind: 'tag', term });
  if (row.cuisine) terms.push({ kind: 'cuisine', term: row.cuisine });
  if (row.course) terms.push({ kind: 'course', term: row.course });
  return terms;
}
