import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { type SearchDocument, vocabularyOf } from './search-document.js';
import { decodeSearchCursor, encodeSearchCursor, queryFingerprint, type SearchCursor } from './search-cursor.js';
import { toFacets } from './search-facet-values.js';
import type { IndexSearchPage, IndexSuggestion, SearchIndex, SearchRequest } from './search-index.js';
import * as writes from './search-index.repository.js';
import { isSearchLanguage, textSearchConfig } from './search-language.js';
import { tsqueryOf } from './search-conditions.repository.js';
import { estimateRows, findHits, indexedRowEstimate, sampleFacets, searchBroadPage, searchExactly, searchSortedPage, type SearchStatement } from './search-query.repository.js';
import { completeWord, correctWords, suggestTerms, suggestTitles } from './search-suggest.repository.js';

export interface PostgresSearchOptions {
  /** Candidates (before facet filters) up to which a search ranks and counts every match exactly. */
  exactLimit: number;
  /** Rows a block sample aims at when a query has more candidates (its counts are then estimates). */
  sampleRows: number;
}

export const defaultSearchOptions: PostgresSearchOptions = { exactLimit: 500, sampleRows: 3000 };

/** An estimate below this many times the exact limit may be wrong enough to try the exact path first. */
const estimateMargin = 1.5;
/** Results collected and sorted in memory, at most, when the sample shows they are rare (other sorts than relevance). */
const sortedLimit = 5000;
/** Matches a sample needs to show results are common enough to walk a sort's index. */
const minimumSampleMatches = 5;
/** Completions of the last word (prefix matching) taken from the vocabulary, most common first. */
const maxCompletions = 6;
/** Completions kept when titles are looked for beyond the best-rated recipes (a union of common words costs). */
const fallbackCompletions = 2;
const minimumPrefix = 2;
/** Fewer results than this and the query's words are checked for typos ("did you mean"). */
const fewResults = 3;

/**
 * The SearchIndex on PostgreSQL (and PGlite): `search_recipes` with a weighted tsvector and GIN
 * indexes, `search_terms` as the vocabulary (autocomplete counts, "did you mean" through pg_trgm).
 * Writes happen in the caller's transaction.
 */
export class PostgresSearchIndex implements SearchIndex {
  private rowEstimate: { rows: number; at: number } | null = null;

  private readonly options: PostgresSearchOptions;

  constructor(
    private readonly db: Db,
    options: Partial<PostgresSearchOptions> = {},
  ) {
    this.options = { ...defaultSearchOptions, ...options };
  }

  async index(tx: Tx, doc: SearchDocument): Promise<void> {
    await this.indexBatch(tx, [doc]);
  }

  /** Adds or replaces many documents in one transaction: one upsert, one vocabulary update. */
  async indexBatch(tx: DbOrTx, docs: readonly SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    const ids = docs.map((doc) => doc.recipeId);
    await writes.lockRecipes(tx, ids);
    const stored = await writes.findStoredTerms(tx, ids);
    await writes.upsertDocuments(tx, docs);
    const deltas = new TermDeltas();
    for (const doc of docs) {
      const before = stored.get(doc.recipeId);
      if (before) deltas.add(before, -1);
      deltas.add(doc, 1, doc.labels);
    }
    await writes.applyTermDeltas(tx, deltas.list());
  }

  /** Maintenance (reindex, boot check): how many recipes the index holds, which of these it holds, its ids in order. */
  countIndexed(): Promise<number> {
    return writes.countIndexed(this.db);
  }

  findIndexed(ids: readonly string[]): Promise<Set<string>> {
    return writes.findIndexedIds(this.db, ids);
  }

  indexedIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    return writes.listIndexedIdsAfter(this.db, afterId, limit);
  }

  /** Recounts the vocabulary from the stored rows, keeping the labels it had (a full reindex fixes any drift). */
  async rebuildVocabulary(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await writes.rebuildVocabulary(tx, await writes.termLabels(tx));
    });
  }

  /** Whether the planner's row count of the index is more than 20 % away from `rows`. */
  async statisticsStale(rows: number): Promise<boolean> {
    const estimate = await indexedRowEstimate(this.db, { exactWhenUnknown: false });
    return Math.abs(estimate - rows) > Math.max(100, rows * 0.2);
  }

  /** Fresh planner statistics after many writes (PGlite runs no autovacuum). */
  analyze(): Promise<void> {
    this.rowEstimate = null;
    return writes.analyzeIndex(this.db);
  }

  async remove(tx: Tx, recipeId: string): Promise<void> {
    await writes.lockRecipes(tx, [recipeId]);
    const before = await writes.deleteDocument(tx, recipeId);
    if (!before) return;
    const deltas = new TermDeltas();
    deltas.add(before, -1);
    await writes.applyTermDeltas(tx, deltas.list());
  }

  async query(viewerId: string | null, request: SearchRequest): Promise<IndexSearchPage> {
    const fingerprint = queryFingerprint(request);
    const cursor = request.cursor ? decodeSearchCursor(fingerprint, request.sort, request.cursor) : null;
    if (cursor?.words) return { ...(await this.search(viewerId, request, fingerprint, cursor, cursor.words)), didYouMean: cursor.words.join(' '), corrected: true };
    const found = await this.search(viewerId, request, fingerprint, cursor, request.words);
    if (found.total >= fewResults || cursor || request.words.length === 0) return found;
    const corrected = await this.correction(request.words);
    if (!corrected) return found;
    if (found.total > 0) return { ...found, didYouMean: corrected.join(' ') };
    const retried = await this.search(viewerId, request, fingerprint, null, corrected);
    return { ...retried, didYouMean: corrected.join(' '), corrected: true };
  }

  /** The words with each unknown one (no public recipe uses it) replaced by the closest known word, or null when nothing changes. */
  private async correction(words: string[]): Promise<string[] | null> {
    const checked = await correctWords(this.db, words);
    let changed = false;
    const corrected = checked.map((entry) => {
      if (entry.known || !entry.suggestion || entry.word.length < 3 || /^\d+$/.test(entry.word)) return entry.word;
      changed = true;
      return entry.suggestion;
    });
    return changed ? corrected : null;
  }

  /** The query's terms: each word, the last one with its completions (prefix matching through the vocabulary). */
  private async termsOf(viewerId: string | null, words: readonly string[]): Promise<string[][]> {
    const last = words.at(-1);
    if (last === undefined) return [];
    const completions = last.length >= minimumPrefix ? await completeWord(this.db, viewerId, last, maxCompletions) : [];
    return [...words.slice(0, -1).map((word) => [word]), [last, ...completions]];
  }

  private async search(viewerId: string | null, request: SearchRequest, fingerprint: string, cursor: SearchCursor | null, words: string[]): Promise<IndexSearchPage> {
    const language = request.filters.language;
    const tsquery = tsqueryOf(await this.termsOf(viewerId, words), language && isSearchLanguage(language) ? textSearchConfig[language] : null);
    const sort = request.sort === 'relevance' && !tsquery ? 'rating' : request.sort;
    const statement: SearchStatement = { viewerId, tsquery, filters: request.filters, sort, cursor: cursor && { ...cursor, sort }, limit: request.limit, facets: request.facets };
    const { exactLimit, sampleRows } = this.options;
    // The planner's estimate decides whether an exact attempt is worth its reads: far above the limit, go broad at once.
    const candidates = await estimateRows(this.db, statement);
    const exact = candidates <= exactLimit * estimateMargin ? await searchExactly(this.db, statement, exactLimit) : null;
    let result: Pick<IndexSearchPage, 'total' | 'facets' | 'estimated'> & { page: { id: string; key: SearchCursor['key'] }[] };
    if (exact && exact.n <= exactLimit) {
      result = { total: exact.total ?? 0, facets: exact.facets ? toFacets(exact.facets, 1) : null, estimated: { total: false, facets: false }, page: exact.page ?? [] };
    } else {
      const percent = await this.samplePercent(sampleRows);
      const [broad, sample] = await Promise.all([searchBroadPage(this.db, statement, exactLimit), sampleFacets(this.db, statement, percent)]);
      const exactTotal = broad.n <= exactLimit;
      // Other sorts walk their index when the sample shows results are common; when it does not, results are collected and sorted.
      const dense = sample.n >= minimumSampleMatches;
      const page = broad.page ?? (dense ? null : await searchSortedPage(this.db, statement, sortedLimit)) ?? (await searchSortedPage(this.db, statement, null)) ?? [];
      const scale = 100 / percent;
      result = {
        total: exactTotal ? broad.n : percent >= 100 ? sample.n : Math.max(Math.round(sample.n * scale), exactLimit + 1),
        facets: sample.facets ? toFacets(sample.facets, scale) : null,
        estimated: { total: !exactTotal && percent < 100, facets: request.facets && percent < 100 },
        page,
      };
    }
    const page = result.page.slice(0, request.limit);
    const hits = await findHits(this.db, page.map((row) => row.id));
    const last = page.at(-1);
    const wordsChanged = words !== request.words;
    return {
      hits: page.flatMap((row) => hits.get(row.id) ?? []),
      total: result.total,
      facets: request.facets ? result.facets : null,
      estimated: result.estimated,
      nextCursor:
        result.page.length > request.limit && last
          ? encodeSearchCursor(fingerprint, { sort: request.sort, key: last.key, id: last.id, ...(wordsChanged ? { words } : {}) })
          : null,
      didYouMean: null,
      corrected: false,
    };
  }

  /** The share of the table a facet sample reads: about `sampleRows` rows (the row estimate is refreshed every minute). */
  private async samplePercent(sampleRows: number): Promise<number> {
    const now = Date.now();
    if (!this.rowEstimate || now - this.rowEstimate.at > 60_000) this.rowEstimate = { rows: await indexedRowEstimate(this.db), at: now };
    const rows = Math.max(1, this.rowEstimate.rows);
    return Math.min(100, Math.max(0.1, Math.round(((100 * sampleRows) / rows) * 100) / 100));
  }

  async suggest(viewerId: string | null, q: string, limit: number): Promise<IndexSuggestion[]> {
    const words = q.split(' ').filter(Boolean);
    const queryTerms = await this.termsOf(viewerId, words);
    const all = tsqueryOf(queryTerms, null);
    const fallback = tsqueryOf(
      queryTerms.map((alternatives) => alternatives.slice(0, 1 + fallbackCompletions)),
      null,
    );
    const titleQuery = all && fallback && { all, fallback };
    const [titles, terms] = await Promise.all([
      titleQuery ? suggestTitles(this.db, viewerId, titleQuery, limit) : Promise.resolve([]),
      suggestTerms(this.db, viewerId, q, limit),
    ]);
    return [
      ...titles.map((title): IndexSuggestion => ({ kind: 'recipe', key: title.id, label: title.title, count: null })),
      ...terms.map((term): IndexSuggestion => ({ kind: term.kind, key: term.term, label: term.label, count: term.n })),
    ];
  }
}

/** Vocabulary count changes of a write, summed per term. */
class TermDeltas {
  private readonly deltas = new Map<string, writes.TermDelta>();

  add(row: writes.StoredTerms | SearchDocument, sign: 1 | -1, labels: Record<string, string> = {}): void {
    const isPublic = row.visibility === 'public';
    for (const { kind, term } of vocabularyOf(row)) {
      const key = `${kind}:${term}`;
      const delta = this.deltas.get(key) ?? { kind, term, label: labels[key] ?? term, recipes: 0, publicRecipes: 0 };
      if (labels[key]) delta.label = labels[key];
      delta.recipes += sign;
      if (isPublic) delta.publicRecipes += sign;
      this.deltas.set(key, delta);
    }
  }

  list(): writes.TermDelta[] {
    return [...this.deltas.values()].filter((delta) => delta.recipes !== 0 || delta.publicRecipes !== 0);
  }
}
