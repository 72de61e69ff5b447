import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { type LoadedCorpus, loadSearchCorpus } from '../../../test/search-corpus.js';

let t: TestApp;
let corpus: LoadedCorpus;
let stranger: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  corpus = await loadSearchCorpus(t);
  stranger = await makeUser(t);
});
afterAll(() => t.close());

type Result = {
  items: { id: string; title: string; titleHighlight: { text: string; match: boolean }[]; snippet: { text: string; match: boolean }[] | null }[];
  total: number;
  facets: Record<string, { value: string; label: string; count: number }[]> | null;
  didYouMean: string | null;
  corrected: boolean;
  nextCursor: string | null;
};

async function search(query: string, as?: TestUser): Promise<Result> {
  const url = `/api/search/recipes?${query}`;
  const res = await (as ? as.inject({ url }) : t.app.inject({ url }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const titles = (result: Result) => result.items.map((item) => item.title);
const q = (text: string) => `q=${encodeURIComponent(text)}&limit=50`;

describe('ranking', () => {
  it('puts title matches above ingredient matches above description matches', async () => {
    const order = titles(await search(q('chicken')));
    expect(order.slice(0, 3).sort()).toEqual(['Chicken Noodle Soup', 'Chicken Tikka Masala', 'Lemon Roast Chicken']);
    const paella = order.indexOf('Paella Valenciana');
    expect(paella).toBeGreaterThan(2);
    expect(order.indexOf('Thai Green Curry')).toBeGreaterThan(2);
    // "chicken" only in its description (weight D) comes last.
    expect(order.at(-1)).toBe('Garden Salad');
  });

  it('puts tag and cuisine matches above ingredient matches', async () => {
    const order = titles(await search(q('chocolate')));
    expect(order[0]).toBe('Chocolate Chip Cookies');
    // Walnut Brownies has "chocolate" as a tag and as an ingredient; it comes next.
    expect(order[1]).toBe('Walnut Brownies');
    const thai = titles(await search(q('thai')));
    expect(thai.slice(0, 2).sort()).toEqual(['Peanut Noodles', 'Thai Green Curry']);
  });

  it('ignores accents and case', async () => {
    expect(titles(await search(q('creme brulee')))[0]).toBe('Crème Brûlée');
    expect(titles(await search(q('CRÈME')))[0]).toBe('Crème Brûlée');
    const jalapeno = titles(await search(q('jalapeno')));
    expect(jalapeno[0]).toBe('Jalapeño Poppers');
    expect(jalapeno).toContain('Guacamole');
  });

  it('stems words', async () => {
    expect(titles(await search(q('cookie'))).sort()).toEqual(['Chocolate Chip Cookies', 'Oatmeal Raisin Cookie']);
    expect(titles(await search(q('cookies'))).sort()).toEqual(['Chocolate Chip Cookies', 'Oatmeal Raisin Cookie']);
    const baking = titles(await search(q('bake')));
    expect(baking[0]).toBe('Baked Salmon with Dill');
    expect(baking).toContain('Banana Bread');
  });

  it('matches the last word as a prefix', async () => {
    expect(titles(await search(q('choc')))[0]).toBe('Chocolate Chip Cookies');
    // Miso Ramen has chicken stock and ramen noodles.
    expect(titles(await search(q('chicken noo')))).toEqual(['Chicken Noodle Soup', 'Miso Ramen']);
    expect((await search(q('chicken noo'))).corrected).toBe(false);
    // Only the last word is a prefix: "noo" elsewhere is no word, so the query is corrected.
    expect((await search(q('noo chicken'))).corrected).toBe(true);
  });

  it('drops stop words', async () => {
    expect(titles(await search(q('fish and chips')))[0]).toBe('Fish and Chips');
    // Gazpacho is a soup (course) with tomatoes.
    expect(titles(await search(q('soup with the tomato')))).toEqual(['Tomato Soup', 'Gazpacho']);
  });

  it('guesses languages: stems French and Italian recipes and filters by language', async () => {
    expect(titles(await search(q('poulet roti')))).toEqual(['Poulet rôti aux herbes']);
    expect(titles(await search('language=fr&limit=50'))).toEqual(['Poulet rôti aux herbes']);
    expect(titles(await search('language=it&limit=50'))).toEqual(['Risotto ai funghi']);
    expect(titles(await search(`${q('funghi')}&language=it`))).toEqual(['Risotto ai funghi']);
  });
});

describe('typos', () => {
  it('searches the corrected query when the query finds nothing, and says so', async () => {
    const result = await search(q('chiken'));
    expect(result).toMatchObject({ didYouMean: 'chicken', corrected: true });
    expect(titles(result)[0]).toMatch(/Chicken/);
    const two = await search(q('choclate chip'));
    expect(two).toMatchObject({ didYouMean: 'chocolate chip', corrected: true });
    expect(titles(two)).toEqual(['Chocolate Chip Cookies']);
  });

  it('suggests a correction without replacing results when the query finds a little', async () => {
    const result = await search(q('pestos'));
    expect(titles(result)).toEqual(['Pesto Pasta']);
    expect(result).toMatchObject({ didYouMean: 'pesto', corrected: false });
  });

  it('does not correct words that are known, nor queries that find enough', async () => {
    expect(await search(q('chicken'))).toMatchObject({ didYouMean: null, corrected: false });
    const nothing = await search(q('xqzvw'));
    expect(nothing).toMatchObject({ total: 0, didYouMean: null, corrected: false, items: [] });
  });
});

describe('highlights and snippets', () => {
  it('marks matching title words as segments of plain text', async () => {
    const [hit] = (await search(q('roast chicken'))).items;
    expect(hit?.titleHighlight).toEqual([
      { text: 'Lemon ', match: false },
      { text: 'Roast', match: true },
      { text: ' ', match: false },
      { text: 'Chicken', match: true },
    ]);
    expect(hit?.snippet).toBeNull();
  });

  it('gives a snippet of the ingredients or description when the title does not match', async () => {
    const result = await search(q('saffron'));
    expect(titles(result)).toEqual(['Paella Valenciana']);
    const snippet = result.items[0]?.snippet ?? [];
    expect(snippet.some((part) => part.match && part.text.toLowerCase() === 'saffron')).toBe(true);
    const html = await search(q('<b>chicken</b>'));
    expect(JSON.stringify(html.items.map((item) => item.titleHighlight))).not.toContain('<');
  });
});

describe('privacy', () => {
  it("never returns or counts another user's private or followers-only recipe", async () => {
    for (const viewer of [undefined, stranger, corpus.authors[0]]) {
      const result = await search(q('chicken'), viewer);
      expect(titles(result)).not.toContain('Secret Chicken Zanzibar');
      expect(titles(result)).not.toContain('Family Chicken Pie');
      expect(result.total).toBe(result.items.length);
      expect(result.facets?.cuisine?.map((facet) => facet.value)).not.toContain('zanzibari');
      expect((await search(q('zanzibar'), viewer)).total).toBe(0);
      expect((await search('cuisine=Zanzibari', viewer)).total).toBe(0);
      // The private recipe's words are never offered as a correction either.
      expect((await search(q('zanzibr'), viewer)).didYouMean).toBeNull();
    }
  });

  it('shows owners their own private and followers-only recipes, and counts them for them only', async () => {
    const owner = await search(q('zanzibar'), corpus.authors[1]);
    expect(titles(owner)).toEqual(['Secret Chicken Zanzibar']);
    const chicken = await search(q('chicken'), corpus.authors[1]);
    expect(chicken.facets?.cuisine).toContainEqual({ value: 'zanzibari', label: 'Zanzibari', count: 1 });
    expect(titles(await search(q('family chicken pie'), corpus.authors[2]))).toEqual(['Family Chicken Pie']);
    const anonymous = await search(q('chicken'));
    expect(chicken.total).toBe(anonymous.total + 1);
  });
});

describe('bad queries answer 200 or a clear 400, never 500', () => {
  it('refuses a 10 kB query with a 400 naming the field', async () => {
    const res = await t.app.inject({ url: `/api/search/recipes?q=${'a'.repeat(10_000)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((error: { field: string }) => error.field)).toContain('q');
  });

  it('treats punctuation, tsquery syntax and SQL as text', async () => {
    const all = (await search('limit=50')).total;
    for (const text of ["&|!():*<>'\"`", '\\', ':*', "'; drop table search_recipes; --", 'chicken & | ! soup', "chicken' or '1'='1", '%_%', '\u0000', '🍕🍝', 'a:* & b']) {
      const result = await search(q(text));
      expect(result.total).toBeLessThanOrEqual(all);
    }
    expect((await search(q('chicken & noodle | soup'))).items.map((item) => item.title)).toEqual(['Chicken Noodle Soup', 'Miso Ramen']);
    expect((await search(q('!!!'))).total).toBe(all);
  });

  it('refuses bad filters, sorts and cursors with 400', async () => {
    for (const query of ['limit=1000', 'sort=random', 'language=english', 'minRating=9', 'maxMinutes=-5', 'author=%27%3B--', 'cursor=not-a-cursor', `cursor=${'x'.repeat(600)}`]) {
      const res = await t.app.inject({ url: `/api/search/recipes?${query}` });
      expect(res.statusCode, query).toBe(400);
    }
    const first = await search('q=soup&limit=1');
    const other = await t.app.inject({ url: `/api/search/recipes?q=cake&limit=1&cursor=${first.nextCursor}` });
    expect(other.statusCode).toBe(400);
    const resorted = await t.app.inject({ url: `/api/search/recipes?q=soup&limit=1&sort=newest&cursor=${first.nextCursor}` });
    expect(resorted.statusCode).toBe(400);
  });
});
