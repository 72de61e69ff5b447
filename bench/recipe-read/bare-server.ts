import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Database, SqlExecutor } from '../../server/src/db/client.js';
import { freePort } from '../shared/network.js';

export interface RunningBareServer {
  baseUrl: string;
  /** Where its query runs: the app's own PGlite instance, or its own node-postgres pool. */
  queryPath: string;
  close(): Promise<void>;
}

/** The least a server can do to answer a recipe: its row and current content, by primary key, in one query. */
export const bareRecipeQuery =
  'select r.id, r.title, r.visibility, v.number as version, v.content from recipes r ' +
  'join recipe_versions v on v.recipe_id = r.id and v.number = r.current_version where r.id = $1';

/**
 * A plain Fastify instance (no plugins, no logger, no response schema) with one route, GET /recipes/:id,
 * running `bareRecipeQuery` on the app's database: through the app's PGlite instance (PGlite is
 * single-process), or through a node-postgres pool of the app's size (10) on PostgreSQL. No visibility
 * check, no images, no ratings: the floor under GET /api/recipes/:id.
 */
export async function startBareRecipeServer(database: Database): Promise<RunningBareServer> {
  const pool = database.driver === 'pg' ? new pg.Pool({ connectionString: database.url, max: 10 }) : undefined;
  // Connections still closing when the scratch database is dropped must not end the process.
  pool?.on('error', () => {});
  const executor: SqlExecutor = pool
    ? { executeSql: async (text, values = []) => ({ rows: (await pool.query({ name: 'bare_recipe', text, values })).rows }) }
    : database;
  const server: FastifyInstance = Fastify({ logger: false });
  server.get<{ Params: { id: string } }>('/recipes/:id', async (request, reply) => {
    const { rows } = await executor.executeSql(bareRecipeQuery, [request.params.id]);
    if (rows.length === 0) return reply.status(404).send({ error: 'not found' });
    return rows[0];
  });
  const port = await freePort();
  await server.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    queryPath: pool ? 'own node-postgres pool (max 10), named prepared statement' : "the app's PGlite instance (database.executeSql)",
    close: async () => {
      await server.close();
      await pool?.end();
    },
  };
}
