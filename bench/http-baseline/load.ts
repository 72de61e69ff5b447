import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
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
   * Time this process's main thread was busy per request, in microseconds (event-loop utilisation over the run).
   * The servers under test run on the main thread, the load generator on a worker, so this is the server's cost of
   * a request; it moves less than req/s when other work on the machine takes CPU away.
   */
  busyMicrosPerRequest: number;
}

/**
 * Keep-alive GET load from autocannon in one worker thread (so the load generator does not share the event
 * loop of the server it measures), `connections` concurrent connections, for a fixed duration.
 * Fails when any request errors, times out or answers other than 2xx: a throttled or broken run is no figure.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const utilisationBefore = performance.eventLoopUtilization();
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    workers: 1,
  });
  const busyMs = performance.eventLoopUtilization(utilisationBefore).active;
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
    busyMicrosPerRequest: (busyMs * 1000) / result.requests.total,
  };
}
