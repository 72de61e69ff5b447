// `npm run bench` runs every benchmark in bench/; `npm run bench -- NAME [NAME...]` runs the named ones.
// A benchmark is a folder with index.ts (or index.mjs), or a top-level .ts/.mjs file; bench/shared/ holds helpers.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const entryNames = ['index.ts', 'index.mjs'];

/** Maps each benchmark name to the file that runs it. */
function discoverBenchmarks() {
  const found = new Map();
  for (const name of readdirSync(benchDir).sort()) {
    const full = path.join(benchDir, name);
    if (statSync(full).isDirectory()) {
      const entry = entryNames.map((file) => path.join(full, file)).find((file) => existsSync(file));
      if (entry) found.set(name, entry);
    } else if (name !== 'run.mjs' && /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.ts')) {
      found.set(name.replace(/\.(ts|mjs)$/, ''), full);
    }
  }
  return found;
}

const benchmarks = discoverBenchmarks();
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !benchmarks.has(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${[...benchmarks.keys()].join(', ')}`);
  process.exit(2);
}

const selected = requested.length > 0 ? requested : [...benchmarks.keys()];
const failed = [];
for (const name of selected) {
  const entry = benchmarks.get(name);
  console.error(`\n=== bench ${name} (${path.relative(root, entry)}) ===`);
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const status = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
  if (status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
