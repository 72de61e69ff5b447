import type { SearchSort, SuggestionKind } from '@tavola/contracts/search';
import type { Tx } from '../../db/client.js';
import type { SearchDocument } from './search-document.js';

/**
 * The search layer's seam. The PostgreSQL implementation (postgres-search-index.ts) keeps its
 * tables current in the caller's transaction; an external engine (OpenSearch, Meilisearch) would
 * implement the same four methods, taking writes through an outbox job instead (DESIGN rule 5).
 */
export interface SearchIndex {
  /** Adds or replaces one recipe, inside the transaction of the write that changed it. */
  index(tx: Tx, doc: SearchDocument): Promise<void>;
  /** Removes one recipe (deleted), inside the deleting transaction. No-op when absent. */
  remove(tx: Tx, recipeId: string): Promise<void>;
  /** Recipes the viewer may see that match, with facets counted over the same visible set. */
  query(viewerId: string | null, request: SearchRequest): Promise<IndexSearchPage>;
  /** Completions of `q` from the index's recipes and vocabulary (titles, ingredients, tags, cuisines). */
  suggest(viewerId: string | null, q: string, limit: number): Promise<IndexSuggestion[]>;
}

export type FacetName = 'cuisine' | 'course' | 'diet' | 'tag' | 'totalTime' | 'rating' | 'hasPhoto' | 'author';
export const facetNames: readonly FacetName[] = ['cuisine', 'course', 'diet', 'tag', 'totalTime', 'rating', 'hasPhoto', 'author'];

/**
 * Filters as keys. Within a facet, values are alternatives (cuisine Thai or Vietnamese); facets and
 * the other filters all apply (AND). Each facet is counted with every filter except its own.
 */
export interface SearchFilters {
  cuisine: string[];
  course: string[];
  diet: string[];
  tag: string[];
  /** The total-time facet's filter. */
  minMinutes: number | null;
  maxMinutes: number | null;
  minRating: number | null;
  hasPhoto: boolean | null;
  /** Username, lower case. */
  author: string | null;
  /** Each entry is one ingredient the recipe must have, as alternative keys (a name and its family tags). */
  include: string[][];
  /** Keys no ingredient of the recipe may have. */
  exclude: string[];
  minServings: number | null;
  maxServings: number | null;
  language: string | null;
}

export interface SearchRequest {
  /** Folded words of the query; the last may be unfinished (matched as a prefix). */
  words: string[];
  filters: SearchFilters;
  sort: SearchSort;
  limit: number;
  /** Opaque cursor from the previous page, or null. */
  cursor: string | null;
  facets: boolean;
}

export interface IndexHit {
  recipeId: string;
  title: string;
  summary: string;
  author: { id: string; username: string; displayName: string | null };
  visibility: 'public' | 'followers' | 'private';
  cuisine: string | null;
  course: string | null;
  diets: string[];
  totalMinutes: number | null;
  ratingAverage: number | null;
  ratingCount: number;
  coverUrl: string | null;
  updatedAt: string;
}

export interface IndexFacetValue {
  value: string;
  label: string;
  count: number;
}

export interface IndexSearchPage {
  hits: IndexHit[];
  total: number;
  facets: Record<FacetName, IndexFacetValue[]> | null;
  /** Whether `total` and the facet counts were estimated from a sample (very broad queries). */
  estimated: { total: boolean; facets: boolean };
  nextCursor: string | null;
  /** The query with misspelt words corrected, when it found little. */
  didYouMean: string | null;
  /** True when the query found nothing and the hits are those of `didYouMean`. */
  corrected: boolean;
}

export interface IndexSuggestion {
  kind: Extract<SuggestionKind, 'recipe' | 'ingredient' | 'tag' | 'cuisine'>;
  /** Recipe id, or the term's key. */
  key: string;
  label: string;
  count: number | null;
}
