import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

export { PGlite, pg_trgm };
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; repositories accept `Db | Tx` so a service can compose writes in one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Raw SQL access in the shape pg-boss expects for its `db` option. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Database extends SqlExecutor {
  driver: 'pglite' | 'pg';
  /** The PostgreSQL connection string (pg driver only). */
  url?: string;
  db: Db;
  /**
   * Calls `listener` with the text of every statement sent through this handle (Drizzle queries and
   * `executeSql`) until the returned function is called. Tests and benchmarks count queries with it.
   */
  onQuery(listener: QueryListener): () => void;
  close(): Promise<void>;
}

export type QueryListener = (text: string) => void;

/** The listeners of one database handle; Drizzle reports its queries through its logger interface. */
function queryObservers() {
  const listeners = new Set<QueryListener>();
  const emit = (text: string) => {
    for (const listener of listeners) listener(text);
  };
  return {
    emit,
    logger: { logQuery: emit },
    onQuery: (listener: QueryListener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

// node-postgres returns int8 and numeric as strings; parse the counts and ids we store as bigint.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true } | { pglite: PGlite };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection the server ends (restart, administrator termination) is dropped by the pool,
    // which connects anew on the next query; without a listener its 'error' would end the process.
    pool.on('error', () => {});
    const observers = queryObservers();
    const db = drizzlePg(pool, { schema, logger: observers.logger }) as unknown as Db;
    return {
      driver: 'pg',
      url: target.url,
      db,
      onQuery: observers.onQuery,
      executeSql: async (text, values = []) => {
        observers.emit(text);
        const res = await pool.query(text, values as unknown[]);
        return { rows: Array.isArray(res) ? res.flatMap((r) => r.rows ?? []) : res.rows };
      },
      close: () => pool.end(),
    };
  }
  if ('pglite' in target) return wrapPglite(target.pglite);
  let dataDir: string | undefined;
  if ('dataDir' in target) {
    dataDir = path.join(target.dataDir, 'db');
    mkdirSync(dataDir, { recursive: true });
  }
  return wrapPglite(await PGlite.create(dataDir, { extensions: { pg_trgm } }));
}

/** PGlite must be created with the pg_trgm extension. */
function wrapPglite(client: PGlite): Database {
  const observers = queryObservers();
  return {
    driver: 'pglite',
    db: drizzlePglite(client, { schema, logger: observers.logger }) as unknown as Db,
    onQuery: observers.onQuery,
    executeSql: async (text, values = []) => {
      observers.emit(text);
      // pg-boss sends its migrations as parameterless multi-statement text: exec() runs them and returns every statement's rows.
      if (values.length === 0 && text.includes(';')) {
        const results = await client.exec(text);
        return { rows: results.flatMap((r) => r.rows) };
      }
      const res = await client.query(text, values as unknown[]);
      return { rows: res.rows as any[] };
    },
    close: () => client.close(),
  };
}
