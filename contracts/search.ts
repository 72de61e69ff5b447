import { z } from 'zod';
import { authorSchema, dietSchema, visibilitySchema } from './recipes.js';

/**
 * Search: one box over recipes (full text, facets, filters, sorts, keyset pages), suggestions while
 * typing (recipes, ingredients, tags, cuisines, people, wine knowledge), "did you mean", and saved
 * searches. Only what the viewer may see is ever returned or counted.
 */

/** A query-string list: `?cuisine=Italian&cuisine=Thai` or `?cuisine=Italian,Thai`. */
const listParam = (max: number, itemMax = 60) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter((item) => item.length > 0))
    .pipe(z.array(z.string().max(itemMax, `must be at most ${itemMax} characters`)).max(max, `at most ${max} values`))
    .optional();

const booleanParam = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1')
  .optional();

export const searchSortSchema = z.enum(['relevance', 'newest', 'rating', 'quickest']);
export type SearchSort = z.infer<typeof searchSortSchema>;

/** Total-time buckets (minutes, upper bound inclusive); `over-60` is everything longer. */
export const timeBuckets = ['15', '30', '45', '60', 'over-60'] as const;
export const timeBucketSchema = z.enum(timeBuckets);

export const recipeSearchQuery = z.object({
  /** Free text; empty lists everything visible (browse with facets). */
  q: z.string().max(300, 'must be at most 300 characters').default(''),
  cuisine: listParam(20),
  course: listParam(20),
  diet: z
    .union([dietSchema, z.array(dietSchema), z.string()])
    .transform((value) => (Array.isArray(value) ? value : String(value).split(',')).map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(dietSchema).max(20))
    .optional(),
  tag: listParam(20),
  /** Every one of these ingredients ("with chicken"): food names, matched like ingredient lines. */
  include: listParam(10, 100),
  /** None of these ingredients ("without nuts"). */
  exclude: listParam(10, 100),
  /** With `maxMinutes`, the total-time facet's filter (`over-60` is minMinutes=61). */
  minMinutes: z.coerce.number().int().nonnegative().max(60 * 24 * 14).optional(),
  maxMinutes: z.coerce.number().int().positive().max(60 * 24 * 14).optional(),
  minRating: z.coerce.number().min(1).max(5).optional(),
  minServings: z.coerce.number().positive().max(10_000).optional(),
  maxServings: z.coerce.number().positive().max(10_000).optional(),
  hasPhoto: booleanParam,
  /** Username of the author. */
  author: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{1,40}$/, 'is not a username')
    .optional(),
  /** ISO 639-1 code of the recipe's language ("en", "fr"). */
  language: z.string().trim().regex(/^[a-z]{2}$/, 'must be a two-letter language code').optional(),
  sort: searchSortSchema.default('relevance'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** Opaque cursor from the previous page (same query and sort). */
  cursor: z.string().max(500).optional(),
  /** Set false to skip facet counts (next pages, infinite scroll). */
  facets: booleanParam,
});
export type RecipeSearchQuery = z.input<typeof recipeSearchQuery>;
export type ParsedRecipeSearchQuery = z.output<typeof recipeSearchQuery>;

/** Text with the parts that matched the query marked, safe to render as text (no HTML). */
export const highlightSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));
export type Highlight = z.infer<typeof highlightSchema>;

export const recipeHitSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  titleHighlight: highlightSchema,
  /** A short piece of the description or ingredients around a match, when the title did not match. */
  snippet: highlightSchema.nullable(),
  author: authorSchema,
  visibility: visibilitySchema,
  cuisine: z.string().nullable(),
  course: z.string().nullable(),
  diets: z.array(dietSchema),
  totalMinutes: z.number().nullable(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  /** Same-origin URL of the cover's small variant, or null. */
  coverUrl: z.string().nullable(),
  updatedAt: z.string(),
});
export type RecipeHit = z.infer<typeof recipeHitSchema>;

export const facetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof facetValueSchema>;

/** Counts of the results for each value, with the query and the other facets' filters applied. */
export const searchFacetsSchema = z.object({
  cuisine: z.array(facetValueSchema),
  course: z.array(facetValueSchema),
  diet: z.array(facetValueSchema),
  tag: z.array(facetValueSchema),
  totalTime: z.array(facetValueSchema),
  rating: z.array(facetValueSchema),
  hasPhoto: z.array(facetValueSchema),
  author: z.array(facetValueSchema),
});
export type SearchFacets = z.infer<typeof searchFacetsSchema>;

export const recipeSearchResultSchema = z.object({
  items: z.array(recipeHitSchema),
  /** Recipes matching, among those the viewer may see. */
  total: z.number().int(),
  facets: searchFacetsSchema.nullable(),
  /**
   * True when `total` or the facet counts are estimates: a query matching more than 2,000 visible
   * recipes (before facet filters) counts a sample of the index and scales it up.
   */
  estimated: z.object({ total: z.boolean(), facets: z.boolean() }),
  /** A corrected query when the query found nothing or little ("tomatoe soup" → "tomato soup"). */
  didYouMean: z.string().nullable(),
  /** True when `q` found nothing and the items are the results of `didYouMean` ("Showing results for ..."). */
  corrected: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type RecipeSearchResult = z.infer<typeof recipeSearchResultSchema>;

export const suggestionKindSchema = z.enum(['recipe', 'ingredient', 'tag', 'cuisine', 'person', 'grape', 'region']);
export type SuggestionKind = z.infer<typeof suggestionKindSchema>;

export const suggestQuery = z.object({
  q: z.string().max(100, 'must be at most 100 characters'),
  /** Per kind. */
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

export const suggestionSchema = z.object({
  kind: suggestionKindSchema,
  label: z.string(),
  highlight: highlightSchema,
  /** Where choosing it goes: a recipe, person or wine page, or the search page with a filter. */
  href: z.string(),
  /** How many visible recipes carry it (ingredients, tags, cuisines), when counted. */
  count: z.number().int().nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestResultSchema = z.object({
  groups: z.array(z.object({ kind: suggestionKindSchema, items: z.array(suggestionSchema) })),
});
export type SuggestResult = z.infer<typeof suggestResultSchema>;

/** No control characters (tabs, newlines, NUL...): names and query strings are one line of text. */
const withoutControlCharacters = (text: string) => [...text].every((char) => {
  const code = char.charCodeAt(0);
  return code >= 0x20 && code !== 0x7f;
});

/** A search a user keeps: the query string of the search page (q, filters, sort). */
export const savedSearchBody = z.object({
  name: z.string().trim().min(1, 'is required').max(80).refine(withoutControlCharacters, 'must not contain control characters'),
  /** The search page's query string, without the leading `?` ("q=soup&cuisine=Thai"); checked as a search. */
  query: z.string().max(2000).refine(withoutControlCharacters, 'must not contain control characters'),
});
export type SavedSearchBody = z.infer<typeof savedSearchBody>;

export const savedSearchSchema = z.object({ id: z.string().uuid(), name: z.string(), query: z.string(), createdAt: z.string() });
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/**
 * GET    /api/search/recipes?q=&cuisine=&...&sort=&limit=&cursor=  -> RecipeSearchResult
 * GET    /api/search/suggest?q=&limit=                            -> SuggestResult (grouped by kind)
 * GET    /api/me/saved-searches                                   -> { items: SavedSearch[] }
 * POST   /api/me/saved-searches   SavedSearchBody                 -> 201 SavedSearch
 * DELETE /api/me/saved-searches/:id                               -> 204
 */
