import { recipeSearchQuery, type SavedSearch, type SavedSearchBody } from '@tavola/contracts/search';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './saved-searches.repository.js';

/** Most searches one user keeps. */
export const maxSavedSearches = 50;

const toSavedSearch = (row: repo.SavedSearchRow): SavedSearch => ({ id: row.id, name: row.name, query: row.query, createdAt: row.createdAt.toISOString() });

/**
 * The query string as the search endpoint reads it (repeated keys become lists), checked against the
 * same schema, so a saved search always runs. The leading `?` is dropped.
 */
function checkQuery(query: string): string {
  const text = query.startsWith('?') ? query.slice(1) : query;
  const params = new URLSearchParams(text);
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    values[key] = all.length === 1 ? (all[0] as string) : all;
  }
  const parsed = recipeSearchQuery.safeParse(values);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ field: `query.${issue.path.join('.')}`, message: issue.message }));
    throw new AppError('validation_failed', 400, 'The query is not a valid search', errors);
  }
  if (params.has('cursor')) throw new AppError('validation_failed', 400, 'A saved search starts at its first page', [{ field: 'query.cursor', message: 'must not be set' }]);
  return text;
}

export async function listSavedSearches(db: Db, userId: string): Promise<SavedSearch[]> {
  return (await repo.listSavedSearches(db, userId)).map(toSavedSearch);
}

export async function saveSearch(db: Db, userId: string, body: SavedSearchBody): Promise<SavedSearch> {
  const query = checkQuery(body.query);
  const row = await db.transaction(async (tx) => {
    await repo.lockUserSavedSearches(tx, userId);
    if ((await repo.countSavedSearches(tx, userId)) >= maxSavedSearches) {
      throw new AppError('too_many_saved_searches', 409, `You can keep at most ${maxSavedSearches} saved searches; delete one first`);
    }
    return repo.insertSavedSearch(tx, { userId, name: body.name, query });
  });
  return toSavedSearch(row);
}

/** Only the owner can delete; anyone else gets the same 404 as for an id that does not exist. */
export async function deleteSavedSearch(db: Db, userId: string, id: string): Promise<void> {
  if (!(await repo.deleteSavedSearch(db, userId, id))) throw notFound('Saved search');
}
