/**
 * Requests/s and latency of authenticated GET /api/me (Bearer token of a user created through the API) on the
 * real app, against a bare Fastify route doing one primary-key query on the same database, in the same run.
 * PostgreSQL when DATABASE_URL is set (a scratch database tavola_bench_<random>, dropped afterwards), else PGlite.
 * Env: HTTP_CONNECTIONS (10), HTTP_DURATION_SECONDS (5), HTTP_ROUNDS (4). Each round measures app and bare back
 * to back, in alternating order; the ratio reported is the median of the per-round ratios, so drift in the
 * machine's load between rounds cancels out.
 */
import os from 'node:os';
import { machineDescription, note, printResult, printTable } from '../shared/report.js';
import { createScratchDatabase, describePostgres, type ScratchDatabase } from '../shared/postgres.js';
import { median, round } from '../shared/stats.js';
import { mainThreadCostMethod } from '../shared/thread-cpu.js';
import { type LoadOptions, type LoadResult, runLoad } from '../shared/http-load.js';
import { createUserWithToken, startApp } from '../shared/app-server.js';
import { bareQuery, startBareServer } from './servers.js';

const connections = Number.parseInt(process.env.HTTP_CONNECTIONS ?? '10', 10);
const durationSeconds = Number.parseInt(process.env.HTTP_DURATION_SECONDS ?? '5', 10);
const rounds = Number.parseInt(process.env.HTTP_ROUNDS ?? '4', 10);
const warmUpSeconds = 1;
const postgresUrl = process.env.DATABASE_URL || undefined;
const ratioGoal = 0.6;

interface TargetFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  serverCpuMicrosPerRequest: number;
}

/** Medians over the rounds, each figure on its own. */
function medianFigures(results: LoadResult[]): TargetFigures {
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    serverCpuMicrosPerRequest: median(results.map((r) => r.serverCpuMicrosPerRequest)),
  };
}

function rounded(figures: TargetFigures) {
  return {
    requestsPerSecond: round(figures.requestsPerSecond, 0),
    p50Ms: figures.p50Ms,
    p99Ms: figures.p99Ms,
    requests: figures.requests,
    serverCpuMicrosPerRequest: round(figures.serverCpuMicrosPerRequest, 0),
  };
}

async function main(): Promise<void> {
  const machine = machineDescription();
  const driver = postgresUrl ? 'pg' : 'pglite';
  let scratch: ScratchDatabase | undefined;
  if (postgresUrl) scratch = await createScratchDatabase(postgresUrl);
  note(`http-baseline on ${driver}${scratch ? ` (scratch database ${scratch.name})` : ''}: starting the app and the bare server`);
  const app = await startApp(scratch?.url);
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  try {
    bare = await startBareServer(app.database);
    const user = await createUserWithToken(app.baseUrl);
    const appLoad: Omit<LoadOptions, 'durationSeconds'> = {
      url: `${app.baseUrl}/api/me`,
      headers: { authorization: `Bearer ${user.token}` },
      connections,
    };
    const bareLoad: Omit<LoadOptions, 'durationSeconds'> = { url: `${bare.baseUrl}/users/${user.id}`, connections };

    note(`warm-up: ${warmUpSeconds} s on each`);
    await runLoad({ ...appLoad, durationSeconds: warmUpSeconds });
    await runLoad({ ...bareLoad, durationSeconds: warmUpSeconds });

    const appResults: LoadResult[] = [];
    const bareResults: LoadResult[] = [];
    for (let r = 1; r <= rounds; r++) {
      let a: LoadResult;
      let b: LoadResult;
      if (r % 2 === 1) {
        a = await runLoad({ ...appLoad, durationSeconds });
        b = await runLoad({ ...bareLoad, durationSeconds });
      } else {
        b = await runLoad({ ...bareLoad, durationSeconds });
        a = await runLoad({ ...appLoad, durationSeconds });
      }
      appResults.push(a);
      bareResults.push(b);
      note(
        `round ${r}/${rounds}: app ${a.requestsPerSecond.toFixed(0)} req/s p99 ${a.p99Ms} ms; ` +
          `bare ${b.requestsPerSecond.toFixed(0)} req/s p99 ${b.p99Ms} ms; ratio ${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}`,
      );
    }

    const appFigures = medianFigures(appResults);
    const bareFigures = medianFigures(bareResults);
    const roundRatios = appResults.map((a, i) => a.requestsPerSecond / (bareResults[i] as LoadResult).requestsPerSecond);
    const throughputRatio = median(roundRatios);
    const p99Ratio = median(appResults.map((a, i) => a.p99Ms / Math.max((bareResults[i] as LoadResult).p99Ms, 1)));

    console.log(
      `\nGET throughput on ${driver === 'pg' ? `PostgreSQL (${describePostgres(scratch?.url ?? '')})` : 'PGlite (in-process WASM)'}: ` +
        `${connections} keep-alive connections, ${durationSeconds} s x ${rounds} rounds each (medians), after ${warmUpSeconds} s warm-up; ` +
        `1-min load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
    );
    const row = (label: string, f: TargetFigures) => [label, round(f.requestsPerSecond, 0), f.p50Ms, f.p99Ms, round(f.serverCpuMicrosPerRequest, 0)];
    printTable(
      ['target', 'req/s', 'p50 ms', 'p99 ms', 'server CPU us/req'],
      [row('app: GET /api/me (Bearer token)', appFigures), row('bare Fastify: GET /users/:id (1 PK query)', bareFigures)],
    );
    const cpuRatio = bareFigures.serverCpuMicrosPerRequest / appFigures.serverCpuMicrosPerRequest;
    console.log(
      `\napp/bare throughput ratio (median of per-round ratios ${roundRatios.map((x) => x.toFixed(2)).join(', ')}): ${throughputRatio.toFixed(2)}; ` +
        `app/bare p99 ratio: ${p99Ratio.toFixed(2)}; bare/app server CPU per request: ${cpuRatio.toFixed(2)}`,
    );
    const goalMet = throughputRatio >= ratioGoal;
    console.log(
      driver === 'pg'
        ? `goal: throughput ratio at least ${ratioGoal} on PostgreSQL -> ${goalMet ? 'met' : 'NOT met'}`
        : `goal (applies to PostgreSQL): throughput ratio at least ${ratioGoal}; on PGlite ${throughputRatio.toFixed(2)}`,
    );

    printResult({
      bench: 'http-baseline',
      metrics: {
        app: rounded(appFigures),
        throughputRatio: round(throughputRatio, 2),
        p99Ratio: round(p99Ratio, 2),
        serverCpuRatio: round(cpuRatio, 2),
        ratioGoal,
        goalMet: driver === 'pg' ? goalMet : null,
        rounds: appResults.map((r) => round(r.requestsPerSecond, 0)),
        roundRatios: roundRatios.map((x) => round(x, 2)),
      },
      baseline: {
        bare: rounded(bareFigures),
        route: 'plain Fastify GET /users/:id',
        query: bareQuery,
        queryPath: bare.queryPath,
        rounds: bareResults.map((r) => round(r.requestsPerSecond, 0)),
      },
      corpus: {
        driver,
        postgres: scratch ? describePostgres(scratch.url) : null,
        data: 'one user and one read-scoped API token created through the API on a freshly migrated database',
        load: { generator: 'autocannon, 1 worker thread', connections, durationSeconds, rounds, warmUpSeconds },
        serverCpu: mainThreadCostMethod,
        redis: 'not configured (in-process cache and rate-limit store)',
        machine: { ...machine, loadAverage1mAtEnd: round(os.loadavg()[0] ?? 0, 2) },
      },
    });
  } finally {
    await bare?.close();
    await app.close();
    await scratch?.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
