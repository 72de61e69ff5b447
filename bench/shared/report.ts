import os from 'node:os';

/** Prints rows as an aligned text table on stdout (numbers right-aligned). */
export function printTable(headers: string[], rows: Array<Array<string | number>>): void {
  const cells = [headers, ...rows.map((row) => row.map((cell) => String(cell)))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const numeric = headers.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'));
  const format = (row: string[]) =>
    row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ');
  console.log(format(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(format(row));
}

/** Progress notes go to stderr so stdout holds only the table and the result line. */
export function note(message: string): void {
  console.error(message);
}

/** The machine, with its 1-minute load average when the benchmark started (other work on it skews absolute figures). */
export function machineDescription(): { cpus: number; cpuModel: string; node: string; platform: string; loadAverage1m: number } {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

export interface BenchResult {
  bench: string;
  metrics: Record<string, unknown>;
  baseline: Record<string, unknown>;
  corpus: Record<string, unknown>;
}

/** The one JSON line every benchmark ends with. */
export function printResult(result: BenchResult): void {
  console.log(JSON.stringify(result));
}
