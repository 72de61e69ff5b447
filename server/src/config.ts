import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Validated once at boot; everything else receives a Config. */
const roles = ['all', 'web', 'worker'] as const;

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().min(1).default('tavola:'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Tavola <no-reply@tavola.local>'),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SECRET_KEY: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(24 * 14),
  SESSION_MAX_DAYS: z.coerce.number().positive().default(90),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  ROLE: z.enum(roles).optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  IMPORT_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  redisUrl?: string;
  /** Prefix of every Redis key and channel, so deployments can share one Redis. */
  redisPrefix: string;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  port: number;
  host: string;
  secretKey: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** When set, GET /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  metricsToken?: string;
  /** Recipe import may fetch from loopback and private networks (tests only; off in production). */
  importAllowPrivateNetworks: boolean;
  role: (typeof roles)[number];
  /** --admin EMAIL: that account becomes admin at boot (or when it signs up). */
  adminEmail?: string;
  session: { idleMs: number; absoluteMs: number };
  rateLimit: { perMinute: number; authPerMinute: number; lockoutFailures: number; lockoutWindowMs: number; lockoutMs: number };
}

export class ConfigError extends Error {}

function parseArgs(argv: string[]): { role?: string; adminEmail?: string } {
  const out: { role?: string; adminEmail?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--admin') out.adminEmail = argv[++i];
    else if (arg.startsWith('--admin=')) out.adminEmail = arg.slice('--admin='.length);
    else if (arg === '--role') out.role = argv[++i];
    else if (arg.startsWith('--role=')) out.role = arg.slice('--role='.length);
  }
  return out;
}

/** Reads SECRET_KEY, or the key generated once into DATA_DIR. */
function resolveSecret(dataDir: string, given?: string): string {
  if (given) return given;
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, argv: string[] = process.argv.slice(2)): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const args = parseArgs(argv);
  const role = z.enum(roles).safeParse(args.role ?? e.ROLE ?? 'all');
  if (!role.success) throw new ConfigError(`Invalid configuration:\n  --role: expected one of ${roles.join(', ')}`);
  if (args.adminEmail !== undefined && !z.string().email().safeParse(args.adminEmail).success) {
    throw new ConfigError('Invalid configuration:\n  --admin: expected an email address');
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    port: e.PORT,
    host: e.HOST,
    secretKey: resolveSecret(dataDir, e.SECRET_KEY),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    metricsToken: e.METRICS_TOKEN,
    importAllowPrivateNetworks: e.IMPORT_ALLOW_PRIVATE_NETWORKS === 'true',
    role: role.data,
    adminEmail: args.adminEmail?.toLowerCase(),
    session: { idleMs: e.SESSION_IDLE_HOURS * 3600_000, absoluteMs: e.SESSION_MAX_DAYS * 86400_000 },
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      authPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
      lockoutFailures: 30,
      lockoutWindowMs: 3 * 60_000,
      lockoutMs: 3600_000,
    },
  };
}
