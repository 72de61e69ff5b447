// `npm start`: builds the web client when its sources are newer than the build, then runs the server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const serverArgs = args.filter((a) => a !== '--dev');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

const built = path.join(root, 'web/dist/index.html');
const sources = Math.max(newest(path.join(root, 'web/src')), statSync(path.join(root, 'web/index.html')).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the web client…');
  const result = spawnSync('npm', ['run', 'build', '--silent', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Development runs the TypeScript sources (tsx, restart on change); otherwise the prebuilt bundle.
let command;
if (dev) {
  command = ['--import', 'tsx', '--watch', 'server/src/main.ts'];
} else {
  const { buildServerBundle, serverBundle, serverBundleIsStale } = await import('./build-server.mjs');
  if (serverBundleIsStale()) await buildServerBundle();
  command = ['--enable-source-maps', serverBundle];
}

const child = spawn(process.execPath, [...command, ...serverArgs], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
