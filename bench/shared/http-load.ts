import autocannon from 'autocannon';
import { mainThreadCostMicros } from './thread-cpu.js';

export interface LoadOptions {
  /** The target; with `paths`, only its origin is used. */
  url: string;
  /** A request list: each connection walks these paths in order, round and round (e.g. shuffled ids). */
  paths?: string[];
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /**
   * CPU time of this process's main thread per request, in microseconds. The servers under test run on the main
   * thread and the load generator on a worker, so this is the server's own cost of a request (on PGlite it includes
   * the query, which runs in-process). It moves far less than req/s when other work on the machine takes CPU away.
   */
  serverCpuMicrosPerRequest: number;
}

/**
 * Keep-alive GET load from autocannon in one worker thread (so the load generator does not share the event
 * loop of the server it measures), `connections` concurrent connections, for a fixed duration.
 * Fails when any request errors, times out or answers other than 2xx: a throttled or broken run is no figure.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const costBefore = mainThreadCostMicros();
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    requests: options.paths?.map((path) => ({ method: 'GET' as const, path })),
    connections: options.connections,
    duration: options.durationSeconds,
    workers: 1,
  });
  const cost = mainThreadCostMicros() - costBefore;
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) {
    throw new Error(
      `load on ${options.url} had ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers ` +
        `(status classes: 4xx ${result['4xx']}, 5xx ${result['5xx']})`,
    );
  }
  if (result.requests.total === 0) throw new Error(`load on ${options.url} completed no request`);
  return {
    requestsPerSecond: result.requests.total / (result.duration || options.durationSeconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    serverCpuMicrosPerRequest: cost / result.requests.total,
  };
}
