import { asc, count, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { foods } from '../../db/schema/index.js';
import type { ShippedFood } from './food-catalogue-file.js';

export type FoodRow = typeof foods.$inferSelect;

const summaryColumns = {
  id: foods.id,
  name: foods.name,
  commonName: foods.commonName,
  foodGroup: foods.foodGroup,
  rank: foods.rank,
};
export interface FoodSummaryRow {
  id: number;
  name: string;
  commonName: string;
  foodGroup: string;
  rank: number;
}

/** Rows of a raw query on either driver (PGlite and node-postgres both answer `{ rows }`). */
async function rowsOf<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A text[] parameter as an array literal (the same on both drivers). */
function textArray(values: string[]) {
  const literal = `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}

// The catalogue's version is the table's comment: no extra table, and it travels with dumps.
export async function readCatalogueVersion(db: DbOrTx): Promise<string | null> {
  const [row] = await rowsOf<{ version: string | null }>(db, sql`select obj_description('foods'::regclass, 'pg_class') as version`);
  return row?.version ?? null;
}

export async function writeCatalogueVersion(tx: DbOrTx, version: string): Promise<void> {
  if (!/^[\w:.-]+$/.test(version)) throw new Error(`unsafe catalogue version ${version}`);
  await tx.execute(sql.raw(`comment on table foods is '${version}'`));
}

/** Serialises seeding between app instances booting together (released at commit). */
export async function lockCatalogueSeeding(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(727277)`);
}

export async function countFoods(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(foods);
  return Number(row?.n ?? 0);
}

/**
 * Inserts or updates foods in one statement: the rows travel as one JSON parameter and are
 * unpacked by jsonb_to_recordset (far fewer parameters and round trips than a VALUES list).
 */
export async function upsertFoods(tx: DbOrTx, rows: ShippedFood[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into foods (id, name, common_name, aliases, food_group, nutrients, portions, density_g_per_ml, rank)
    select id, name, "commonName", array(select jsonb_array_elements_text(aliases)), "foodGroup", nutrients, portions, "densityGPerMl", rank
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
      id int, name text, "commonName" text, aliases jsonb, "foodGroup" text, nutrients jsonb, portions jsonb, "densityGPerMl" real, rank int)
    on conflict (id) do update set
      name = excluded.name, common_name = excluded.common_name, aliases = excluded.aliases, food_group = excluded.food_group,
      nutrients = excluded.nutrients, portions = excluded.portions, density_g_per_ml = excluded.density_g_per_ml, rank = excluded.rank`);
}

/** More memory for this transaction's GIN index updates (the trigram and alias indexes), which dominate a bulk load. */
export async function allowBulkIndexMemory(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`set local work_mem = '64MB'`);
}

/** Removes the foods a new catalogue no longer has. */
export async function deleteFoodsNotIn(tx: DbOrTx, ids: number[]): Promise<void> {
  const literal = `{${ids.filter(Number.isInteger).join(',')}}`;
  await tx.delete(foods).where(sql`not (${foods.id} = any(${literal}::int[]))`);
}

export async function findFoodsByIds(db: DbOrTx, ids: number[]): Promise<FoodRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(foods).where(inArray(foods.id, ids));
}

export interface KeyedFoodRow extends FoodSummaryRow {
  /** The looked-up key this food carries as its common name or an alias. */
  key: string;
}

/**
 * Every food whose common name or an alias is one of `keys`: one query for a whole recipe, hash
 * joins over the catalogue whatever the number of keys.
 */
export async function findFoodsByKeys(db: DbOrTx, keys: string[]): Promise<KeyedFoodRow[]> {
  if (keys.length === 0) return [];
  return rowsOf<KeyedFoodRow>(
    db,
    sql`with k as (select distinct unnest(${textArray(keys)}) as key),
        named as (
          select k.key, f.id from k join foods f on f.common_name = k.key
          union
          select k.key, a.id from k join (select id, unnest(aliases) as alias from foods) a on a.alias = k.key
        )
        select named.key, f.id, f.name, f.common_name as "commonName", f.food_group as "foodGroup", f.rank
        from named join foods f on f.id = named.id
        order by named.key, f.rank, f.id`,
  );
}

/**
 * Similar spellings only find everyday foods: ranks from 200 up are branded, restaurant, fast,
 * baby and school foods (server/scripts/food-data/food-rank.ts), which share short names ("chili",
 * "truffle") with the foods a recipe means.
 */
const similarRankLimit = 200;
/**
 * A name of several words must keep its last word, the one that says what it is: "tarragon
 * vinegar" is no "tarragon", "almond flour" no "almond"; "green apples" may be "apple".
 */
const headWordSimilarity = 0.6;

/** Least trigram similarity for a match: one-word names are mostly misspellings ("tumeric"), longer ones need more. */
export interface SimilarityThreshold {
  oneWord: number;
  severalWords: number;
}

export interface SimilarFoodRow extends FoodSummaryRow {
  key: string;
  /** The similar common name that was found. */
  similarName: string;
  similarity: number;
}

/**
 * For each key, the everyday common name most similar to it (pg_trgm), at least `threshold`, that
 * still names the key's last word; then, as for an exact match, the preferred food carrying that
 * name as its common name or an alias ("wild mushrooms" → "mushroom" → the raw white mushroom).
 * One query, lateral joins probing the trigram and alias indexes per key. For this transaction only, the threshold is set so that `%` applies it inside the index, and
 * sequential scans are ruled out: the planner cannot estimate `%` and would compute similarity
 * on every row for every key (measured 2-3 times slower on PGlite).
 */
export async function findMostSimilarFoods(db: DbOrTx, keys: string[], threshold: SimilarityThreshold): Promise<SimilarFoodRow[]> {
  if (keys.length === 0) return [];
  const lowest = Math.min(threshold.oneWord, threshold.severalWords);
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(lowest)}, true), set_config('enable_seqscan', 'off', true)`);
    return rowsOf<SimilarFoodRow>(
      tx,
      sql`select k.key, f.id, f.name, f.common_name as "commonName", f.food_group as "foodGroup", f.rank, near.common_name as "similarName", near.similarity
          from unnest(${textArray(keys)}) as k(key)
          cross join lateral (
            select common_name, similarity(common_name, k.key)::float8 as similarity
            from foods
            where common_name % k.key and rank < ${similarRankLimit}
              and (k.key not like '% %' or (similarity(common_name, k.key) >= ${threshold.severalWords}
                   and word_similarity(regexp_replace(k.key, '^.* ', ''), common_name) >= ${headWordSimilarity}))
              and (k.key like '% %' or similarity(common_name, k.key) >= ${threshold.oneWord})
            order by similarity(common_name, k.key) desc, rank, id
            limit 1
          ) near
          cross join lateral (
            select * from foods
            where common_name = near.common_name or aliases @> array[near.common_name]
            order by rank, id
            limit 1
          ) f`,
    );
  });
  return rows.map((row) => ({ ...row, similarity: Number(row.similarity) }));
}

/** Fresh planner statistics after a bulk load (PGlite has no autovacuum to gather them). */
export async function analyzeFoods(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze foods`);
}

/**
 * Autocomplete: exact names and aliases first, then names starting with the key, then names
 * containing a word like it (pg_trgm word similarity); preferred foods first within each tier.
 * An empty key lists the most preferred foods.
 */
export async function searchFoods(db: DbOrTx, key: string, limit: number): Promise<FoodSummaryRow[]> {
  if (key === '') return db.select(summaryColumns).from(foods).orderBy(asc(foods.rank), asc(foods.commonName), asc(foods.id)).limit(limit);
  const prefix = `${key.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return rowsOf<FoodSummaryRow>(
    db,
    sql`select id, name, common_name as "commonName", food_group as "foodGroup", rank
        from foods
        where common_name = ${key} or aliases @> array[${key}]::text[] or common_name like ${prefix} or ${key} <% common_name
        order by case when common_name = ${key} or aliases @> array[${key}]::text[] then 0 when common_name like ${prefix} then 1 else 2 end,
                 word_similarity(${key}, common_name) desc, rank, length(common_name), id
        limit ${limit}`,
  );
}
