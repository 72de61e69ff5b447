// `npm test`: builds the web client (the browser journeys load it), then runs every Vitest project with coverage.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const build = run('npm', ['run', 'build', '--silent', '-w', 'web']);
if (build !== 0) process.exit(build);
process.exit(run('npx', ['vitest', 'run', '--coverage', ...process.argv.slice(2)]));
