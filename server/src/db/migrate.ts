import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { projectPath } from '../platform/project-paths.js';
import type { Database } from './client.js';

export const migrationsFolder = projectPath('server/drizzle');

/** Applies the committed migrations. On PostgreSQL an advisory lock keeps concurrent instances from racing. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    await database.db.execute(sql`create extension if not exists pg_trgm`);
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // One dedicated connection holds the advisory lock for the whole run: concurrent instances wait, then find nothing to do.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(727275)');
    await client.query('create extension if not exists pg_trgm');
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}
