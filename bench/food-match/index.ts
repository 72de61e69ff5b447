/**
 * Food matching on real ingredient names: every distinct `name` of the NYT labelled ingredient
 * lines (../shared/data/parser) matched to the shipped SR28 catalogue by matchFoods (exact name or
 * alias, reduced forms, then pg_trgm similarity), on PGlite. Baseline, measured in the same run on
 * the same database: exact whole-name-only matching (the name's key equals a common name or an
 * alias). Also times loading the catalogue (first boot) on PGlite, and on PostgreSQL when
 * DATABASE_URL is set. Prints samples of each kind of match for manual review.
 * Env: FOOD_MATCH_SEED_RUNS (default 3), FOOD_MATCH_SAMPLE (default 25 per kind).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FoodMatch } from '@tavola/contracts/foods';
import { openDatabase, PGlite, pg_trgm, type Database } from '../../server/src/db/client.js';
import { migrateDatabase } from '../../server/src/db/migrate.js';
import { ensureFoodCatalogue, matchFoods, openCatalogueFile } from '../../server/src/features/foods/index.js';
import { createScratchDatabase, describePostgres } from '../shared/postgres.js';
import { machineDescription, note, printResult, printTable } from '../shared/report.js';
import { round, roundSummary, summarize } from '../shared/stats.js';
import { loadIngredientNames } from './ingredient-names.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedRuns = Number.parseInt(process.env.FOOD_MATCH_SEED_RUNS ?? '3', 10);
const sampleSize = Number.parseInt(process.env.FOOD_MATCH_SAMPLE ?? '25', 10);
const postgresUrl = process.env.DATABASE_URL || undefined;
/** The API's limit per request: the benchmark matches in requests of this size. */
const chunkSize = 300;
const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7];

async function freshPglite(): Promise<Database> {
  const database = await openDatabase({ pglite: await PGlite.create({ extensions: { pg_trgm } }) });
  await migrateDatabase(database);
  return database;
}

/** Milliseconds to load the catalogue into a freshly migrated database, per run. */
async function timeSeeding(open: () => Promise<{ database: Database; close(): Promise<void> }>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < seedRuns; run++) {
    const { database, close } = await open();
    try {
      const result = await ensureFoodCatalogue(database.db);
      times.push(result.durationMs);
    } finally {
      await close();
    }
  }
  return times;
}

async function matchAll(database: Database, names: string[], options: Parameters<typeof matchFoods>[2]): Promise<{ matches: FoodMatch[]; ms: number }> {
  const matches: FoodMatch[] = [];
  const started = performance.now();
  for (let start = 0; start < names.length; start += chunkSize) matches.push(...(await matchFoods(database.db, names.slice(start, start + chunkSize), options)));
  return { matches, ms: performance.now() - started };
}

/** A deterministic spread of items (every n-th), so two runs show the same sample. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, index) => items[Math.floor(index * step)] as T);
}

function describeMatch(match: FoodMatch): string[] {
  return [match.name, match.food ? `${match.food.name} (${match.food.id})` : '—', match.matchedAs ?? '', match.similarity === null ? '' : String(match.similarity)];
}

async function main(): Promise<void> {
  const corpus = loadIngredientNames(root);
  const names = corpus.names.map((entry) => entry.name);
  const linesOf = new Map(corpus.names.map((entry) => [entry.name, entry.lines]));
  note(`food-match: ${names.length} distinct names (${corpus.lines} lines) from ${corpus.source}`);

  const pgliteSeedMs = await timeSeeding(async () => {
    const database = await freshPglite();
    return { database, close: () => database.close() };
  });
  note(`seeding on PGlite: ${pgliteSeedMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  let postgresSeedMs: number[] | null = null;
  if (postgresUrl) {
    postgresSeedMs = await timeSeeding(async () => {
      const scratch = await createScratchDatabase(postgresUrl);
      const database = await openDatabase({ url: scratch.url });
      await migrateDatabase(database);
      return {
        database,
        close: async () => {
          await database.close();
          await scratch.drop();
        },
      };
    });
    note(`seeding on PostgreSQL: ${postgresSeedMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  }

  const database = await freshPglite();
  await ensureFoodCatalogue(database.db);
  await matchAll(database, names.slice(0, chunkSize), {}); // warm-up: query plans, trigram index pages
  const baseline = await matchAll(database, names, { similar: false });
  const full = await matchAll(database, names, {});
  // The threshold sweep needs the best candidate below the threshold, for the names left unmatched.
  const lowThreshold = await matchAll(
    database,
    full.matches.filter((match) => match.food === null).map((match) => match.name),
    { threshold: thresholds[0] },
  );
  await database.close();

  const share = (matches: FoodMatch[], accept: (match: FoodMatch) => boolean) => {
    const accepted = matches.filter(accept);
    return {
      names: accepted.length / matches.length,
      lines: accepted.reduce((sum, match) => sum + (linesOf.get(match.name) ?? 0), 0) / corpus.lines,
    };
  };
  const exactOnly = share(baseline.matches, (match) => match.method === 'exact');
  const matched = share(full.matches, (match) => match.food !== null);
  const byMethod = Object.fromEntries(['exact', 'reduced', 'similar'].map((method) => [method, share(full.matches, (match) => match.method === method)]));
  const similarityOf = new Map(lowThreshold.matches.map((match) => [match.name, match]));
  const atThreshold = thresholds.map((threshold) => ({
    threshold,
    ...share(
      full.matches.map((match) => (match.food === null ? (similarityOf.get(match.name) ?? match) : match)),
      (match) => match.food !== null && (match.method !== 'similar' || (match.similarity ?? 0) >= threshold),
    ),
  }));

  const pct = (value: number) => round(value * 100, 1);
  console.log(`\nFood matching: ${names.length} distinct NYT ingredient names (${corpus.lines} labelled lines), SR28 catalogue on PGlite`);
  printTable(
    ['matcher', '% names matched', '% lines matched', 'ms total', 'names/s'],
    [
      ['baseline: exact whole name or alias only', pct(exactOnly.names), pct(exactOnly.lines), round(baseline.ms, 0), round((names.length / baseline.ms) * 1000, 0)],
      ['matchFoods: exact, reduced, similar (0.5 one word, 0.6 more)', pct(matched.names), pct(matched.lines), round(full.ms, 0), round((names.length / full.ms) * 1000, 0)],
    ],
  );
  console.log('\nBy method (matchFoods)');
  printTable(['method', '% names', '% lines'], Object.entries(byMethod).map(([method, value]) => [method, pct(value.names), pct(value.lines)]));
  console.log('\nIf the similarity threshold were…');
  printTable(['threshold', '% names matched', '% lines matched'], atThreshold.map((row) => [row.threshold, pct(row.names), pct(row.lines)]));
  console.log('\nCatalogue load (first boot), ms');
  printTable(
    ['database', 'median', 'min', 'max', 'runs'],
    [
      ['pglite (in memory)', ...Object.values(summarize(pgliteSeedMs)).map((value) => round(value, 0))],
      ...(postgresSeedMs ? [['postgres', ...Object.values(summarize(postgresSeedMs)).map((value) => round(value, 0))]] : []),
    ],
  );
  for (const [title, sample] of [
    ['most frequent names', full.matches.slice(0, sampleSize)],
    ['reduced matches', spread(full.matches.filter((match) => match.method === 'reduced'), sampleSize)],
    ['similar matches', spread(full.matches.filter((match) => match.method === 'similar'), sampleSize)],
    ['near misses (below the thresholds, not accepted)', spread(lowThreshold.matches.filter((match) => match.method === 'similar'), sampleSize)],
    ['unmatched', spread(full.matches.filter((match) => match.food === null), sampleSize)],
  ] as const) {
    console.log(`\nSample for review: ${title}`);
    printTable(['name', 'food', 'as', 'similarity'], sample.map(describeMatch));
  }

  printResult({
    bench: 'food-match',
    metrics: {
      namesMatchedPct: pct(matched.names),
      linesMatchedPct: pct(matched.lines),
      byMethodPct: Object.fromEntries(Object.entries(byMethod).map(([method, value]) => [method, { names: pct(value.names), lines: pct(value.lines) }])),
      thresholdSweep: atThreshold.map((row) => ({ threshold: row.threshold, namesPct: pct(row.names), linesPct: pct(row.lines) })),
      matchMs: round(full.ms, 0),
      namesPerSecond: round((names.length / full.ms) * 1000, 0),
      vsBaselineLinesMatched: round(matched.lines / exactOnly.lines, 2),
      seedMsPglite: roundSummary(summarize(pgliteSeedMs), 0),
      ...(postgresSeedMs ? { seedMsPostgres: roundSummary(summarize(postgresSeedMs), 0) } : {}),
    },
    baseline: {
      method: 'exact whole-name key equals a common name or alias (no reduction, no similarity), same database and run',
      namesMatchedPct: pct(exactOnly.names),
      linesMatchedPct: pct(exactOnly.lines),
      matchMs: round(baseline.ms, 0),
    },
    corpus: {
      names: corpus.source,
      distinctNames: names.length,
      lines: corpus.lines,
      catalogue: { file: 'data/foods/sr28-foods.json.gz', version: openCatalogueFile().version, foods: openCatalogueFile().read().foods.length },
      postgres: postgresUrl ? describePostgres(postgresUrl) : null,
      requestSize: chunkSize,
      machine: machineDescription(),
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
