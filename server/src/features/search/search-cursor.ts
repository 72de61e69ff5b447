import { createHash } from 'node:crypto';
import type { SearchSort } from '@tavola/contracts/search';
import { AppError } from '../../platform/errors.js';
import type { SearchRequest } from './search-index.js';
import { maxQueryWords } from './search-text.js';

/**
 * Keyset cursors of search pages: base64url of JSON holding the sort, a fingerprint of the query
 * (a cursor only continues the search it came from), the last hit's sort key and its id. Keys are
 * what the database sorts on, written back exactly: a relevance or rating score (float4 printed
 * by PostgreSQL), a creation time to the microsecond, a number of minutes or null.
 */
export type SortKey = number | string | null;

export interface SearchCursor {
  sort: SearchSort;
  key: SortKey;
  id: string;
  /** The corrected words the pages show, when the query found nothing and its correction was searched. */
  words?: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const timePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** What a cursor must agree with: the words, the filters and the sort (not the page size or the cursor). */
export function queryFingerprint(request: Pick<SearchRequest, 'words' | 'filters' | 'sort'>): string {
  return createHash('sha256')
    .update(JSON.stringify([request.words, request.filters, request.sort]))
    .digest('base64url')
    .slice(0, 12);
}

export function encodeSearchCursor(fingerprint: string, cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, s: cursor.sort, k: cursor.key, i: cursor.id, ...(cursor.words ? { w: cursor.words } : {}) })).toString('base64url');
}

const invalid = () => new AppError('validation_failed', 400, 'The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this search' }]);

function validKey(sort: SearchSort, key: unknown): key is SortKey {
  switch (sort) {
    case 'relevance':
    case 'rating':
      return typeof key === 'number' && Number.isFinite(key);
    case 'newest':
      return typeof key === 'string' && timePattern.test(key) && !Number.isNaN(Date.parse(key));
    case 'quickest':
      return key === null || (typeof key === 'number' && Number.isInteger(key) && key >= 0);
  }
}

/** The cursor's position; 400 when it was altered or belongs to another search or sort. */
export function decodeSearchCursor(fingerprint: string, sort: SearchSort, text: string): SearchCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const { f, s, k, i, w } = parsed as Record<string, unknown>;
  if (f !== fingerprint || s !== sort || typeof i !== 'string' || !uuidPattern.test(i) || !validKey(sort, k)) throw invalid();
  if (w === undefined) return { sort, key: k, id: i };
  if (!Array.isArray(w) || w.length === 0 || w.length > maxQueryWords || !w.every((word) => typeof word === 'string' && /^[\p{L}\p{N}]{1,40}$/u.test(word))) throw invalid();
  return { sort, key: k, id: i, words: w as string[] };
}
