/** Latency of requests sent one at a time, and of the naive baseline queries. */
import type { SqlExecutor } from '../../server/src/db/client.js';
import { round } from '../shared/stats.js';

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarise(values: readonly number[]): Latencies & { n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? 0 : sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { n: sorted.length, p50: round(percentile(sorted, 50), 1), p95: round(percentile(sorted, 95), 1), p99: round(percentile(sorted, 99), 1), mean: round(mean, 1) };
}

/**
 * GETs each path in turn (every other one with `headers`, the rest anonymous) and records the
 * milliseconds to the end of the body; fails on any answer but 200.
 */
export async function measureRequests(baseUrl: string, paths: readonly string[], headers: Record<string, string>) {
  const latencies: number[] = [];
  let estimated = 0;
  let corrected = 0;
  for (const [i, path] of paths.entries()) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: i % 2 === 0 ? headers : {} });
    const body = await response.text();
    latencies.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 500)}`);
    if (body.includes('"estimated":{"total":true')) estimated++;
    if (body.includes('"corrected":true')) corrected++;
  }
  return { latencies, estimated, corrected };
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The naive search a small app starts with: `title ilike '%q%'` over the recipes the viewer may see, a
 * page of 20 newest first and the count, measured in the database (no HTTP, so the baseline is favoured).
 */
export async function measureBaseline(db: SqlExecutor, searches: readonly string[], suggests: readonly string[], viewerId: string) {
  const search: number[] = [];
  for (const q of searches) {
    const started = performance.now();
    await db.executeSql(
      `select id, title from recipes where (visibility = 'public' or owner_id = $2) and title ilike $1 order by updated_at desc, id desc limit 21`,
      [likePattern(q), viewerId],
    );
    await db.executeSql(`select count(*)::int from recipes where (visibility = 'public' or owner_id = $2) and title ilike $1`, [likePattern(q), viewerId]);
    search.push(performance.now() - started);
  }
  const suggest: number[] = [];
  for (const q of suggests) {
    const started = performance.now();
    await db.executeSql(`select id, title from recipes where (visibility = 'public' or owner_id = $2) and title ilike $1 limit 10`, [likePattern(q), viewerId]);
    suggest.push(performance.now() - started);
  }
  return { search, suggest };
}
