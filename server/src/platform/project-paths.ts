import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root: the nearest folder above this module whose package.json is Tavola's.
 * Files the server reads at run time (migrations, shipped data, the built web client) are found
 * from here, so the server runs the same from its TypeScript sources and from the prebuilt bundle
 * `npm start` makes (where every module shares one `import.meta.url`).
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tavola') return dir;
    if (path.dirname(dir) === dir) throw new Error(`No Tavola package.json above ${start}`);
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository, from its root ("server/drizzle", "data/wine"). */
export const projectPath = (...parts: string[]): string => path.join(projectRoot, ...parts);
