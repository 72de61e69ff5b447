import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf, visibleTo } from './search-conditions.repository.js';

/**
 * Suggestions while typing. `q` is always folded (letters, digits and single spaces only), so it
 * goes into LIKE patterns without escaping. Counts of terms are of public recipes plus the viewer's
 * own; a term only private recipes of others carry is never shown.
 */

/** Titles of recipes looked at first: the best-rated ones (bounded work, good suggestions). */
const topRatedTitles = 1000;

export interface TitleRow {
  id: string;
  title: string;
}

/**
 * Visible recipes whose title words match (the last with its completions): the best-rated among the
 * `topRatedTitles` best-rated recipes; when those give fewer than `limit`, then any (the first
 * found), matched with `fallback`, the same words with fewer completions, whose union of posting
 * lists stays small enough to build quickly.
 */
export async function suggestTitles(db: DbOrTx, viewerId: string | null, query: { all: SQL; fallback: SQL }, limit: number): Promise<TitleRow[]> {
  const r = sql.identifier('r');
  const best = await rowsOf<TitleRow>(
    db,
    sql`select ${r}.recipe_id as id, ${r}.title from (select * from search_recipes order by quality desc, recipe_id desc limit ${topRatedTitles}) as ${r}
      where ${r}.title_vector @@ ${query.all} and ${visibleTo(viewerId)} order by ${r}.quality desc, ${r}.recipe_id desc limit ${limit}`,
  );
  if (best.length >= limit) return best;
  const more = await rowsOf<TitleRow & { quality: number }>(
    db,
    sql`select ${r}.recipe_id as id, ${r}.title, ${r}.quality from search_recipes as ${r}
      where ${r}.title_vector @@ ${query.fallback} and ${visibleTo(viewerId)} limit ${limit * 10}`,
  );
  const seen = new Set(best.map((row) => row.id));
  const rest = more.filter((row) => !seen.has(row.id)).sort((a, b) => b.quality - a.quality);
  return [...best, ...rest.map(({ id, title }) => ({ id, title }))].slice(0, limit);
}

export interface TermRow {
  kind: 'ingredient' | 'tag' | 'cuisine';
  term: string;
  label: string;
  n: number;
  /** 0: starts with q; 1: a word starts with q; 2: similar (a typo). */
  tier: number;
}

/** Ingredients, tags and cuisines starting with `q` (or with a word starting with it; similar when `q` has four letters or more), per kind. */
export async function suggestTerms(db: DbOrTx, viewerId: string | null, q: string, limit: number): Promise<TermRow[]> {
  const prefix = `${q}%`;
  const wordPrefix = `% ${q}%`;
  const similar = q.length >= 4;
  const matching = (column: SQL) => sql`(${column} like ${prefix} or ${column} like ${wordPrefix}${similar ? sql` or ${column} % ${q}` : sql``})`;
  const tier = (column: SQL) => sql`case when ${column} like ${prefix} then 0 when ${column} like ${wordPrefix} then 1 else 2 end`;
  const own = viewerId
    ? sql`union all
      select x.kind, x.term, 0 as public_n, count(*)::int as own_n from (
        select 'ingredient' as kind, unnest(ingredients) as term from search_recipes where owner_id = ${viewerId} and visibility <> 'public'
        union all select 'tag', unnest(tags) from search_recipes where owner_id = ${viewerId} and visibility <> 'public'
        union all select 'cuisine', cuisine from search_recipes where owner_id = ${viewerId} and visibility <> 'public' and cuisine is not null
      ) x where ${matching(sql`x.term`)} group by x.kind, x.term`
    : sql``;
  return rowsOf<TermRow>(
    db,
    sql`with found as (
      select kind, term, public_recipes as public_n, 0 as own_n from search_terms
        where kind in ('ingredient', 'tag', 'cuisine') and public_recipes > 0 and ${matching(sql`term`)}
      ${own}),
    summed as (
      select f.kind, f.term, (sum(f.public_n) + sum(f.own_n))::int as n, ${tier(sql`f.term`)} as tier from found f group by f.kind, f.term),
    ranked as (
      select s.*, row_number() over (partition by s.kind order by s.tier, s.n desc, s.term) as rank from summed s)
    select ranked.kind, ranked.term, coalesce(t.label, ranked.term) as label, ranked.n, ranked.tier
    from ranked left join search_terms t on t.kind = ranked.kind and t.term = ranked.term
    where ranked.rank <= ${limit} order by ranked.kind, ranked.rank`,
  );
}

export interface PersonRow {
  username: string;
  displayName: string | null;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Active accounts whose username starts with `q` (a range over the unique index on lower(username),
 * which serves any collation), or whose display name or a word of it does, written in lower case or
 * capitalised (`users` has no index on display names: a scan, about 7 ms at 20,000 accounts).
 */
export async function suggestPeople(db: DbOrTx, q: string, limit: number): Promise<PersonRow[]> {
  const next = q.slice(0, -1) + String.fromCodePoint((q.codePointAt(q.length - 1) ?? 0) + 1);
  const names = [q, capitalised(q)].flatMap((form) => [sql`display_name like ${`${form}%`}`, sql`display_name like ${`% ${form}%`}`]);
  const rows = await rowsOf<PersonRow>(
    db,
    sql`select username, "displayName" from (
      (select username, display_name as "displayName", 0 as tier from users
        where lower(username) >= ${q} and lower(username) < ${next} and lower(username) like ${`${q}%`} and status = 'active'
        order by lower(username) limit ${limit})
      union
      (select username, display_name, 1 from users where status = 'active' and (${sql.join(names, sql` or `)}) limit ${limit})
    ) x order by tier, lower(username)`,
  );
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.username) && seen.add(row.username)).slice(0, limit);
}

/**
 * The most common words of public recipes that start with `prefix` (the completions of a word being
 * typed), and those of the viewer's own other recipes (titles, ingredients, tags).
 */
export async function completeWord(db: DbOrTx, viewerId: string | null, prefix: string, limit: number): Promise<string[]> {
  const pattern = `${prefix}%`;
  const own = viewerId
    ? sql`union
      select w as term, 0 as n from search_recipes s,
        unnest(string_to_array(s.title_key || ' ' || array_to_string(s.ingredients || s.tags, ' '), ' ')) w
      where s.owner_id = ${viewerId} and s.visibility <> 'public' and w like ${pattern} and w <> ${prefix}`
    : sql``;
  const rows = await rowsOf<{ term: string }>(
    db,
    sql`select term from (
      (select term, public_recipes as n from search_terms where kind = 'word' and term like ${pattern} and term <> ${prefix} and public_recipes > 0
        order by public_recipes desc, term limit ${limit})
      ${own}) x
    order by n desc, term limit ${limit}`,
  );
  return [...new Set(rows.map((row) => row.term))];
}

export interface WordCorrection {
  word: string;
  known: boolean;
  suggestion: string | null;
}

/**
 * For each word: whether public recipes use it (the last word: whether one starts with it), and the
 * most similar word they use (pg_trgm), the more common first among equally similar ones.
 */
export async function correctWords(db: DbOrTx, words: readonly string[]): Promise<WordCorrection[]> {
  if (words.length === 0) return [];
  const last = words.length - 1;
  const rows = words.map((word, index) => sql`(${index}::int, ${word}::text, ${index === last}::boolean)`);
  return rowsOf<WordCorrection>(
    db,
    sql`select w.word,
        exists (select 1 from search_terms t where t.kind = 'word' and t.public_recipes > 0
          and (t.term = w.word or (w.last and t.term like w.word || '%'))) as known,
        (select t.term from search_terms t where t.kind = 'word' and t.public_recipes > 0 and t.term % w.word
          order by similarity(t.term, w.word) desc, t.public_recipes desc, t.term limit 1) as suggestion
      from (values ${sql.join(rows, sql`, `)}) as w(position, word, last) order by w.position`,
  );
}
