import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { injectPageMeta, PageMetaRegistry } from './page-meta.js';
import { registerNotFound } from './problem.js';
import { projectPath } from './project-paths.js';

export const webDist = projectPath('web/dist');

/**
 * Serves the built React client; any non-API GET that is not a file gets index.html (client-side
 * routes), with the page's metadata (Open Graph, JSON-LD) when a feature knows the path.
 */
export async function registerWebClient(app: FastifyInstance, dist = webDist, pageMeta = new PageMetaRegistry()): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn(`web client not built (${dist}); run npm run build`);
    registerNotFound(app);
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    setHeaders: (res, filePath) => {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
    },
  });
  const indexHtml = readFileSync(path.join(dist, 'index.html'), 'utf8');
  registerNotFound(app, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isApi = url === '/api' || url.startsWith('/api/') || url === '/metrics';
    if (request.method !== 'GET' || isApi || path.extname(url)) return undefined;
    let html = indexHtml;
    try {
      const meta = await pageMeta.resolve(url);
      if (meta) html = injectPageMeta(indexHtml, meta);
    } catch (error) {
      request.log.error({ err: error }, 'page metadata failed');
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
