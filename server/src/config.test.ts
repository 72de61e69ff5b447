import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tavola-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('has working defaults and generates the secret key once into DATA_DIR', () => {
    const dir = dataDir();
    const a = loadConfig({ DATA_DIR: dir }, []);
    expect(a).toMatchObject({ port: 3000, publicUrl: 'http://localhost:3000', role: 'all', databaseUrl: undefined, redisUrl: undefined });
    expect(a.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'secret.key'), 'utf8').trim()).toBe(a.secretKey);
    expect(loadConfig({ DATA_DIR: dir }, []).secretKey).toBe(a.secretKey);
  });

  it('reads the environment and the command line', () => {
    const config = loadConfig(
      {
        DATA_DIR: dataDir(),
        SECRET_KEY: 'k'.repeat(40),
        PORT: '8080',
        PUBLIC_URL: 'https://tavola.example/',
        DATABASE_URL: 'postgres://u@db:5432/tavola',
        SESSION_IDLE_HOURS: '2',
        SESSION_MAX_DAYS: '1',
        TRUST_PROXY: 'true',
        ROLE: 'web',
      },
      ['--admin=Chef@Example.test', '--role', 'worker'],
    );
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://tavola.example',
      databaseUrl: 'postgres://u@db:5432/tavola',
      trustProxy: true,
      role: 'worker',
      adminEmail: 'chef@example.test',
      session: { idleMs: 2 * 3600_000, absoluteMs: 86400_000 },
    });
    expect(loadConfig({ DATA_DIR: dataDir(), SECRET_KEY: 'k'.repeat(40) }, ['--admin', 'a@b.test', '--role=web'])).toMatchObject({ role: 'web', adminEmail: 'a@b.test' });
  });

  it('names every invalid variable at once', () => {
    const attempt = () => loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', DATABASE_URL: 'nope', SECRET_KEY: 'short' }, []);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
    expect(attempt).toThrow(/SECRET_KEY/);
  });

  it('refuses a bad --role or --admin', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir() }, ['--role=chef'])).toThrow(/--role/);
    expect(() => loadConfig({ DATA_DIR: dataDir() }, ['--admin', 'not-an-email'])).toThrow(/--admin/);
  });

  it('ignores empty variables', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir, REDIS_URL: '', SMTP_URL: '' }, []).redisUrl).toBeUndefined();
    expect(existsSync(path.join(dir, 'secret.key'))).toBe(true);
  });
});
