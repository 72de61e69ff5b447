/**
 * Search at scale: a corpus of SEARCH_BENCH_RECIPES recipes (default 1,000,000 on PostgreSQL, 100,000 on
 * PGlite) generated from tastyR's Allrecipes distributions (corpus-generator.ts), loaded in batches, then
 * GET /api/search/suggest (autocomplete), GET /api/search/recipes with facets, and with filters, measured one
 * request at a time over HTTP against the real app (half anonymous, half as a logged-in reader who owns a few
 * recipes), p50/p95/p99. Baseline: a naive `title ilike '%q%'` search (page + count) on the recipes table,
 * in the same run. PostgreSQL when DATABASE_URL is set (a scratch database tavola_bench_<random>, dropped
 * afterwards), else PGlite in a temporary DATA_DIR.
 * Goals on PostgreSQL at 1M: autocomplete p95 < 15 ms, faceted search p95 < 50 ms.
 * Env: SEARCH_BENCH_RECIPES, SEARCH_BENCH_SEARCHES (600), SEARCH_BENCH_SUGGESTS (1000), SEARCH_BENCH_FILTERS (400).
 */
import os from 'node:os';
import { createSearchIndex } from '../../server/src/features/search/index.js';
import { createUserWithToken, startApp } from '../shared/app-server.js';
import { createScratchDatabase, describePostgres, type ScratchDatabase } from '../shared/postgres.js';
import { machineDescription, note, printResult, printTable } from '../shared/report.js';
import { round } from '../shared/stats.js';
import { generateRecipes } from './corpus-generator.js';
import { createIndexes, dropSearchIndexes, insertOwners, loadBatch } from './corpus-loader.js';
import { loadCorpusSource } from './corpus-source.js';
import { buildQueryMix } from './query-mix.js';
import { type Latencies, measureBaseline, measureRequests, summarise } from './measure.js';

const postgresUrl = process.env.DATABASE_URL || undefined;
const driver = postgresUrl ? 'pg' : 'pglite';
const recipeCount = Number.parseInt(process.env.SEARCH_BENCH_RECIPES ?? (postgresUrl ? '1000000' : '100000'), 10);
const counts = {
  searches: Number.parseInt(process.env.SEARCH_BENCH_SEARCHES ?? '600', 10),
  suggests: Number.parseInt(process.env.SEARCH_BENCH_SUGGESTS ?? '1000', 10),
  filters: Number.parseInt(process.env.SEARCH_BENCH_FILTERS ?? '400', 10),
};
const batchSize = postgresUrl ? 5000 : 2000;
const seed = 20_260_101;
const goals = { autocompleteP95Ms: 15, facetedSearchP95Ms: 50 };

async function main(): Promise<void> {
  const machine = machineDescription();
  const source = loadCorpusSource();
  if (source.origin === 'sample') note(`search: ../shared/data/recipes is absent; generating from the committed sample (${source.recipes.length} recipes)`);
  note(`search on ${driver}: ${recipeCount} recipes generated from ${source.recipes.length} source recipes (${source.origin})`);
  let scratch: ScratchDatabase | undefined;
  if (postgresUrl) scratch = await createScratchDatabase(postgresUrl);
  else note('search on PGlite (DATABASE_URL is not set): the goals apply to PostgreSQL');
  const app = await startApp(scratch?.url);
  try {
    const viewer = await createUserWithToken(app.baseUrl);
    const index = createSearchIndex(app.database.db);
    const loadStarted = performance.now();
    const owners = await insertOwners(app.database, Math.max(10, Math.round(recipeCount / 50)));
    const indexDefinitions = await dropSearchIndexes(app.database);
    for (let from = 0; from < recipeCount; from += batchSize) {
      const to = Math.min(recipeCount, from + batchSize);
      await loadBatch(app.database, index, generateRecipes(source.recipes, from, to, { owners, viewerId: viewer.id, seed }));
      if ((from / batchSize) % 20 === 0 || to === recipeCount) note(`  ${to} recipes loaded (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)`);
    }
    const rowsSeconds = (performance.now() - loadStarted) / 1000;
    note('building the search indexes');
    await createIndexes(app.database, indexDefinitions, note);
    for (const table of ['users', 'recipes', 'recipe_versions', 'search_recipes', 'search_terms']) await app.database.executeSql(`vacuum analyze ${table}`, []);
    await index.analyze();
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    note(`loaded in ${loadSeconds.toFixed(0)} s (rows ${rowsSeconds.toFixed(0)} s, indexes and analyze ${(loadSeconds - rowsSeconds).toFixed(0)} s)`);
    const corpus = (
      await app.database.executeSql(
        `select (select count(*)::int from search_recipes) as recipes, (select count(*)::int from search_recipes where visibility = 'public') as "publicRecipes",
          (select count(*)::int from users) as users, (select count(*)::int from search_terms) as terms,
          (select pg_total_relation_size('search_recipes')::float8 / 1048576) as "indexTableMb", (select pg_total_relation_size('search_terms')::float8 / 1048576) as "vocabularyMb"`,
        [],
      )
    ).rows[0] as Record<string, number>;

    const mix = buildQueryMix(source.recipes, counts, seed + 1);
    const auth = { authorization: `Bearer ${viewer.token}` };
    note('warm-up: 100 requests of each kind');
    await measureRequests(app.baseUrl, mix.suggests.slice(0, 100).map((q) => `/api/search/suggest?q=${encodeURIComponent(q)}`), auth);
    await measureRequests(app.baseUrl, mix.searches.slice(0, 100).map(({ q }) => `/api/search/recipes?q=${encodeURIComponent(q)}`), auth);

    note(`measuring ${counts.suggests} suggestions, ${counts.searches} searches with facets, ${counts.filters} filtered searches, one at a time`);
    const suggest = await measureRequests(app.baseUrl, mix.suggests.map((q) => `/api/search/suggest?q=${encodeURIComponent(q)}`), auth);
    const search = await measureRequests(app.baseUrl, mix.searches.map(({ q }) => `/api/search/recipes?q=${encodeURIComponent(q)}`), auth);
    const filters = await measureRequests(app.baseUrl, mix.filters.map((query) => `/api/search/recipes?${query}`), auth);
    const byKind = Object.fromEntries(
      (['title fragment', 'ingredient', 'whole title', 'typo'] as const).map((kind) => [
        kind,
        summarise(search.latencies.filter((_, i) => mix.searches[i]?.kind === kind)),
      ]),
    );
    const baselineCount = Math.min(40, mix.searches.length);
    note(`baseline: naive ILIKE '%q%' over titles, ${baselineCount} searches and ${baselineCount} autocompletes`);
    const baseline = await measureBaseline(app.database, mix.searches.slice(0, baselineCount).map(({ q }) => q), mix.suggests.slice(0, baselineCount), viewer.id);

    const rows: [string, Latencies & { n: number }][] = [
      ['autocomplete (suggest)', summarise(suggest.latencies)],
      ['search with facets', summarise(search.latencies)],
      ['  title fragments', byKind['title fragment'] as Latencies & { n: number }],
      ['  ingredients', byKind.ingredient as Latencies & { n: number }],
      ['  whole titles', byKind['whole title'] as Latencies & { n: number }],
      ['  with typos', byKind.typo as Latencies & { n: number }],
      ['search with filters', summarise(filters.latencies)],
      ['baseline: ILIKE search + count', summarise(baseline.search)],
      ['baseline: ILIKE autocomplete', summarise(baseline.suggest)],
    ];
    console.log(
      `\nSearch on ${driver === 'pg' ? `PostgreSQL (${describePostgres(scratch?.url ?? '')})` : 'PGlite (in-process WASM)'}: ${corpus.recipes} recipes ` +
        `(${corpus.publicRecipes} public), ${corpus.users} users, ${corpus.terms} vocabulary terms; index table ${round(corpus.indexTableMb ?? 0, 0)} MB with its indexes; ` +
        `source ${source.origin} (${source.recipes.length} recipes); loaded in ${loadSeconds.toFixed(0)} s; one request at a time over HTTP; ` +
        `1-min load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
    );
    printTable(
      ['requests', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms'],
      rows.map(([name, s]) => [name, s.n, s.p50, s.p95, s.p99, s.mean]),
    );
    const searchSummary = summarise(search.latencies);
    const suggestSummary = summarise(suggest.latencies);
    const filterSummary = summarise(filters.latencies);
    const baselineSearch = summarise(baseline.search);
    console.log(
      `\nestimated totals (broad queries): ${search.estimated} of ${search.latencies.length} searches; corrected typos: ${search.corrected}; ` +
        `search p95 vs baseline p95: ${round(baselineSearch.p95 / Math.max(0.01, searchSummary.p95), 1)}x faster; ` +
        `goals (PostgreSQL, 1M): autocomplete p95 < ${goals.autocompleteP95Ms} ms ${suggestSummary.p95 < goals.autocompleteP95Ms ? 'met' : 'missed'}, ` +
        `faceted search p95 < ${goals.facetedSearchP95Ms} ms ${searchSummary.p95 < goals.facetedSearchP95Ms ? 'met' : 'missed'}`,
    );
    printResult({
      bench: 'search',
      metrics: {
        autocomplete: suggestSummary,
        facetedSearch: searchSummary,
        filteredSearch: filterSummary,
        facetedSearchByKind: byKind,
        estimatedShare: round(search.estimated / search.latencies.length, 2),
        goals,
      },
      baseline: { ilikeSearch: baselineSearch, ilikeAutocomplete: summarise(baseline.suggest), p95Ratio: round(baselineSearch.p95 / Math.max(0.01, searchSummary.p95), 1) },
      corpus: { driver, ...corpus, source: source.origin, sourceRecipes: source.recipes.length, loadSeconds: round(loadSeconds, 0), machine },
    });
  } finally {
    await app.close();
    await scratch?.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
