import type { Database } from '../../server/src/db/client.js';

/** pg-boss polls its queues through the same handle on PGlite: its statements are not the request's. */
const isJobQueueStatement = (text: string) => /\bpgboss\./.test(text);

/** Runs `run` while counting the statements the app sends through its database handle. */
export async function countQueries<T>(database: Database, run: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const stop = database.onQuery((text) => {
    if (!isJobQueueStatement(text)) queries += 1;
  });
  try {
    return { result: await run(), queries };
  } finally {
    stop();
  }
}

interface RecipeAnswer {
  images: unknown[];
  rating: { count: number };
}

/**
 * Reads each recipe alone (one request in flight) and counts its statements: the distinct counts seen,
 * and the largest image and rating counts among the recipes read. One distinct count means no N+1.
 */
export async function queriesPerRead(app: { baseUrl: string; database: Database }, ids: string[], headers: Record<string, string>) {
  const seen = new Set<number>();
  let maxImages = 0;
  let maxRatings = 0;
  // One untimed read first: the token's "last used" write (at most once a minute) is not a read's cost.
  await (await fetch(`${app.baseUrl}/api/recipes/${ids[0]}`, { headers })).arrayBuffer();
  for (const id of ids) {
    const { result, queries } = await countQueries(app.database, async () => {
      const response = await fetch(`${app.baseUrl}/api/recipes/${id}`, { headers });
      if (response.status !== 200) throw new Error(`GET /api/recipes/${id} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as RecipeAnswer;
    });
    seen.add(queries);
    maxImages = Math.max(maxImages, result.images.length);
    maxRatings = Math.max(maxRatings, result.rating.count);
  }
  return { distinct: [...seen].sort((a, b) => a - b), reads: ids.length, maxImages, maxRatings };
}
