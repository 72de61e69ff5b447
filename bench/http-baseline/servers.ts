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

export const bareQuery = 'select id, email, username from users where id = $1';

/**
 * A plain Fastify instance (no plugins, no logger) with one route, GET /users/:id, doing one primary-key
 * query on the same database as the app: through the app's PGlite instance (PGlite is single-process),
 * or through a node-postgres pool of the app's size (10) on PostgreSQL.
 */
export async function startBareServer(database: Database): Promise<RunningBareServer> {
  const pool = database.driver === 'pg' ? new pg.Pool({ connectionString: database.url, max: 10 }) : undefined;
  const executor: SqlExecutor = pool
    ? { executeSql: async (text, values = []) => ({ rows: (await pool.query(text, values)).rows }) }
    : database;
  const server: FastifyInstance = Fastify({ logger: false });
  server.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
    const { rows } = await executor.executeSql(bareQuery, [request.params.id]);
    if (rows.length === 0) return reply.status(404).send({ error: 'not found' });
    return rows[0];
  });
  const port = await freePort();
  await server.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    queryPath: pool ? 'own node-postgres pool (max 10)' : "the app's PGlite instance (database.executeSql)",
    close: async () => {
      await server.close();
      await pool?.end();
    },
  };
}
