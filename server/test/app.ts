import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { createPlatform, type RunningPlatform } from '../src/platform/bootstrap.js';
import { randomToken } from '../src/platform/crypto.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  platform: RunningPlatform;
  config: Config;
  close(): Promise<void>;
}

/** Environment for tests: PGlite unless DATABASE_URL is set; in-process cache unless REDIS_URL is set. */
export const testEnv = {
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
};

export function testConfig(env: Record<string, string | undefined> = {}, argv: string[] = []): Config {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tavola-test-'));
  return loadConfig(
    {
      DATA_DIR: dataDir,
      SECRET_KEY: randomToken(32),
      LOG_LEVEL: 'silent',
      REDIS_URL: testEnv.redisUrl,
      REDIS_PREFIX: `t${randomToken(6)}:`,
      ...env,
    },
    argv,
  );
}

/** A whole app on a fresh database of its own; `close()` drops everything it made. */
export async function buildTestApp(options: { env?: Record<string, string | undefined>; argv?: string[] } = {}): Promise<TestApp> {
  const config = testConfig(options.env, options.argv);
  const testDb = await createTestDatabase(testEnv.databaseUrl);
  // Workers poll every half second and retry after a second, so job-driven tests finish quickly.
  const platform = await createPlatform(config, testDb.database, { jobs: { pollingIntervalSeconds: 0.5, retryDelay: 1, maxConnections: 3 } });
  const app = await buildApp(platform, { logger: config.logLevel !== 'silent' });
  await app.ready();
  return {
    app,
    platform,
    config,
    close: async () => {
      await app.close();
      await platform.close();
      await testDb.database.close();
      await testDb.drop();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
