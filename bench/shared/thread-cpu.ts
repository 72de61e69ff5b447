import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const statPath = `/proc/self/task/${process.pid}/stat`;

function clockTicksPerSecond(): number {
  try {
    const ticks = Number.parseInt(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim(), 10);
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

const ticksPerSecond = existsSync(statPath) ? clockTicksPerSecond() : 0;

/** How the main thread's cost is measured here: its own CPU time (Linux), else event-loop busy time. */
export const mainThreadCostMethod =
  ticksPerSecond > 0 ? 'main-thread CPU time (/proc/self/task/<pid>/stat utime+stime)' : 'main-thread event-loop busy time (eventLoopUtilization)';

/**
 * A reading of the main thread's cost so far, in microseconds. On Linux it is the thread's own CPU time, which
 * other processes on the machine do not inflate (they only delay it); elsewhere the event loop's active time.
 */
export function mainThreadCostMicros(): number {
  if (ticksPerSecond > 0) {
    const stat = readFileSync(statPath, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (1-based).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks / ticksPerSecond) * 1e6;
  }
  return performance.eventLoopUtilization().active * 1000;
}
