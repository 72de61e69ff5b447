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
  close(): Promise<void>;
}

// node-postgres returns int8 and numeric as strings; parse the counts and ids we store as bigint.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true } | { pglite: PGlite };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      driver: 'pg',
      url: target.url,
      db,
      executeSql: async (text, values = []) => {
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
  return {
    driver: 'pglite',
    db: drizzlePglite(client, { schema }) as unknown as Db,
    executeSql: async (text, values = []) => {
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
