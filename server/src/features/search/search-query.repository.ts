import { type SQL, sql } from 'drizzle-orm';
import type { SearchSort } from '@tavola/contracts/search';
import type { DbOrTx } from '../../db/client.js';
import type { SearchCursor, SortKey } from './search-cursor.js';
import type { IndexHit, SearchFilters } from './search-index.js';
import {
  afterCursor,
  allOf,
  facetConditions,
  nonFacetConditions,
  orderOf,
  r,
  rowsOf,
  scoreOf,
  setColumns,
  sortKeyOf,
  tableColumns,
  textArray,
  visibleTo,
} from './search-conditions.repository.js';
import { allFacetFlags, type FacetRow, facetColumns, facetsJson } from './search-facets.repository.js';

/**
 * The statements of a recipe search. Few matches (at most `exactLimit` before facet filters): one
 * statement ranks and counts them all exactly. Many: the page comes from the counted results or a
 * bounded window (relevance) or a sort's index, and the facets and total from a block sample of
 * the table, scaled and flagged as estimates (postgres-search-index.ts chooses).
 */

export interface SearchStatement {
  viewerId: string | null;
  /** The query's tsquery (search-conditions.repository.ts), or null to browse. */
  tsquery: SQL | null;
  filters: SearchFilters;
  sort: SearchSort;
  cursor: SearchCursor | null;
  limit: number;
  facets: boolean;
}

export interface PageRow {
  id: string;
  key: SortKey;
}

const searchRecipesTable = sql`search_recipes as ${sql.identifier('r')}`;

const textMatch = (statement: SearchStatement) => (statement.tsquery ? sql`${r.document} @@ ${statement.tsquery}` : null);
const score = (statement: SearchStatement) => (statement.tsquery ? scoreOf(statement.tsquery) : sql`${r.quality}`);

/** The rows that can count at all: matching text, visible to the viewer, within the non-facet filters. */
const candidates = (statement: SearchStatement) =>
  allOf([textMatch(statement), visibleTo(statement.viewerId), ...nonFacetConditions(statement.filters, statement.tsquery === null)]);

/** The rows that are results: candidates within every facet filter too. */
const results = (statement: SearchStatement) => allOf([candidates(statement), ...Object.values(facetConditions(statement.filters, statement.tsquery === null))]);

/** A page of the materialised set named `set` (columns recipe_id, score, quality, created_at, total_minutes) as JSON [{id, key}]. */
function pageOf(set: string, statement: SearchStatement, where: SQL): SQL {
  const c = setColumns(set);
  return sql`(select coalesce(json_agg(json_build_object('id', p.recipe_id, 'key', p.key) order by p.ord), '[]'::json) from (
    select ${c.recipeId} as recipe_id, ${sortKeyOf(statement.sort, c)} as key, row_number() over (order by ${orderOf(statement.sort, c)}) as ord
    from ${sql.raw(set)} where ${where} and ${afterCursor(statement.cursor, c)}
    order by ${orderOf(statement.sort, c)} limit ${statement.limit + 1}) p)`;
}

const sortColumns = (statement: SearchStatement) => sql`${r.recipeId} as recipe_id, ${score(statement)} as score, ${r.quality} as quality, ${r.createdAt} as created_at`;

export interface ExactResult {
  /** Candidates found, up to `exactLimit + 1`: more than `exactLimit` means the rest was skipped. */
  n: number;
  total: number | null;
  facets: FacetRow[] | null;
  page: PageRow[] | null;
}

/** Everything about a search with at most `exactLimit` candidates, in one statement; only `n` when there are more. */
export async function searchExactly(db: DbOrTx, statement: SearchStatement, exactLimit: number): Promise<ExactResult> {
  const fits = sql`(select count(*) from base) <= ${exactLimit}`;
  const [row] = await rowsOf<ExactResult>(
    db,
    sql`with base as materialized (
      select ${sortColumns(statement)}, ${facetColumns(statement.filters)}
      from ${searchRecipesTable} where ${candidates(statement)}
      limit ${exactLimit + 1})
    select (select count(*)::int from base) as n,
      case when ${fits} then (select count(*)::int from base where ${allFacetFlags('base')}) end as total,
      case when ${fits} and ${statement.facets} then ${facetsJson('base')} end as facets,
      case when ${fits} then ${pageOf('base', statement, allFacetFlags('base'))} end as page`,
  );
  return row as ExactResult;
}

/** Recipes with the best Bayesian rating looked at for the relevance window of a broad query. */
export const topRatedWindow = 1000;

/**
 * The first statement of a broad query (more than `exactLimit` candidates): the results (after
 * facet filters) counted up to `exactLimit + 1` in storage order, and a page: when there are no
 * more than `exactLimit` results, of all of them, exactly; otherwise, for relevance, of a window,
 * the matches among the `topRatedWindow` best-rated recipes and the counted results, so its cost
 * does not grow with the number of matches (deeper pages of very broad queries end with the
 * window). For the other sorts `page` is then null: `searchSortedPage` pages through everything.
 */
export async function searchBroadPage(db: DbOrTx, statement: SearchStatement, exactLimit: number): Promise<{ n: number; page: PageRow[] | null }> {
  const where = results(statement);
  const ranked = statement.sort === 'relevance' && statement.tsquery !== null;
  const fits = sql`(select count(*) from result) <= ${exactLimit}`;
  const topRated = sql`(select * from search_recipes order by quality desc, recipe_id desc limit ${topRatedWindow}) as ${sql.identifier('r')}`;
  const [row] = await rowsOf<{ n: number; page: PageRow[] | null }>(
    db,
    sql`with result as materialized (
      select ${sortColumns(statement)}, ${r.totalMinutes} as total_minutes from ${searchRecipesTable} where ${where} limit ${exactLimit + 1})
    ${ranked ? sql`, w as materialized ((select ${r.recipeId} as recipe_id, ${score(statement)} as score from ${topRated} where ${where}) union (select recipe_id, score from result))` : sql``}
    select (select count(*)::int from result) as n,
      case when ${fits} then ${pageOf('result', statement, sql`true`)} ${ranked ? sql`else ${pageOf('w', statement, sql`true`)}` : sql``} end as page`,
  );
  return row as { n: number; page: PageRow[] | null };
}

/**
 * A page of a broad query in a sort other than relevance. With `bounded`, the results are first
 * collected (at most that many, in storage order) and sorted: null when there are more. Without,
 * the sort's index is walked until a page of results is found, which is quick when results are
 * common (the caller knows from the sample) and slow when they are rare.
 */
export async function searchSortedPage(db: DbOrTx, statement: SearchStatement, bounded: number | null): Promise<PageRow[] | null> {
  const where = results(statement);
  if (bounded !== null) {
    const [row] = await rowsOf<{ n: number; page: PageRow[] }>(
      db,
      sql`with found as materialized (
        select ${sortColumns(statement)}, ${r.totalMinutes} as total_minutes from ${searchRecipesTable} where ${where} limit ${bounded + 1})
      select (select count(*)::int from found) as n, ${pageOf('found', statement, sql`true`)} as page`,
    );
    return row && row.n <= bounded ? row.page : null;
  }
  const c = tableColumns(null);
  const [row] = await rowsOf<{ page: PageRow[] }>(
    db,
    sql`select (select coalesce(json_agg(json_build_object('id', p.recipe_id, 'key', p.key) order by p.ord), '[]'::json) from (
      select ${r.recipeId} as recipe_id, ${sortKeyOf(statement.sort, c)} as key, row_number() over (order by ${orderOf(statement.sort, c)}) as ord
      from ${searchRecipesTable} where ${where} and ${afterCursor(statement.cursor, c)}
      order by ${orderOf(statement.sort, c)} limit ${statement.limit + 1}) p) as page`,
  );
  return (row as { page: PageRow[] }).page;
}

/**
 * Facets and total of a broad query from a block sample of `percent` % of the table (the same
 * blocks every time, so counts do not jump between pages), scaled up by the caller.
 */
export async function sampleFacets(db: DbOrTx, statement: SearchStatement, percent: number): Promise<{ n: number; facets: FacetRow[] | null }> {
  const [row] = await rowsOf<{ n: number; facets: FacetRow[] | null }>(
    db,
    sql`with sample as materialized (
      select ${facetColumns(statement.filters)} from search_recipes as ${sql.identifier('r')} tablesample system (${percent}) repeatable (7)
      where ${candidates(statement)})
    select (select count(*)::int from sample where ${allFacetFlags('sample')}) as n,
      case when ${statement.facets} then ${facetsJson('sample')} end as facets`,
  );
  return row as { n: number; facets: FacetRow[] | null };
}

/**
 * The planner's estimate of the candidates of a search: one EXPLAIN, a fraction of a millisecond, so
 * clearly broad queries skip the exact attempt. Only a choice of path: it counts rows the viewer may not see.
 */
export async function estimateRows(db: DbOrTx, statement: SearchStatement): Promise<number> {
  const [row] = await rowsOf<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) select 1 from ${searchRecipesTable} where ${candidates(statement)}`);
  const plan = row?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan?: { 'Plan Rows'?: number } }[];
  return Number(parsed[0]?.Plan?.['Plan Rows'] ?? 0);
}

/** Rows in the index (the planner's estimate, or a count when the table was never analysed). */
export async function indexedRowEstimate(db: DbOrTx, options: { exactWhenUnknown: boolean } = { exactWhenUnknown: true }): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'search_recipes'::regclass`);
  const estimate = Number(row?.n ?? 0);
  if (estimate > 0 || !options.exactWhenUnknown) return estimate;
  const [counted] = await rowsOf<{ n: number }>(db, sql`select count(*)::float8 as n from search_recipes`);
  return Number(counted?.n ?? 0);
}

/** The hits of a page, by id: what the result list shows, with the author's current names and the labels of cuisine and course. */
export async function findHits(db: DbOrTx, ids: readonly string[]): Promise<Map<string, IndexHit>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<IndexHit>(
    db,
    sql`select ${r.recipeId} as "recipeId", ${r.title} as title, ${r.summary} as summary,
        json_build_object('id', u.id, 'username', u.username, 'displayName', u.display_name) as author,
        ${r.visibility} as visibility, coalesce(tc.label, ${r.cuisine}) as cuisine, coalesce(tk.label, ${r.course}) as course,
        ${r.diets} as diets, ${r.totalMinutes} as "totalMinutes", ${r.ratingAverage} as "ratingAverage", ${r.ratingCount} as "ratingCount",
        ${r.coverUrl} as "coverUrl", to_char(${r.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
      from ${searchRecipesTable}
      join users u on u.id = ${r.ownerId}
      left join search_terms tc on tc.kind = 'cuisine' and tc.term = ${r.cuisine}
      left join search_terms tk on tk.kind = 'course' and tk.term = ${r.course}
      where ${r.recipeId} = any(${textArray(ids)}::uuid[])`,
  );
  return new Map(rows.map((row) => [row.recipeId, row]));
}
