import type { DbOrTx, SqlExecutor } from './client.js';

/**
 * Runs raw parameterised SQL (`$1..$n` placeholders) on a Drizzle database or transaction, in the
 * shape pg-boss takes as its per-call `db` option: `jobs.send(name, data, { tx })` inserts the job
 * in the caller's transaction, so the job exists exactly when the write that caused it commits.
 *
 * The text goes to the driver unchanged, with the values bound to its own placeholders. Rebuilding
 * it as a Drizzle `sql` template would renumber the placeholders one per occurrence, and pg-boss
 * reuses some of them in contexts that make PostgreSQL infer different types (its insert reads
 * `$5` as text and casts it to timestamptz and to interval): a delayed job would then fail to bind.
 */
export function txExecutor(tx: DbOrTx): SqlExecutor {
  return {
    executeSql: async (text, values = []) => {
      const query = tx._.session.prepareQuery({ sql: text, params: values.map((v) => (v === undefined ? null : v)) }, undefined, undefined, false);
      // node-postgres answers with a QueryResult, PGlite with Results: both carry `rows`.
      const result = (await query.execute()) as { rows?: unknown[] };
      return { rows: result.rows ?? [] };
    },
  };
}
