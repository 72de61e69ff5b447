/**
 * Loads the generated corpus quickly: users in one statement, then per batch the recipe rows and
 * their version (JSON rows, one statement each) and the search documents through the search
 * feature's bulk path (`PostgresSearchIndex.indexBatch`: one upsert, one vocabulary update), with
 * the search table's secondary indexes dropped during the load and built afterwards, as a restore does.
 */
import type { Database, SqlExecutor } from '../../server/src/db/client.js';
import type { PostgresSearchIndex } from '../../server/src/features/search/index.js';
import type { GeneratedRecipe } from './corpus-generator.js';

/** Owners of the corpus: `count` users made in one statement (ids are md5-derived uuids). */
export async function insertOwners(db: SqlExecutor, count: number): Promise<string[]> {
  const { rows } = await db.executeSql(
    `insert into users (id, email, username, display_name, password_hash, created_at)
     select overlay(overlay(md5('search-bench-user-' || u) placing '4' from 13) placing '8' from 17)::uuid,
       'search-bench-' || u || '@example.test', 'cook_' || u, (array['Ana', 'Ben', 'Chiara', 'Dev', 'Emma', 'Farid', 'Grace', 'Hugo'])[1 + u % 8] || ' ' || u,
       'not-a-hash', now()
     from generate_series(0, $1::int - 1) u
     returning id`,
    [count],
  );
  return rows.map((row: { id: string }) => row.id);
}

/** The secondary indexes of the search table, dropped before a bulk load; returns their definitions. */
export async function dropSearchIndexes(db: SqlExecutor): Promise<string[]> {
  const { rows } = await db.executeSql(
    `select indexname, indexdef from pg_indexes where tablename = 'search_recipes' and indexname <> 'search_recipes_pkey' order by indexname`,
    [],
  );
  for (const row of rows as { indexname: string }[]) await db.executeSql(`drop index ${row.indexname}`, []);
  return rows.map((row: { indexdef: string }) => row.indexdef);
}

/** Builds the dropped indexes again (with more memory for the sort than the default). */
export async function createIndexes(db: SqlExecutor, definitions: readonly string[], progress: (message: string) => void): Promise<void> {
  for (const definition of definitions) {
    const started = performance.now();
    await db.executeSql(`set maintenance_work_mem = '512MB'; ${definition}; reset maintenance_work_mem`, []);
    progress(`  ${definition.replace(/ ON .*/, '')}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** One batch: recipe rows, version rows, search documents. */
export async function loadBatch(database: Database, index: PostgresSearchIndex, recipes: readonly GeneratedRecipe[]): Promise<void> {
  const rows = recipes.map(({ doc, content }) => ({
    id: doc.recipeId,
    owner_id: doc.ownerId,
    visibility: doc.visibility,
    title: doc.title,
    cuisine: content.cuisine ?? null,
    course: content.course ?? null,
    total_minutes: doc.totalMinutes,
    created_at: doc.createdAt.toISOString(),
    updated_at: doc.updatedAt.toISOString(),
    content,
  }));
  const json = JSON.stringify(rows);
  await database.executeSql(
    `insert into recipes (id, owner_id, visibility, current_version, title, cuisine, course, total_minutes, created_at, updated_at)
     select d.id, d.owner_id, d.visibility, 1, d.title, d.cuisine, d.course, d.total_minutes, d.created_at, d.updated_at
     from jsonb_to_recordset($1::jsonb) as d(id uuid, owner_id uuid, visibility text, title text, cuisine text, course text, total_minutes int,
       created_at timestamptz, updated_at timestamptz)`,
    [json],
  );
  await database.executeSql(
    `insert into recipe_versions (recipe_id, number, author_id, content, change_note, created_at)
     select d.id, 1, d.owner_id, d.content, 'First version', d.created_at
     from jsonb_to_recordset($1::jsonb) as d(id uuid, owner_id uuid, content jsonb, created_at timestamptz)`,
    [json],
  );
  await database.db.transaction((tx) => index.indexBatch(tx, recipes.map((recipe) => recipe.doc)));
}
