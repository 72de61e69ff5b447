import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { searchCorpus } from '../../../test/fixtures/search-corpus.js';
import { makeRecipe } from '../../../test/recipe-factories.js';
import { type LoadedCorpus, loadSearchCorpus } from '../../../test/search-corpus.js';

let t: TestApp;
let corpus: LoadedCorpus;
beforeAll(async () => {
  t = await buildTestApp();
  corpus = await loadSearchCorpus(t);
});
afterAll(() => t.close());

type Page = { items: { id: string; title: string; totalMinutes: number | null }[]; nextCursor: string | null; total: number };

async function page(query: string, cursor?: string | null): Promise<Page> {
  const res = await t.app.inject({ url: `/api/search/recipes?${query}${cursor ? `&cursor=${cursor}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function allPages(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const next: Page = await page(query, cursor);
    ids.push(...next.items.map((item) => item.id));
    cursor = next.nextCursor;
  } while (cursor);
  return ids;
}

describe('keyset pagination', () => {
  it('pages through every result once, in the order of one long page, for every sort', async () => {
    for (const query of ['q=chicken', 'q=', 'sort=newest', 'sort=rating', 'sort=quickest', 'q=soup&sort=quickest', 'diet=vegetarian&sort=newest']) {
      const whole = (await page(`${query}&limit=50`)).items.map((item) => item.id);
      const paged = await allPages(`${query}&limit=3&facets=false`);
      expect(paged, query).toEqual(whole);
      expect(new Set(paged).size).toBe(paged.length);
    }
  });

  it('sorts quickest first with unknown times last', async () => {
    const minutes = (await page('sort=quickest&limit=50')).items.map((item) => item.totalMinutes);
    const known = minutes.filter((value): value is number => value !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(minutes.slice(known.length).every((value) => value === null)).toBe(true);
  });

  it('is stable under inserts and deletes between pages (newest first)', async () => {
    const before = await allPages('sort=newest&limit=50');
    const first = await page('sort=newest&limit=5');
    const author = corpus.authors[0];
    const added = [await makeRecipe(author, { content: { title: 'Inserted First' } }), await makeRecipe(author, { content: { title: 'Inserted Second' } })];
    const ownedByAuthor = new Set(searchCorpus.filter((recipe) => recipe.owner === 0).map((recipe) => corpus.ids.get(recipe.content.title)));
    const gone = before.slice(6).find((id) => ownedByAuthor.has(id)) as string;
    expect((await author.inject({ method: 'DELETE', url: `/api/recipes/${gone}` })).statusCode).toBe(204);
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await page('sort=newest&limit=5', cursor);
      rest.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
    }
    const seen = [...first.items.map((item) => item.id), ...rest];
    expect(seen.filter((id) => added.some((recipe) => recipe.id === id))).toEqual([]);
    expect(seen).toEqual(before.filter((id) => id !== gone));
  });

  it('is stable under inserts between pages (relevance)', async () => {
    const before = await allPages('q=soup&limit=50');
    const first = await page('q=soup&limit=2');
    const author = corpus.authors[1];
    const top = await makeRecipe(author, { content: { title: 'Soup of Soups', tags: ['soup'], course: 'soup' } });
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await page('q=soup&limit=2', cursor);
      rest.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
    }
    const seen = [...first.items.map((item) => item.id), ...rest];
    expect(seen).not.toContain(top.id);
    expect(seen).toEqual(before);
    expect((await page('q=soup&limit=1')).items[0]?.id).toBe(top.id);
  });
});
