import { type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SearchSort } from '@tavola/contracts/search';
import type { DbOrTx } from '../../db/client.js';
import { searchRecipes } from '../../db/schema/index.js';
import { recipeVisibilityRule } from '../recipes/index.js';
import type { SearchCursor } from './search-cursor.js';
import type { FacetName, SearchFilters } from './search-index.js';

/** SQL pieces every search statement shares: the text query, the visibility rule, filters, sorts. */

/** The index table as `r` in every statement. */
export const r = alias(searchRecipes, 'r');

/** Rows of a raw query on either driver (PGlite and node-postgres both answer `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A text[] parameter as an array literal (the same on both drivers). */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}

const configs = new Set(['english', 'french', 'italian', 'spanish', 'german', 'portuguese', 'dutch']);
const config = (name: string) => {
  if (!configs.has(name)) throw new Error(`unknown text search configuration ${name}`);
  return sql.raw(`'${name}'::regconfig`);
};

/**
 * The tsquery of a query, written inline so the planner folds it to a constant and estimates its
 * selectivity from the column's statistics. Each term must match (AND); a term is one or more
 * alternative words (the last typed word and its completions from the vocabulary), each matched by
 * its English stem (and its stem in `languageConfig`, when a language filter is set: documents in
 * other languages carry their English stems too). A term whose typed word is an English stop word
 * is dropped ("pasta with the sauce"). Words hold only letters and digits (search-text.ts), so they
 * cannot carry tsquery syntax. Null when there is no term.
 */
export function tsqueryOf(terms: readonly (readonly string[])[], languageConfig: string | null): SQL | null {
  if (terms.length === 0) return null;
  const names = ['english', ...(languageConfig && languageConfig !== 'english' ? [languageConfig] : [])];
  const parts = terms.map((alternatives) => {
    const typed = alternatives[0] ?? '';
    const matches = [...new Set(alternatives)].flatMap((word) => names.map((name) => sql`plainto_tsquery(${config(name)}, ${word})`));
    return sql`(case when numnode(plainto_tsquery('english'::regconfig, ${typed})) = 0 then ''::tsquery else (${sql.join(matches, sql` || `)}) end)`;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** Weights D, C, B, A: a title match outweighs five ingredient matches. */
const rankWeights = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'::real[]`);

/**
 * Relevance: cover density of the query in the weighted document, times up to 1.5 for a well-rated
 * recipe (the Bayesian rating, 0-5), so among equal matches the better recipe comes first but a
 * rating never lifts an ingredient match above a title match. A real, as the cursor keeps it.
 */
export const scoreOf = (tsquery: SQL) => sql`(ts_rank_cd(${rankWeights}, ${r.document}, ${tsquery}) * (1 + ${r.quality} / 10))::real`;

export const visibleTo = (viewerId: string | null) => recipeVisibilityRule({ visibility: r.visibility, ownerId: r.ownerId }, viewerId);

/**
 * An array condition the planner may serve from its GIN index, or not (`IS TRUE` hides it): with a
 * text query, ANDing the text's bitmap with that of a common ingredient or tag costs more than
 * checking the few rows the text finds.
 */
const arrayCondition = (condition: SQL, indexed: boolean) => (indexed ? condition : sql`(${condition}) is true`);

/** Filters that are not facets: they narrow every count (ingredients, servings, language). */
export function nonFacetConditions(filters: SearchFilters, arrayIndexes = true): SQL[] {
  const conditions: SQL[] = [];
  for (const keys of filters.include) {
    conditions.push(arrayCondition(keys.length === 1 ? sql`${r.ingredientKeys} @> ${textArray(keys)}` : sql`${r.ingredientKeys} && ${textArray(keys)}`, arrayIndexes));
  }
  if (filters.exclude.length > 0) conditions.push(sql`not (${r.ingredientKeys} && ${textArray(filters.exclude)})`);
  if (filters.minServings !== null) conditions.push(sql`${r.servings} >= ${filters.minServings}`);
  if (filters.maxServings !== null) conditions.push(sql`${r.servings} <= ${filters.maxServings}`);
  if (filters.language !== null) conditions.push(sql`${r.language} = ${filters.language}`);
  return conditions;
}

/** Each facet's own filter, or null when it has none (multiple values: any of them). */
export function facetConditions(filters: SearchFilters, arrayIndexes = true): Record<FacetName, SQL | null> {
  const time: SQL[] = [];
  if (filters.minMinutes !== null) time.push(sql`${r.totalMinutes} >= ${filters.minMinutes}`);
  if (filters.maxMinutes !== null) time.push(sql`${r.totalMinutes} <= ${filters.maxMinutes}`);
  return {
    cuisine: filters.cuisine.length > 0 ? sql`${r.cuisine} = any(${textArray(filters.cuisine)})` : null,
    course: filters.course.length > 0 ? sql`${r.course} = any(${textArray(filters.course)})` : null,
    diet: filters.diet.length > 0 ? sql`${r.diets} && ${textArray(filters.diet)}` : null,
    tag: filters.tag.length > 0 ? arrayCondition(sql`${r.tags} && ${textArray(filters.tag)}`, arrayIndexes) : null,
    totalTime: time.length > 0 ? sql.join(time, sql` and `) : null,
    rating: filters.minRating !== null ? sql`${r.ratingAverage} >= ${filters.minRating}` : null,
    hasPhoto: filters.hasPhoto !== null ? sql`${r.hasPhoto} = ${filters.hasPhoto}` : null,
    author: filters.author !== null ? sql`${r.ownerId} in (select id from users where lower(username) = ${filters.author})` : null,
  };
}

export const allOf = (conditions: readonly (SQL | null)[]) => {
  const present = conditions.filter((condition): condition is SQL => condition !== null);
  return present.length > 0 ? sql`(${sql.join(present, sql` and `)})` : sql`true`;
};

/** The columns a sort reads: the table's (`r`), or those of a materialised set of rows (`b`). */
export interface SortColumns {
  /** The relevance score (relevance sort only). */
  score: SQL;
  recipeId: SQL;
  quality: SQL;
  createdAt: SQL;
  totalMinutes: SQL;
}

export const tableColumns = (score: SQL | null): SortColumns => ({
  score: score ?? sql`${r.quality}`,
  recipeId: sql`${r.recipeId}`,
  quality: sql`${r.quality}`,
  createdAt: sql`${r.createdAt}`,
  totalMinutes: sql`${r.totalMinutes}`,
});

export const setColumns = (name: string): SortColumns => ({
  score: sql.raw(`${name}.score`),
  recipeId: sql.raw(`${name}.recipe_id`),
  quality: sql.raw(`${name}.quality`),
  createdAt: sql.raw(`${name}.created_at`),
  totalMinutes: sql.raw(`${name}.total_minutes`),
});

/** The sort key of a row as the cursor keeps it (a number, a timestamp to the microsecond, or null). */
export function sortKeyOf(sort: SearchSort, c: SortColumns): SQL {
  switch (sort) {
    case 'relevance':
      return c.score;
    case 'rating':
      return c.quality;
    case 'newest':
      return sql`to_char(${c.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'quickest':
      return c.totalMinutes;
  }
}

export function orderOf(sort: SearchSort, c: SortColumns): SQL {
  switch (sort) {
    case 'relevance':
      return sql`${c.score} desc, ${c.recipeId} desc`;
    case 'rating':
      return sql`${c.quality} desc, ${c.recipeId} desc`;
    case 'newest':
      return sql`${c.createdAt} desc, ${c.recipeId} desc`;
    case 'quickest':
      return sql`${c.totalMinutes} asc nulls last, ${c.recipeId} asc`;
  }
}

/** Rows after the cursor in the sort's order (row comparisons, which the sort indexes serve). */
export function afterCursor(cursor: SearchCursor | null, c: SortColumns): SQL {
  if (!cursor) return sql`true`;
  switch (cursor.sort) {
    case 'relevance':
      return sql`(${c.score}, ${c.recipeId}) < (${String(cursor.key)}::real, ${cursor.id}::uuid)`;
    case 'rating':
      return sql`(${c.quality}, ${c.recipeId}) < (${String(cursor.key)}::real, ${cursor.id}::uuid)`;
    case 'newest':
      return sql`(${c.createdAt}, ${c.recipeId}) < (${String(cursor.key)}::timestamptz, ${cursor.id}::uuid)`;
    case 'quickest':
      return cursor.key === null
        ? sql`(${c.totalMinutes} is null and ${c.recipeId} > ${cursor.id}::uuid)`
        : sql`((${c.totalMinutes}, ${c.recipeId}) > (${cursor.key}::int, ${cursor.id}::uuid) or ${c.totalMinutes} is null)`;
  }
}
