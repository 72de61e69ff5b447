/**
 * GET /api/recipes/:id (the whole recipe: current version, images, rating summary) on a corpus of 100,000
 * recipes, against a bare Fastify route reading the same recipe's row and content by primary key, in one run.
 * PostgreSQL when DATABASE_URL is set (a scratch database tavola_bench_<random> on that server, dropped
 * afterwards), else PGlite in a temporary DATA_DIR. The load walks a request list of random public ids.
 * Env: RECIPE_READ_RECIPES (100000), HTTP_CONNECTIONS (10), HTTP_DURATION_SECONDS (5), HTTP_ROUNDS (4).
 * Each round measures the three targets back to back, in an order that alternates between rounds; ratios are
 * medians of the per-round ratios, so drift in the machine's load between rounds cancels out.
 */
import os from 'node:os';
import { createUserWithToken, startApp } from '../shared/app-server.js';
import { type LoadOptions, type LoadResult, runLoad } from '../shared/http-load.js';
import { createScratchDatabase, describePostgres, type ScratchDatabase } from '../shared/postgres.js';
import { machineDescription, note, printResult, printTable } from '../shared/report.js';
import { median, round } from '../shared/stats.js';
import { mainThreadCostMethod } from '../shared/thread-cpu.js';
import { bareRecipeQuery, startBareRecipeServer } from './bare-server.js';
import { countCorpus, giveViewerHistory, loadCorpus, randomPublicIds } from './corpus.js';
import { countQueries, queriesPerRead } from './query-count.js';

const recipeCount = Number.parseInt(process.env.RECIPE_READ_RECIPES ?? '100000', 10);
const userCount = 1000;
const batch = 25_000;
const requestListSize = 20_000;
const connections = Number.parseInt(process.env.HTTP_CONNECTIONS ?? '10', 10);
const durationSeconds = Number.parseInt(process.env.HTTP_DURATION_SECONDS ?? '5', 10);
const rounds = Number.parseInt(process.env.HTTP_ROUNDS ?? '4', 10);
const warmUpSeconds = 2;
const postgresUrl = process.env.DATABASE_URL || undefined;
const ratioGoal = 0.5;

type Target = 'anonymous' | 'viewer' | 'bare';
interface Measured extends LoadResult {
  queriesPerRequest: number | null;
}

function figures(results: Measured[]) {
  const queries = results.map((r) => r.queriesPerRequest).filter((q): q is number => q !== null);
  return {
    requestsPerSecond: round(median(results.map((r) => r.requestsPerSecond)), 0),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    serverCpuMicrosPerRequest: round(median(results.map((r) => r.serverCpuMicrosPerRequest)), 0),
    queriesPerRequest: queries.length > 0 ? round(median(queries), 2) : null,
  };
}

async function main(): Promise<void> {
  const machine = machineDescription();
  const driver = postgresUrl ? 'pg' : 'pglite';
  let scratch: ScratchDatabase | undefined;
  if (postgresUrl) scratch = await createScratchDatabase(postgresUrl);
  else note('recipe-read on PGlite (DATABASE_URL is not set): the goal applies to PostgreSQL');
  note(`recipe-read on ${driver}${scratch ? ` (scratch database ${scratch.name})` : ''}: starting the app`);
  const app = await startApp(scratch?.url);
  let bare: Awaited<ReturnType<typeof startBareRecipeServer>> | undefined;
  try {
    // The viewer first: the jobs its sign-up queues (the welcome mail) run while the corpus loads, not during the counts.
    const viewer = await createUserWithToken(app.baseUrl);
    note(`loading ${recipeCount} recipes (batches of ${batch}), ${userCount} users, images, ratings, favourites`);
    const loadStarted = performance.now();
    await loadCorpus(app.database, { recipes: recipeCount, users: userCount, batch }, note);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const analyzeStarted = performance.now();
    for (const table of ['users', 'recipes', 'recipe_versions', 'recipe_images', 'recipe_ratings', 'recipe_favourites']) {
      await app.database.executeSql(`vacuum analyze ${table}`, []);
    }
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    note(`loaded in ${loadSeconds.toFixed(1)} s, vacuum analyze ${analyzeSeconds.toFixed(1)} s`);

    await giveViewerHistory(app.database, viewer.id, recipeCount);
    const counts = await countCorpus(app.database);
    const ids = await randomPublicIds(app.database, requestListSize);
    bare = await startBareRecipeServer(app.database);

    note('queries per read, one request at a time, on 300 recipes with 0-6 images and 0-8 ratings');
    const perRead = {
      anonymous: await queriesPerRead(app, ids.slice(0, 300), {}),
      viewer: await queriesPerRead(app, ids.slice(0, 300), { authorization: `Bearer ${viewer.token}` }),
    };

    const loads: Record<Target, Omit<LoadOptions, 'durationSeconds'>> = {
      anonymous: { url: app.baseUrl, paths: ids.map((id) => `/api/recipes/${id}`), connections },
      viewer: { url: app.baseUrl, paths: ids.map((id) => `/api/recipes/${id}`), headers: { authorization: `Bearer ${viewer.token}` }, connections },
      bare: { url: bare.baseUrl, paths: ids.map((id) => `/recipes/${id}`), connections },
    };
    const measure = async (target: Target, seconds: number): Promise<Measured> => {
      if (target === 'bare') return { ...(await runLoad({ ...loads.bare, durationSeconds: seconds })), queriesPerRequest: null };
      const { result, queries } = await countQueries(app.database, () => runLoad({ ...loads[target], durationSeconds: seconds }));
      return { ...result, queriesPerRequest: queries / result.requests };
    };

    note(`warm-up: ${warmUpSeconds} s on each`);
    for (const target of ['anonymous', 'viewer', 'bare'] as const) await measure(target, warmUpSeconds);

    const results: Record<Target, Measured[]> = { anonymous: [], viewer: [], bare: [] };
    for (let r = 1; r <= rounds; r++) {
      const order: Target[] = r % 2 === 1 ? ['anonymous', 'viewer', 'bare'] : ['bare', 'viewer', 'anonymous'];
      for (const target of order) results[target].push(await measure(target, durationSeconds));
      const last = (target: Target) => results[target].at(-1) as Measured;
      note(
        `round ${r}/${rounds}: anonymous ${last('anonymous').requestsPerSecond.toFixed(0)} req/s, ` +
          `logged in ${last('viewer').requestsPerSecond.toFixed(0)} req/s, bare ${last('bare').requestsPerSecond.toFixed(0)} req/s; ` +
          `ratio ${(last('anonymous').requestsPerSecond / last('bare').requestsPerSecond).toFixed(2)}`,
      );
    }

    const ratiosOf = (target: Target) => results[target].map((a, i) => a.requestsPerSecond / (results.bare[i] as Measured).requestsPerSecond);
    const anonymousRatios = ratiosOf('anonymous');
    const viewerRatios = ratiosOf('viewer');
    const throughputRatio = median(anonymousRatios);
    const f = { anonymous: figures(results.anonymous), viewer: figures(results.viewer), bare: figures(results.bare) };

    console.log(
      `\nGET one recipe on ${driver === 'pg' ? `PostgreSQL (${describePostgres(scratch?.url ?? '')})` : 'PGlite (in-process WASM)'}: ` +
        `${counts.recipes} recipes (${counts.publicRecipes} public), ${counts.images} images, ${counts.ratings} ratings; ` +
        `request list of ${ids.length} random public ids; ${connections} keep-alive connections, ${durationSeconds} s x ${rounds} rounds each ` +
        `(medians), after ${warmUpSeconds} s warm-up; 1-min load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
    );
    const row = (label: string, x: ReturnType<typeof figures>) => [label, x.requestsPerSecond, x.p50Ms, x.p99Ms, x.serverCpuMicrosPerRequest, x.queriesPerRequest ?? 1];
    printTable(
      ['target', 'req/s', 'p50 ms', 'p99 ms', 'server CPU us/req', 'queries/req'],
      [
        row('app: GET /api/recipes/:id, anonymous', f.anonymous),
        row('app: GET /api/recipes/:id, logged in (Bearer token)', f.viewer),
        row('bare Fastify: GET /recipes/:id (1 PK query)', f.bare),
      ],
    );
    console.log(
      `\nqueries per read, one at a time over 300 recipes (0-6 images, 0-8 ratings): anonymous ${perRead.anonymous.distinct.join('/')}, ` +
        `logged in ${perRead.viewer.distinct.join('/')} (one figure each: constant, no N+1)`,
    );
    console.log(
      `app/bare throughput, anonymous (median of per-round ratios ${anonymousRatios.map((x) => x.toFixed(2)).join(', ')}): ${throughputRatio.toFixed(2)}; ` +
        `logged in: ${median(viewerRatios).toFixed(2)}; bare/app server CPU per request: ${(f.bare.serverCpuMicrosPerRequest / f.anonymous.serverCpuMicrosPerRequest).toFixed(2)}`,
    );
    const goalMet = throughputRatio >= ratioGoal;
    console.log(
      driver === 'pg'
        ? `goal: throughput ratio at least ${ratioGoal} on PostgreSQL -> ${goalMet ? 'met' : 'NOT met'}`
        : `goal (applies to PostgreSQL): throughput ratio at least ${ratioGoal}; on PGlite ${throughputRatio.toFixed(2)}`,
    );

    printResult({
      bench: 'recipe-read',
      metrics: {
        anonymous: f.anonymous,
        loggedIn: f.viewer,
        throughputRatio: round(throughputRatio, 2),
        loggedInThroughputRatio: round(median(viewerRatios), 2),
        serverCpuRatio: round(f.bare.serverCpuMicrosPerRequest / f.anonymous.serverCpuMicrosPerRequest, 2),
        ratioGoal,
        goalMet: driver === 'pg' ? goalMet : null,
        queriesPerRead: perRead,
        roundRatios: anonymousRatios.map((x) => round(x, 2)),
      },
      baseline: {
        bare: f.bare,
        route: 'plain Fastify GET /recipes/:id, no response schema',
        query: bareRecipeQuery,
        queryPath: bare.queryPath,
      },
      corpus: {
        driver,
        postgres: scratch ? describePostgres(scratch.url) : null,
        data: counts,
        loadSeconds: round(loadSeconds, 1),
        vacuumAnalyzeSeconds: round(analyzeSeconds, 1),
        requestList: { ids: ids.length, of: 'random public recipes, shuffled; each connection walks it in order' },
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
