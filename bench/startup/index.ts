/**
 * Cold start of the real server process until /readyz answers 200:
 *  - PGlite, empty DATA_DIR (first boot: creates the database and applies the migrations)
 *  - PGlite, warm DATA_DIR (second boot of the same directory)
 *  - PostgreSQL, empty database and migrated database, when DATABASE_URL is set
 * Baseline, measured in the same run with the same spawn-and-poll method: a bare `node -e` process
 * serving 200 from node:http. Reference row: the server's module graph loaded through tsx with no database
 * (modules-only-server.ts), which splits the start into module loading and database + app set-up.
 * Env: STARTUP_RUNS (default 3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineDescription, note, printResult, printTable } from '../shared/report.js';
import { createScratchDatabase, describePostgres } from '../shared/postgres.js';
import { round, roundSummary, type Summary, summarize } from '../shared/stats.js';
import { type BootCommand, timeBootToReady } from './boot-timer.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildServerBundle, serverBundle } from '../../scripts/build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number.parseInt(process.env.STARTUP_RUNS ?? '3', 10);
const postgresUrl = process.env.DATABASE_URL || undefined;
const warmGoalMs = 3000;

const bareServerSource =
  "require('node:http').createServer((req, res) => { res.statusCode = 200; res.end('ok'); }).listen(Number(process.env.PORT), '127.0.0.1');";

/** The child's environment: this one without database or Redis settings, plus the given ones. */
function serverEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...rest } = process.env;
  return {
    ...rest,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    ...extra,
  };
}

/** What `npm start` runs: the prebuilt server bundle (scripts/build-server.mjs), built before timing. */
function serverBoot(extra: Record<string, string>): BootCommand {
  return { nodeArgs: ['--enable-source-maps', serverBundle], env: serverEnv(extra), cwd: root, readyPath: '/readyz' };
}

const baselineBoot: BootCommand = { nodeArgs: ['-e', bareServerSource], env: { ...process.env }, cwd: root, readyPath: '/' };

/** Reference row: the server's module graph through tsx, no database. */
const modulesOnlyBoot: BootCommand = {
  nodeArgs: ['--import', 'tsx', 'bench/startup/modules-only-server.ts'],
  env: serverEnv({}),
  cwd: root,
  readyPath: '/',
};

function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'tavola-bench-startup-'));
}

/** One first boot and one second boot of the same fresh DATA_DIR on PGlite. */
async function measurePglitePair(): Promise<{ cold: number; warm: number }> {
  const dataDir = tempDataDir();
  try {
    const cold = await timeBootToReady(serverBoot({ DATA_DIR: dataDir }));
    const warm = await timeBootToReady(serverBoot({ DATA_DIR: dataDir }));
    return { cold, warm };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One first boot (empty database: migrations) and one second boot of a scratch PostgreSQL database. */
async function measurePostgresPair(adminUrl: string): Promise<{ cold: number; warm: number }> {
  const scratch = await createScratchDatabase(adminUrl);
  const dataDir = tempDataDir();
  try {
    const env = { DATA_DIR: dataDir, DATABASE_URL: scratch.url };
    const cold = await timeBootToReady(serverBoot(env));
    const warm = await timeBootToReady(serverBoot(env));
    return { cold, warm };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const machine = machineDescription();
  await buildServerBundle();
  note(`startup: ${runs} runs of the server bundle npm start runs; untimed warm-up boot first (OS file cache)`);
  await timeBootToReady(baselineBoot);
  await timeBootToReady(modulesOnlyBoot);
  await measurePglitePair();

  const baseline: number[] = [];
  const modulesOnly: number[] = [];
  const pgliteCold: number[] = [];
  const pgliteWarm: number[] = [];
  const postgresCold: number[] = [];
  const postgresWarm: number[] = [];
  for (let run = 1; run <= runs; run++) {
    baseline.push(await timeBootToReady(baselineBoot));
    modulesOnly.push(await timeBootToReady(modulesOnlyBoot));
    const pglite = await measurePglitePair();
    pgliteCold.push(pglite.cold);
    pgliteWarm.push(pglite.warm);
    let line = `run ${run}/${runs}: baseline ${baseline.at(-1)?.toFixed(0)} ms, modules only ${modulesOnly.at(-1)?.toFixed(0)} ms, pglite cold ${pglite.cold.toFixed(0)} ms, warm ${pglite.warm.toFixed(0)} ms`;
    if (postgresUrl) {
      const postgres = await measurePostgresPair(postgresUrl);
      postgresCold.push(postgres.cold);
      postgresWarm.push(postgres.warm);
      line += `, postgres cold ${postgres.cold.toFixed(0)} ms, warm ${postgres.warm.toFixed(0)} ms`;
    }
    note(line);
  }

  const baselineSummary = summarize(baseline);
  const rows: Array<[string, Summary]> = [
    ['baseline: bare node:http (node -e)', baselineSummary],
    ['reference: server modules via tsx, no database', summarize(modulesOnly)],
    ['pglite, empty DATA_DIR (first boot)', summarize(pgliteCold)],
    ['pglite, warm DATA_DIR (second boot)', summarize(pgliteWarm)],
  ];
  if (postgresUrl) {
    rows.push(['postgres, empty database (first boot)', summarize(postgresCold)]);
    rows.push(['postgres, migrated database (second boot)', summarize(postgresWarm)]);
  }
  const ratio = (summary: Summary) => summary.median / baselineSummary.median;

  console.log(
    `\nStartup to first 200 from /readyz (spawn -> poll every 10 ms), ${runs} runs each, ms; ` +
      `1-min load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
  );
  printTable(
    ['target', 'median', 'min', 'max', 'x baseline'],
    rows.map(([label, summary]) => [label, round(summary.median, 0), round(summary.min, 0), round(summary.max, 0), round(ratio(summary), 1)]),
  );
  const warmMedian = summarize(pgliteWarm).median;
  const goalMet = warmMedian < warmGoalMs;
  console.log(`\ngoal: warm start on PGlite under ${warmGoalMs} ms -> ${warmMedian.toFixed(0)} ms median: ${goalMet ? 'met' : 'NOT met'}`);

  const metrics: Record<string, unknown> = {
    pgliteColdMs: roundSummary(summarize(pgliteCold)),
    pgliteWarmMs: roundSummary(summarize(pgliteWarm)),
    pgliteColdVsBaseline: round(ratio(summarize(pgliteCold)), 2),
    pgliteWarmVsBaseline: round(ratio(summarize(pgliteWarm)), 2),
    modulesOnlyMs: roundSummary(summarize(modulesOnly)),
    modulesOnlyVsBaseline: round(ratio(summarize(modulesOnly)), 2),
    warmGoalMs,
    warmGoalMet: goalMet,
  };
  if (postgresUrl) {
    metrics.postgresColdMs = roundSummary(summarize(postgresCold));
    metrics.postgresWarmMs = roundSummary(summarize(postgresWarm));
    metrics.postgresColdVsBaseline = round(ratio(summarize(postgresCold)), 2);
    metrics.postgresWarmVsBaseline = round(ratio(summarize(postgresWarm)), 2);
  }
  printResult({
    bench: 'startup',
    metrics,
    baseline: { bareNodeHttpMs: roundSummary(baselineSummary), method: 'spawn node -e node:http server, poll GET every 10 ms until 200' },
    corpus: {
      drivers: postgresUrl ? ['pglite', 'pg'] : ['pglite'],
      postgres: postgresUrl ? describePostgres(postgresUrl) : null,
      dataDir: 'fresh temporary directory per run',
      redis: 'not configured (in-process cache)',
      runs,
      machine: { ...machine, loadAverage1mAtEnd: round(os.loadavg()[0] ?? 0, 2) },
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
