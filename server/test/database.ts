import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, PGlite, pg_trgm, type Database } from '../src/db/client.js';
import { migrateDatabase, migrationsFolder } from '../src/db/migrate.js';
import { ensureFoodCatalogue, shippedCatalogueFile } from '../src/features/foods/index.js';
import { ensureWineKnowledge, shippedWineFolder } from '../src/features/wine-knowledge/index.js';
import { Jobs } from '../src/platform/jobs/jobs.js';
import { pino } from 'pino';

const root = path.resolve(import.meta.dirname, '../..');

/** The migrated PGlite data dir (with the food catalogue and wine knowledge) is built once per set of migrations and catalogue, and copied into every test file's database. */
function templatePath(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
  }
  hash.update(readFileSync(path.join(root, 'node_modules/pg-boss/package.json')));
  hash.update(readFileSync(shippedCatalogueFile));
  for (const file of readdirSync(shippedWineFolder).sort()) hash.update(file).update(readFileSync(path.join(shippedWineFolder, file)));
  return path.join(root, '.tmp', `pglite-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

export async function ensurePgliteTemplate(): Promise<string> {
  const file = templatePath();
  if (existsSync(file)) return file;
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const database = await openDatabase({ pglite: client });
  await migrateDatabase(database);
  await ensureFoodCatalogue(database.db);
  await ensureWineKnowledge(database.db);
  // pg-boss installs its schema at its first start; doing it once here saves every test app that work.
  const jobs = new Jobs({ database, logger: pino({ level: 'silent' }) });
  await jobs.start({ work: false });
  await jobs.stop();
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return file;
}

export interface TestDatabase {
  database: Database;
  /** Drops what this test file created (its PostgreSQL database). */
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: PGlite by default, its own PostgreSQL database when DATABASE_URL is set. */
export async function createTestDatabase(databaseUrl?: string): Promise<TestDatabase> {
  if (!databaseUrl) {
    const dump = readFileSync(await ensurePgliteTemplate());
    const client = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: { pg_trgm } });
    const database = await openDatabase({ pglite: client });
    return { database, drop: async () => {} };
  }
  const name = `tavola_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await migrateDatabase(database);
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
