import { recipeSearchQuery, type RecipeSearchResult } from '@tavola/contracts/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { searchCorpus } from '../../../test/fixtures/search-corpus.js';
import { imageForm, makeImage } from '../../../test/image-factories.js';
import { type LoadedCorpus, loadSearchCorpus } from '../../../test/search-corpus.js';
import { PostgresSearchIndex } from './postgres-search-index.js';
import { labelKey } from './search-document.js';
import { searchRecipes } from './search.service.js';

let t: TestApp;
let corpus: LoadedCorpus;
const ratings = new Map<string, number[]>([
  ['Chicken Tikka Masala', [5, 4]],
  ['Tomato Soup', [3]],
  ['Pesto Pasta', [5, 5]],
  ['Beef Stew', [2, 1]],
  ['Guacamole', [4]],
  ['Secret Chicken Zanzibar', [5]],
]);
const photos = ['Chicken Noodle Soup', 'Greek Salad', 'Secret Chicken Zanzibar'];

beforeAll(async () => {
  t = await buildTestApp();
  corpus = await loadSearchCorpus(t);
  const raters = [await makeUser(t), await makeUser(t)];
  for (const [title, stars] of ratings) {
    const id = corpus.ids.get(title) as string;
    // The private recipe can only be rated by someone who sees it: nobody but its owner, who may not rate it.
    if (title === 'Secret Chicken Zanzibar') continue;
    for (const [index, value] of stars.entries()) {
      const res = await (raters[index] as TestUser).inject({ method: 'PUT', url: `/api/recipes/${id}/rating`, payload: { stars: value } });
      expect(res.statusCode, res.body).toBe(200);
    }
  }
  for (const title of photos) {
    const owner = corpus.authors[searchCorpus.find((recipe) => recipe.content.title === title)?.owner ?? 0];
    const form = imageForm(await makeImage('jpeg', { width: 200, height: 150 }));
    const res = await owner.inject({ method: 'POST', url: `/api/recipes/${corpus.ids.get(title)}/images`, payload: form });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

type Filters = { cuisine?: string[]; course?: string[]; diet?: string[]; tag?: string[]; minMinutes?: number; maxMinutes?: number; minRating?: number; hasPhoto?: boolean; author?: string };

/** The corpus as plain rows, to count by brute force in TypeScript. */
function corpusRows() {
  return searchCorpus.map((recipe) => {
    const stars = recipe.content.title === 'Secret Chicken Zanzibar' ? [] : (ratings.get(recipe.content.title) ?? []);
    return {
      owner: recipe.owner,
      visibility: recipe.visibility ?? 'public',
      cuisine: recipe.content.cuisine ? labelKey(recipe.content.cuisine) : null,
      course: recipe.content.course ? labelKey(recipe.content.course) : null,
      tags: (recipe.content.tags ?? []).map(labelKey),
      diets: recipe.content.diets ?? [],
      minutes: recipe.content.totalMinutes ?? null,
      rating: stars.length > 0 ? stars.reduce((a, b) => a + b, 0) / stars.length : null,
      hasPhoto: photos.includes(recipe.content.title),
      author: corpus.authors[recipe.owner].username,
    };
  });
}
type Row = ReturnType<typeof corpusRows>[number];

const checks: Record<string, (row: Row, filters: Filters) => boolean> = {
  cuisine: (row, f) => !f.cuisine || f.cuisine.map(labelKey).includes(row.cuisine ?? ''),
  course: (row, f) => !f.course || f.course.map(labelKey).includes(row.course ?? ''),
  diet: (row, f) => !f.diet || f.diet.some((diet) => row.diets.includes(diet as never)),
  tag: (row, f) => !f.tag || f.tag.map(labelKey).some((tag) => row.tags.includes(tag)),
  totalTime: (row, f) => f.maxMinutes === undefined || (row.minutes !== null && row.minutes <= f.maxMinutes),
  rating: (row, f) => f.minRating === undefined || (row.rating !== null && row.rating >= f.minRating),
  hasPhoto: (row, f) => f.hasPhoto === undefined || row.hasPhoto === f.hasPhoto,
  author: (row, f) => !f.author || row.author === f.author,
};

/** Disjunctive facet counts by brute force: each facet over the visible rows passing every other filter. */
function bruteForce(viewer: number | null, filters: Filters) {
  const visible = corpusRows().filter((row) => row.visibility === 'public' || row.owner === viewer);
  const passing = (except: string) => visible.filter((row) => Object.entries(checks).every(([name, check]) => name === except || check(row, filters)));
  const tally = (rows: Row[], valuesOf: (row: Row) => string[]) => {
    const counts = new Map<string, number>();
    for (const row of rows) for (const value of valuesOf(row)) counts.set(value, (counts.get(value) ?? 0) + 1);
    return Object.fromEntries(counts);
  };
  const timeRows = passing('totalTime');
  const ratingRows = passing('rating');
  return {
    total: passing('').length,
    cuisine: tally(passing('cuisine'), (row) => (row.cuisine ? [row.cuisine] : [])),
    course: tally(passing('course'), (row) => (row.course ? [row.course] : [])),
    diet: tally(passing('diet'), (row) => row.diets),
    tag: tally(passing('tag'), (row) => row.tags),
    totalTime: tally(timeRows, (row) =>
      row.minutes === null ? [] : [...[15, 30, 45, 60].filter((m) => (row.minutes as number) <= m).map(String), ...((row.minutes as number) > 60 ? ['over-60'] : [])],
    ),
    rating: tally(ratingRows, (row) => (row.rating === null ? [] : [4, 3, 2, 1].filter((m) => (row.rating as number) >= m).map(String))),
    hasPhoto: tally(passing('hasPhoto'), (row) => [String(row.hasPhoto)]),
    author: tally(passing('author'), (row) => [row.author]),
  };
}

function queryString(filters: Filters, q = ''): string {
  const params = new URLSearchParams({ limit: '50' });
  if (q) params.set('q', q);
  for (const [name, value] of Object.entries(filters)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  return params.toString();
}

async function search(filters: Filters, viewer: TestUser | null, q = ''): Promise<RecipeSearchResult> {
  const url = `/api/search/recipes?${queryString(filters, q)}`;
  const res = await (viewer ? viewer.inject({ url }) : t.app.inject({ url }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const asCounts = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((value) => [value.value, value.count]));

describe('facet counts equal a brute-force count', () => {
  const cases: Filters[] = [
    {},
    { diet: ['vegan'] },
    { cuisine: ['American', 'Mexican'] },
    { tag: ['quick'], maxMinutes: 30 },
    { minRating: 4 },
    { hasPhoto: true },
    { course: ['main'], diet: ['gluten-free', 'dairy-free'] },
    { cuisine: ['Italian'], diet: ['vegetarian'], tag: ['quick', 'baking'] },
  ];

  it('for every facet, with filters on other facets and on its own, as a stranger and as an owner', async () => {
    const withAuthor: Filters = { author: corpus.authors[1].username, course: ['main'] };
    for (const filters of [...cases, withAuthor]) {
      for (const viewer of [null, 1] as const) {
        const result = await search(filters, viewer === null ? null : corpus.authors[viewer]);
        const expected = bruteForce(viewer, filters);
        const label = JSON.stringify({ filters, viewer });
        expect(result.total, label).toBe(expected.total);
        expect(result.estimated, label).toEqual({ total: false, facets: false });
        const facets = result.facets as NonNullable<RecipeSearchResult['facets']>;
        for (const name of ['cuisine', 'course', 'diet', 'tag', 'totalTime', 'rating', 'hasPhoto', 'author'] as const) {
          expect(asCounts(facets[name]), `${label} ${name}`).toEqual(expected[name]);
        }
      }
    }
  });
});

describe('facet counts agree with the totals of the filtered searches', () => {
  /** The filters that select one facet value, replacing that facet's own filter. */
  function selecting(filters: Filters, facet: string, value: string): Filters {
    const next: Filters = { ...filters };
    switch (facet) {
      case 'totalTime':
        delete next.maxMinutes;
        return value === 'over-60' ? { ...next, minMinutes: 61 } : { ...next, maxMinutes: Number(value) };
      case 'rating':
        return { ...next, minRating: Number(value) };
      case 'hasPhoto':
        return { ...next, hasPhoto: value === 'true' };
      case 'author':
        return { ...next, author: value };
      default:
        return { ...next, [facet]: [value] };
    }
  }

  it('for text queries with filters', async () => {
    const queries: [string, Filters][] = [
      ['chicken', {}],
      ['soup', { diet: ['vegetarian'] }],
      ['bake', { maxMinutes: 60 }],
      ['tomato', { cuisine: ['Spanish'], tag: ['summer'] }],
    ];
    for (const [q, filters] of queries) {
      const result = await search(filters, corpus.authors[1], q);
      const facets = result.facets as NonNullable<RecipeSearchResult['facets']>;
      for (const [facet, values] of Object.entries(facets)) {
        for (const { value, count } of values) {
          const narrowed = await search(selecting(filters, facet, value), corpus.authors[1], q);
          expect(narrowed.total, `${q} ${JSON.stringify(filters)} ${facet}=${value}`).toBe(count);
        }
      }
    }
  });
});

describe('the broad path (more candidates than the exact limit)', () => {
  it('estimates from a small sample without reporting fewer than it knows, or what the viewer may not see', async () => {
    const db = t.platform.database.db;
    const sampled = new PostgresSearchIndex(db, { exactLimit: 3, sampleRows: 1 });
    const deps = { db, index: sampled };
    const chicken = await searchRecipes(deps, null, recipeSearchQuery.parse({ q: 'chicken' }));
    expect(chicken.estimated.total).toBe(true);
    expect(chicken.total).toBeGreaterThanOrEqual(4);
    // More than three candidates, few results: counted exactly.
    const indian = await searchRecipes(deps, null, recipeSearchQuery.parse({ q: 'chicken', cuisine: 'Indian' }));
    expect(indian).toMatchObject({ total: 1, estimated: { total: false } });
    const hidden = await searchRecipes(deps, null, recipeSearchQuery.parse({ q: 'chicken', cuisine: 'Zanzibari' }));
    expect(hidden).toMatchObject({ total: 0, items: [] });
  });

  it('gives the same totals, facets and pages as the exact path when the sample is the whole table', async () => {
    const exact = new PostgresSearchIndex(t.platform.database.db);
    const broad = new PostgresSearchIndex(t.platform.database.db, { exactLimit: 3 });
    const viewer = corpus.authors[1].id;
    for (const [q, extra] of [
      ['', {}],
      ['chicken', {}],
      ['soup', { diet: 'vegetarian' }],
      ['', { sort: 'newest' }],
      ['', { sort: 'quickest', cuisine: 'American' }],
      ['', { sort: 'rating' }],
    ] as const) {
      const query = recipeSearchQuery.parse({ q, limit: '4', ...extra });
      const fromExact = await searchRecipes({ db: t.platform.database.db, index: exact }, viewer, query);
      const fromBroad = await searchRecipes({ db: t.platform.database.db, index: broad }, viewer, query);
      expect(fromBroad.total).toBe(fromExact.total);
      expect(fromBroad.facets).toEqual(fromExact.facets);
      // The sample is the whole table here, so nothing is estimated.
      expect(fromBroad.estimated).toEqual({ total: false, facets: false });
      const all = async (index: PostgresSearchIndex) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const page: RecipeSearchResult = await searchRecipes({ db: t.platform.database.db, index }, viewer, { ...query, cursor: cursor ?? undefined, facets: false });
          ids.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor);
        return ids;
      };
      expect(await all(broad), `${q} ${JSON.stringify(extra)}`).toEqual(await all(exact));
    }
  });
});
