/** Small descriptive statistics for benchmark samples (milliseconds, requests/s...). */

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarize(values: number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** Rounds to a fixed number of decimals, for JSON output. */
export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function roundSummary(summary: Summary, decimals = 1): Summary {
  return { median: round(summary.median, decimals), min: round(summary.min, decimals), max: round(summary.max, decimals), runs: summary.runs };
}
