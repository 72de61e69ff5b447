import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { SearchDocument, VocabularyTerm } from './search-document.js';
import { rowsOf, textArray } from './search-conditions.repository.js';

/**
 * Writes of the PostgreSQL search index: documents (one or thousands per statement, as JSON rows)
 * and the vocabulary counts that follow them.
 */

/** What the vocabulary of a stored row is computed from. */
export interface StoredTerms {
  visibility: string;
  titleKey: string;
  ingredients: string[];
  tags: string[];
  cuisine: string | null;
  course: string | null;
}

const storedTermColumns = sql`visibility, title_key as "titleKey", ingredients, tags, cuisine, course`;

/** Index writes lock one of this many buckets per recipe (a bulk batch takes at most this many locks). */
const lockBuckets = 256;
const lockSpace = 727_301;

function bucketOf(recipeId: string): number {
  let hash = 0;
  for (let i = 0; i < recipeId.length; i++) hash = (hash * 31 + recipeId.charCodeAt(i)) | 0;
  return Math.abs(hash) % lockBuckets;
}

/**
 * Serialises index writes of these recipes until the transaction ends (a row may not exist yet, so
 * row locks would not do): advisory locks on their buckets, in a fixed order so two batches cannot
 * deadlock, and never more than 256 of them (the lock table is shared and small).
 */
export async function lockRecipes(tx: DbOrTx, recipeIds: readonly string[]): Promise<void> {
  const buckets = [...new Set(recipeIds.map(bucketOf))].sort((a, b) => a - b);
  if (buckets.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${lockSpace}, b) from unnest(${`{${buckets.join(',')}}`}::int[]) with ordinality as x(b, n) order by n`);
}

/** The stored rows' vocabulary sources, by recipe id. */
export async function findStoredTerms(tx: DbOrTx, recipeIds: readonly string[]): Promise<Map<string, StoredTerms>> {
  if (recipeIds.length === 0) return new Map();
  const rows = await rowsOf<StoredTerms & { id: string }>(
    tx,
    sql`select recipe_id as id, ${storedTermColumns} from search_recipes where recipe_id = any(${textArray(recipeIds)}::uuid[])`,
  );
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

export async function deleteDocument(tx: DbOrTx, recipeId: string): Promise<StoredTerms | undefined> {
  const [row] = await rowsOf<StoredTerms>(tx, sql`delete from search_recipes where recipe_id = ${recipeId} returning ${storedTermColumns}`);
  return row;
}

/** A folded text as a tsvector of one weight: stemmed in the recipe's language, and in English too when that is another. */
const weighted = (text: SQL, weight: 'A' | 'B' | 'C' | 'D') =>
  sql`setweight(case when d.config = 'english' then to_tsvector('english'::regconfig, ${text})
    else to_tsvector(d.config::regconfig, ${text}) || to_tsvector('english'::regconfig, ${text}) end, ${sql.raw(`'${weight}'`)})`;

const textArrayOf = (column: string) => sql.raw(`array(select jsonb_array_elements_text(d.${column}))`);

/** Inserts or replaces documents in one statement (JSON rows, the same on both drivers). */
export async function upsertDocuments(db: DbOrTx, docs: readonly SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const rows = docs.map((doc) => ({
    recipe_id: doc.recipeId,
    owner_id: doc.ownerId,
    visibility: doc.visibility,
    title: doc.title,
    title_key: doc.titleKey,
    config: doc.textConfig,
    a: doc.texts.a,
    b: doc.texts.b,
    c: doc.texts.c,
    d: doc.texts.d,
    summary: doc.summary,
    ingredients: doc.ingredients,
    ingredient_keys: doc.ingredientKeys,
    tags: doc.tags,
    cuisine: doc.cuisine,
    course: doc.course,
    diets: doc.diets,
    total_minutes: doc.totalMinutes,
    servings: doc.servings,
    rating_average: doc.ratingAverage,
    rating_count: doc.ratingCount,
    quality: doc.quality,
    has_photo: doc.hasPhoto,
    cover_url: doc.coverUrl,
    language: doc.language,
    created_at: doc.createdAt.toISOString(),
    updated_at: doc.updatedAt.toISOString(),
  }));
  await db.execute(sql`insert into search_recipes (recipe_id, owner_id, visibility, title, title_key, title_vector, document, summary, ingredients,
      ingredient_keys, tags, cuisine, course, diets, total_minutes, servings, rating_average, rating_count, quality, has_photo, cover_url,
      language, created_at, updated_at)
    select d.recipe_id, d.owner_id, d.visibility, d.title, d.title_key,
      case when d.config = 'english' then to_tsvector('english'::regconfig, d.a) else to_tsvector(d.config::regconfig, d.a) || to_tsvector('english'::regconfig, d.a) end,
      ${weighted(sql`d.a`, 'A')} || ${weighted(sql`d.b`, 'B')} || ${weighted(sql`d.c`, 'C')} || ${weighted(sql`d.d`, 'D')},
      d.summary, ${textArrayOf('ingredients')}, ${textArrayOf('ingredient_keys')}, ${textArrayOf('tags')}, d.cuisine, d.course, ${textArrayOf('diets')},
      d.total_minutes, d.servings, d.rating_average, d.rating_count, d.quality, d.has_photo, d.cover_url, d.language, d.created_at, d.updated_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(recipe_id uuid, owner_id uuid, visibility text, title text, title_key text, config text,
      a text, b text, c text, d text, summary text, ingredients jsonb, ingredient_keys jsonb, tags jsonb, cuisine text, course text, diets jsonb,
      total_minutes int, servings real, rating_average real, rating_count int, quality real, has_photo boolean, cover_url text, language text,
      created_at timestamptz, updated_at timestamptz)
    on conflict (recipe_id) do update set owner_id = excluded.owner_id, visibility = excluded.visibility, title = excluded.title,
      title_key = excluded.title_key, title_vector = excluded.title_vector, document = excluded.document, summary = excluded.summary,
      ingredients = excluded.ingredients, ingredient_keys = excluded.ingredient_keys, tags = excluded.tags, cuisine = excluded.cuisine,
      course = excluded.course, diets = excluded.diets, total_minutes = excluded.total_minutes, servings = excluded.servings,
      rating_average = excluded.rating_average, rating_count = excluded.rating_count, quality = excluded.quality, has_photo = excluded.has_photo,
      cover_url = excluded.cover_url, language = excluded.language, created_at = excluded.created_at, updated_at = excluded.updated_at`);
}

export interface TermDelta extends VocabularyTerm {
  label: string;
  recipes: number;
  publicRecipes: number;
}

/**
 * Adds the deltas to the vocabulary counts (in key order, so concurrent writers lock terms in the
 * same order) and drops the terms no recipe carries any more.
 */
export async function applyTermDeltas(tx: DbOrTx, deltas: readonly TermDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const sorted = [...deltas].sort((a, b) => (a.kind === b.kind ? (a.term < b.term ? -1 : a.term > b.term ? 1 : 0) : a.kind < b.kind ? -1 : 1));
  await tx.execute(sql`insert into search_terms (kind, term, label, recipes, public_recipes)
    select d.kind, d.term, d.label, d.recipes, d.public_recipes
    from jsonb_to_recordset(${JSON.stringify(sorted.map((d) => ({ kind: d.kind, term: d.term, label: d.label, recipes: d.recipes, public_recipes: d.publicRecipes })))}::jsonb)
      as d(kind text, term text, label text, recipes int, public_recipes int)
    order by d.kind, d.term
    on conflict (kind, term) do update set recipes = search_terms.recipes + excluded.recipes, public_recipes = search_terms.public_recipes + excluded.public_recipes`);
  const dropped = sorted.filter((d) => d.recipes < 0);
  if (dropped.length > 0) {
    await tx.execute(sql`delete from search_terms where recipes <= 0
      and (kind, term) in (select k, t from unnest(${textArray(dropped.map((d) => d.kind))}, ${textArray(dropped.map((d) => d.term))}) as x(k, t))`);
  }
}

/**
 * Rebuilds the whole vocabulary from the stored rows (after a bulk load or a full reindex), with the
 * labels given (keyed `kind:term`), else the term itself.
 */
export async function rebuildVocabulary(db: DbOrTx, labels: ReadonlyMap<string, string> = new Map()): Promise<void> {
  const labelRows = [...labels].map(([key, label]) => ({ key, label }));
  await db.execute(sql`delete from search_terms`);
  await db.execute(sql`insert into search_terms (kind, term, label, recipes, public_recipes)
    with terms as (
      select 'word' as kind, w as term, s.visibility from search_recipes s,
        lateral (select distinct w from unnest(string_to_array(s.title_key || ' ' || array_to_string(s.ingredients || s.tags, ' ') || ' ' ||
          coalesce(s.cuisine, '') || ' ' || coalesce(s.course, ''), ' ')) w where length(w) between 3 and 40 and w !~ '^[0-9]+$') words
      union all select 'ingredient', i, s.visibility from search_recipes s, lateral (select distinct unnest(s.ingredients) i) x
      union all select 'tag', t, s.visibility from search_recipes s, lateral (select distinct unnest(s.tags) t) x
      union all select 'cuisine', s.cuisine, s.visibility from search_recipes s where s.cuisine is not null
      union all select 'course', s.course, s.visibility from search_recipes s where s.course is not null)
    select t.kind, t.term, coalesce(min(l.label), t.term), count(*)::int, (count(*) filter (where t.visibility = 'public'))::int
    from terms t left join jsonb_to_recordset(${JSON.stringify(labelRows)}::jsonb) as l(key text, label text) on l.key = t.kind || ':' || t.term
    group by t.kind, t.term`);
}

/** Every label of the vocabulary, keyed `kind:term`. */
export async function termLabels(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await rowsOf<{ key: string; label: string }>(db, sql`select kind || ':' || term as key, label from search_terms where label <> term`);
  return new Map(rows.map((row) => [row.key, row.label]));
}

export async function countIndexed(db: DbOrTx): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from search_recipes`);
  return Number(row?.n ?? 0);
}

/** Indexed recipe ids in id order after `afterId` (the boot check looks for rows whose recipe is gone). */
export async function listIndexedIdsAfter(db: DbOrTx, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select recipe_id as id from search_recipes ${afterId ? sql`where recipe_id > ${afterId}::uuid` : sql``} order by recipe_id limit ${limit}`,
  );
  return rows.map((row) => row.id);
}

/** Which of these ids are in the index. */
export async function findIndexedIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await rowsOf<{ id: string }>(db, sql`select recipe_id as id from search_recipes where recipe_id = any(${textArray(ids)}::uuid[])`);
  return new Set(rows.map((row) => row.id));
}

/** Refreshes the planner's statistics after a bulk change (PGlite has no autovacuum). */
export async function analyzeIndex(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze search_recipes`);
  await db.execute(sql`analyze search_terms`);
}
