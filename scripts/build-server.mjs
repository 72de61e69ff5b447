// Bundles the server (server/src + contracts) into one ES module for `npm start`: node then loads
// one prebuilt file instead of compiling every TypeScript module at each start. npm packages stay
// external (loaded from node_modules as usual). Rebuilt only when a source file or the lock file is
// newer than the bundle. `npm run dev` keeps running the TypeScript sources with tsx.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(root, '.tmp/server/main.mjs');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.name.includes('.test.')) latest = Math.max(latest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

export function serverBundleIsStale() {
  if (!existsSync(serverBundle)) return true;
  const sources = Math.max(newest(path.join(root, 'server/src')), newest(path.join(root, 'contracts')), statSync(path.join(root, 'package-lock.json')).mtimeMs);
  return statSync(serverBundle).mtimeMs < sources;
}

/** Every npm dependency of the server and the root stays an import of node_modules. */
function externalPackages() {
  const names = new Set();
  for (const manifest of ['package.json', 'server/package.json']) {
    const json = JSON.parse(readFileSync(path.join(root, manifest), 'utf8'));
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) for (const name of Object.keys(json[field] ?? {})) names.add(name);
  }
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

export async function buildServerBundle() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'server/src/main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    external: externalPackages(),
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServerBundle();
  console.log(`server bundle: ${path.relative(root, serverBundle)} in ${Math.round(performance.now() - started)} ms`);
}
