import { type SQL, sql } from 'drizzle-orm';
import { type FacetName, facetNames } from './search-index.js';
import { allOf, facetConditions, r } from './search-conditions.repository.js';
import type { SearchFilters } from './search-index.js';

/**
 * Facet counts in SQL, disjunctive: each facet is counted over the rows that pass every filter
 * except its own, so choosing "Thai" still shows how many Italian recipes there are. The rows come
 * from a materialised set (`base`: every match when there are few; `sample`: a block sample of the
 * table for very broad queries, whose counts are scaled up and flagged as estimates).
 */

/** The column of a set that says whether a row passes a facet's own filter. */
const flag = (facet: FacetName) => `f_${facet.toLowerCase()}`;

/** The columns a set must select for the facets: values, and one flag per facet filter. */
export function facetColumns(filters: SearchFilters): SQL {
  const own = facetConditions(filters);
  const flags = facetNames.map((name) => sql`${own[name] ?? sql`true`} as ${sql.raw(flag(name))}`);
  return sql.join(
    [
      sql`${r.cuisine} as cuisine`,
      sql`${r.course} as course`,
      sql`${r.diets} as diets`,
      sql`${r.tags} as tags`,
      sql`${r.totalMinutes} as total_minutes`,
      sql`${r.ratingAverage} as rating_average`,
      sql`${r.hasPhoto} as has_photo`,
      sql`${r.ownerId} as owner_id`,
      ...flags,
    ],
    sql`, `,
  );
}

/** Every facet flag of the set passes (the rows that are results). */
export const allFacetFlags = (set: string) => allOf(facetNames.map((name) => sql.raw(`${set}.${flag(name)}`)));

const othersThan = (set: string, facet: FacetName) => allOf(facetNames.filter((name) => name !== facet).map((name) => sql.raw(`${set}.${flag(name)}`)));

const valueLimits = { cuisine: 30, course: 20, tag: 30, author: 10 };

/** One row per facet value: (f, v, n). */
function facetRows(set: string): SQL {
  const s = sql.raw(set);
  const others = (facet: FacetName) => othersThan(set, facet);
  const grouped = (facet: 'cuisine' | 'course', limit: number) =>
    sql`(select ${facet}::text as f, ${sql.raw(`${set}.${facet}`)} as v, count(*)::int as n from ${s}
      where ${sql.raw(`${set}.${facet}`)} is not null and ${others(facet)} group by 2 order by 3 desc, 2 limit ${limit})`;
  return sql.join(
    [
      grouped('cuisine', valueLimits.cuisine),
      grouped('course', valueLimits.course),
      sql`(select 'diet' as f, d as v, count(*)::int as n from ${s}, unnest(${sql.raw(`${set}.diets`)}) d where ${others('diet')} group by 2)`,
      sql`(select 'tag' as f, t as v, count(*)::int as n from ${s}, unnest(${sql.raw(`${set}.tags`)}) t where ${others('tag')} group by 2 order by 3 desc, 2 limit ${valueLimits.tag})`,
      sql`(select 'totalTime' as f, b.v, count(*)::int as n from ${s} join (values ('15', 15), ('30', 30), ('45', 45), ('60', 60)) b(v, m)
        on ${sql.raw(`${set}.total_minutes`)} <= b.m where ${others('totalTime')} group by 2)`,
      sql`(select 'totalTime' as f, 'over-60' as v, count(*)::int as n from ${s} where ${sql.raw(`${set}.total_minutes`)} > 60 and ${others('totalTime')})`,
      sql`(select 'rating' as f, b.v, count(*)::int as n from ${s} join (values ('4', 4), ('3', 3), ('2', 2), ('1', 1)) b(v, m)
        on ${sql.raw(`${set}.rating_average`)} >= b.m where ${others('rating')} group by 2)`,
      sql`(select 'hasPhoto' as f, ${sql.raw(`${set}.has_photo`)}::text as v, count(*)::int as n from ${s} where ${others('hasPhoto')} group by 2)`,
      sql`(select 'author' as f, ${sql.raw(`${set}.owner_id`)}::text as v, count(*)::int as n from ${s} where ${others('author')}
        group by ${sql.raw(`${set}.owner_id`)} order by 3 desc, ${sql.raw(`${set}.owner_id`)} limit ${valueLimits.author})`,
    ],
    sql` union all `,
  );
}

/**
 * The facet values of a set as one JSON array of {f, v, n, label, username}, labels from the
 * vocabulary (cuisines, courses, tags) and the accounts (authors: `v` becomes the username).
 */
export function facetsJson(set: string): SQL {
  return sql`(select coalesce(json_agg(json_build_object('f', fr.f, 'v', coalesce(u.username, fr.v), 'n', fr.n, 'label', coalesce(st.label, u.display_name, u.username))), '[]'::json)
    from (${facetRows(set)}) fr
    left join search_terms st on st.kind = fr.f and st.term = fr.v
    left join lateral (select username, display_name from users where id = case when fr.f = 'author' then fr.v::uuid end) u on true
    where fr.n > 0)`;
}

export interface FacetRow {
  f: FacetName;
  v: string;
  n: number;
  label: string | null;
}
