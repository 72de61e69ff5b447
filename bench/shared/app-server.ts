import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { type Database, openDatabase } from '../../server/src/db/client.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { createPlatform, type RunningPlatform } from '../../server/src/platform/bootstrap.js';
import { freePort } from './network.js';

/** The real app for HTTP benchmarks, and a user with an API token made through its API. */

export interface RunningApp {
  baseUrl: string;
  database: Database;
  close(): Promise<void>;
}

/**
 * The real app in this process, as main.ts builds it (config -> database -> migrations -> platform -> buildApp),
 * listening on 127.0.0.1. PGlite in a fresh DATA_DIR unless `databaseUrl` is given. Rate limits are lifted
 * so the load is not throttled; logs at warn, so per-request logging is off as on the bare server.
 */
export async function startApp(databaseUrl?: string): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tavola-bench-http-'));
  const port = await freePort();
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    },
    [],
  );
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  let platform: RunningPlatform | undefined;
  try {
    await migrateDatabase(database);
    platform = await createPlatform(config, database);
    const app = await buildApp(platform, { serveWeb: false });
    await app.listen({ port, host: config.host });
    const running = platform;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      database,
      close: async () => {
        await app.close();
        await running.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await platform?.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface BenchUser {
  id: string;
  token: string;
}

/** Signs a user up through the API, reads the CSRF token of its session, and creates a read-scoped API token. */
export async function createUserWithToken(baseUrl: string): Promise<BenchUser> {
  const suffix = randomBytes(5).toString('hex');
  const signUp = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `bench-${suffix}@example.com`, username: `bench_${suffix}`, password: `Bench-${randomBytes(12).toString('hex')}` }),
  });
  await expectStatus(signUp, 201, 'POST /api/auth/signup');
  const me = (await signUp.json()) as { id: string };
  const cookie = signUp.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');

  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  await expectStatus(session, 200, 'GET /api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string | null };
  if (!csrfToken) throw new Error('GET /api/auth/session returned no CSRF token after sign-up');

  const created = await fetch(`${baseUrl}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', scopes: ['read'] }),
  });
  await expectStatus(created, 201, 'POST /api/me/tokens');
  const { token } = (await created.json()) as { token: string };
  return { id: me.id, token };
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}, expected ${status}: ${await response.text()}`);
}
