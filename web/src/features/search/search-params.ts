import type { SearchSort } from '@tavola/contracts/search';
import type { paths } from '../../api/schema';
import { type Diet, dietNames } from '../recipes/recipe-format';

/**
 * The search page keeps all of its state in the address's query string, with the API's own
 * parameter names (`?q=soup&cuisine=thai&cuisine=italian&maxMinutes=30&sort=rating`): a search is
 * shareable, the back button undoes a filter, and a saved search is that query string.
 */

export const listFilters = ['cuisine', 'course', 'diet', 'tag', 'include', 'exclude'] as const;
/** The search endpoint's query parameters, as the generated client types them. */
export type RecipeSearchParams = NonNullable<paths['/api/search/recipes']['get']['parameters']['query']>;

export type ListFilter = (typeof listFilters)[number];

export interface SearchState {
  q: string;
  cuisine: string[];
  course: string[];
  diet: string[];
  tag: string[];
  include: string[];
  exclude: string[];
  minMinutes: number | null;
  maxMinutes: number | null;
  minRating: number | null;
  hasPhoto: boolean | null;
  author: string | null;
  sort: SearchSort;
}

export const sorts: { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest' },
  { value: 'rating', label: 'Best rated' },
  { value: 'quickest', label: 'Quickest' },
];

const isSort = (value: string | null): value is SearchSort => sorts.some((sort) => sort.value === value);
const isDiet = (value: string): value is Diet => Object.hasOwn(dietNames, value);

function positiveNumber(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

function list(params: URLSearchParams, key: string): string[] {
  const values = params.getAll(key).flatMap((value) => value.split(','));
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

export function readSearchState(params: URLSearchParams): SearchState {
  const hasPhoto = params.get('hasPhoto');
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    cuisine: list(params, 'cuisine'),
    course: list(params, 'course'),
    diet: list(params, 'diet').filter(isDiet),
    tag: list(params, 'tag'),
    include: list(params, 'include'),
    exclude: list(params, 'exclude'),
    minMinutes: positiveNumber(params.get('minMinutes')),
    maxMinutes: positiveNumber(params.get('maxMinutes')),
    minRating: positiveNumber(params.get('minRating')),
    hasPhoto: hasPhoto === 'true' || hasPhoto === '1' ? true : hasPhoto === 'false' || hasPhoto === '0' ? false : null,
    author: params.get('author'),
    sort: isSort(sort) ? sort : 'relevance',
  };
}

/** The state as a query string, in a fixed order (one cache entry per search), defaults left out. */
export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const key of listFilters) for (const value of state[key]) params.append(key, value);
  if (state.minMinutes !== null) params.set('minMinutes', String(state.minMinutes));
  if (state.maxMinutes !== null) params.set('maxMinutes', String(state.maxMinutes));
  if (state.minRating !== null) params.set('minRating', String(state.minRating));
  if (state.hasPhoto !== null) params.set('hasPhoto', String(state.hasPhoto));
  if (state.author) params.set('author', state.author);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** The API's query for the state (without paging). */
export function toApiQuery(state: SearchState): RecipeSearchParams {
  return {
    q: state.q.trim(),
    cuisine: state.cuisine.length ? state.cuisine : undefined,
    course: state.course.length ? state.course : undefined,
    diet: state.diet.filter(isDiet),
    tag: state.tag.length ? state.tag : undefined,
    include: state.include.length ? state.include : undefined,
    exclude: state.exclude.length ? state.exclude : undefined,
    minMinutes: state.minMinutes ?? undefined,
    maxMinutes: state.maxMinutes ?? undefined,
    minRating: state.minRating ?? undefined,
    hasPhoto: state.hasPhoto ?? undefined,
    author: state.author ?? undefined,
    sort: state.sort,
  };
}

/** How many filters narrow the results (the query text and the sort are not filters). */
export function countFilters(state: SearchState): number {
  const lists = listFilters.reduce((n, key) => n + state[key].length, 0);
  const time = state.minMinutes !== null || state.maxMinutes !== null ? 1 : 0;
  return lists + time + [state.minRating, state.hasPhoto, state.author].filter((value) => value !== null).length;
}

export function withoutFilters(state: SearchState): SearchState {
  return {
    ...readSearchState(new URLSearchParams()),
    q: state.q,
    sort: state.sort,
  };
}

/** The total-time facet's bucket that the state's time filter equals, if any ('15' … '60', 'over-60'). */
export function timeBucketOf(state: SearchState): string | null {
  if (state.minMinutes === 61 && state.maxMinutes === null) return 'over-60';
  if (state.minMinutes === null && state.maxMinutes !== null && [15, 30, 45, 60].includes(state.maxMinutes)) return String(state.maxMinutes);
  return null;
}

export function withTimeBucket(state: SearchState, bucket: string | null): SearchState {
  if (bucket === null) return { ...state, minMinutes: null, maxMinutes: null };
  if (bucket === 'over-60') return { ...state, minMinutes: 61, maxMinutes: null };
  return { ...state, minMinutes: null, maxMinutes: Number(bucket) };
}
