import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';
import { type PageServer, startPageServer } from '../../../test/fixtures/recipes/page-server.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/recipes');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

const soupJsonLd = {
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'WebPage', name: 'Soup page' },
    {
      '@type': ['Recipe', 'NewsArticle'],
      name: 'Roast tomato soup',
      recipeYield: '4 bowls',
      totalTime: 'PT50M',
      recipeIngredient: ['1 kg tomatoes, halved', '2 tbsp olive oil', 'salt to taste'],
      recipeInstructions: [
        { '@type': 'HowToStep', text: 'Roast the tomatoes for 40 minutes.' },
        { '@type': 'HowToStep', text: 'Blend and season.' },
      ],
      isBasedOn: 'https://soups.example/roast-tomato',
      author: { '@type': 'Person', name: 'Lena' },
    },
  ],
};

let t: TestApp;
let cook: TestUser;
let stranger: TestUser;

const importAs = (user: TestUser, payload: Record<string, unknown>) => user.inject({ method: 'POST', url: '/api/recipes/import', payload });
async function recipeCount(app: TestApp, user: TestUser): Promise<number> {
  return (await app.platform.database.executeSql('select count(*)::int as n from recipes where owner_id = $1', [user.id])).rows[0].n;
}

beforeAll(async () => {
  t = await buildTestApp();
  cook = await makeUser(t);
  stranger = await makeUser(t);
});
afterAll(() => t.close());

describe('POST /api/recipes/import', () => {
  it('requires a logged-in user', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/recipes/import', payload: { jsonLd: soupJsonLd } });
    expect(res.statusCode).toBe(401);
  });

  it('previews JSON-LD without saving anything', async () => {
    const res = await importAs(cook, { jsonLd: soupJsonLd, preview: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      preview: true,
      source: { kind: 'jsonLd', url: null },
      content: { title: 'Roast tomato soup', servings: { amount: 4, unit: 'bowls' }, totalMinutes: 50, source: { url: 'https://soups.example/roast-tomato', name: 'Lena' } },
      warnings: [],
    });
    expect(res.json().content.ingredients[0].lines[0]).toMatchObject({ text: '1 kg tomatoes, halved', quantity: 1, unit: 'kg' });
    expect(await recipeCount(t, cook)).toBe(0);
  });

  it('saves JSON-LD text as a private recipe by default, which a stranger cannot read', async () => {
    const res = await importAs(cook, { jsonLd: JSON.stringify(soupJsonLd) });
    expect(res.statusCode).toBe(201);
    const recipe = res.json();
    expect(recipe).toMatchObject({ version: 1, visibility: 'private', author: { id: cook.id }, content: { title: 'Roast tomato soup' } });
    expect(recipe.content.steps).toHaveLength(2);
    expect((await t.app.inject({ url: `/api/recipes/${recipe.id}` })).statusCode).toBe(404);
    expect((await stranger.inject({ url: `/api/recipes/${recipe.id}` })).statusCode).toBe(404);
    const versions = (await cook.inject({ url: `/api/recipes/${recipe.id}/versions` })).json();
    expect(versions.items[0].changeNote).toBe('Imported from schema.org JSON-LD');
  });

  it('saves a pasted page (microdata) and pasted text with the visibility asked for', async () => {
    const fromHtml = await importAs(cook, { html: fixture('microdata-recipe-page.html'), visibility: 'public' });
    expect(fromHtml.statusCode).toBe(201);
    expect(fromHtml.json()).toMatchObject({ visibility: 'public', content: { title: 'Lemon Ricotta Pancakes & Blueberries', source: { url: 'https://sundaykitchen.example/recipes/lemon-ricotta-pancakes' } } });
    const fromText = await importAs(cook, { text: 'Toast\nIngredients\n2 slices bread\nMethod\nToast the bread.' });
    expect(fromText.statusCode).toBe(201);
    expect(fromText.json().content).toMatchObject({ title: 'Toast', steps: [{ text: 'Toast the bread.' }] });
  });

  it('answers bad input with a clear problem and writes nothing', async () => {
    const before = await recipeCount(t, stranger);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ jsonLd: '{"@type": "Recipe", "name": ' }, 422, 'import_invalid_json'],
      [{ jsonLd: { '@type': 'WebPage', name: 'About' } }, 422, 'import_no_recipe'],
      [{ jsonLd: { '@type': 'Recipe', name: 'Nothing inside' } }, 422, 'import_unmappable'],
      [{ jsonLd: { '@type': 'Recipe', recipeIngredient: ['1 egg'] } }, 422, 'import_unmappable'],
      [{ html: '<html><body>No recipe here</body></html>' }, 422, 'import_no_recipe'],
      [{ text: 'Only a title' }, 422, 'import_unmappable'],
      [{ text: 'Soup', html: '<p>two sources</p>' }, 400, 'validation_failed'],
      [{ visibility: 'public' }, 400, 'validation_failed'],
      [{ url: 'ftp://files.example/recipe.txt' }, 400, 'import_bad_url'],
      [{ text: 'x'.repeat(100_001) }, 400, 'validation_failed'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await importAs(stranger, payload);
      expect({ payload: Object.keys(payload), status: res.statusCode, code: res.json().code }).toEqual({ payload: Object.keys(payload), status, code });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const unmappable = await importAs(stranger, { jsonLd: { '@type': 'Recipe', name: 'Nothing inside' } });
    expect(unmappable.json().errors).toEqual([{ field: 'ingredients', message: 'the recipe has neither ingredients nor steps' }]);
    expect(await recipeCount(t, stranger)).toBe(before);
  });

  it('reads back our own export: GET /api/recipes/:id/jsonld imports as the same recipe', async () => {
    const original = await makeRecipe(cook, { visibility: 'public' });
    const jsonLd = (await t.app.inject({ url: `/api/recipes/${original.id}/jsonld` })).json();
    const res = await importAs(stranger, { jsonLd, preview: true });
    expect(res.statusCode).toBe(200);
    const { content } = res.json();
    const { ingredients, steps, difficulty, notes, source, ...metadata } = original.content;
    expect(content).toMatchObject({ ...metadata, source: { url: `${t.config.publicUrl}/recipes/${original.id}`, name: cook.username } });
    expect(content.ingredients[0].lines.map((line: { text: string }) => line.text)).toEqual(ingredients.flatMap((section) => section.lines.map((line) => line.text)));
    expect(content.steps.map((step: { text: string }) => step.text)).toEqual(steps.map((step) => step.text));
  });

  it.each(['http://127.0.0.1/', 'http://localhost:3000/', 'http://10.0.0.8/recipes', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/'])(
    'refuses to fetch %s (422 import_blocked_address) and writes nothing',
    async (url) => {
      const res = await importAs(stranger, { url });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'import_blocked_address', status: 422 });
      expect(await recipeCount(t, stranger)).toBe(0);
    },
  );

  it('limits URL imports to 20 a minute per user, apart from the other kinds', async () => {
    const limited = await makeUser(t);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await importAs(limited, { url: 'http://10.0.0.1/', preview: true })).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 422)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await importAs(limited, { jsonLd: soupJsonLd, preview: true })).statusCode).toBe(200);
  });
});

describe('URL import from a local server (IMPORT_ALLOW_PRIVATE_NETWORKS=true)', () => {
  let open: TestApp;
  let site: PageServer;
  let importer: TestUser;

  beforeAll(async () => {
    open = await buildTestApp({ env: { IMPORT_ALLOW_PRIVATE_NETWORKS: 'true' } });
    importer = await makeUser(open);
    site = await startPageServer((request, response) => {
      if (request.url === '/recipes/ricotta-cookies') response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end(fixture('json-ld-recipe-page.html'));
      else if (request.url === '/old-link') response.writeHead(301, { location: '/recipes/ricotta-cookies' }).end();
      else if (request.url === '/huge') response.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.alloc(6 * 1024 * 1024, ' '));
      else if (request.url === '/recipe.json') response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(soupJsonLd));
      else response.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await site.close();
    await open.close();
  });

  it('imports a real page, keeping the address it was fetched from as the source', async () => {
    const res = await importAs(importer, { url: `${site.origin}/old-link` });
    expect(res.statusCode).toBe(201);
    const recipe = res.json();
    expect(recipe.content).toMatchObject({ title: 'Ricotta Cookies', servings: { amount: 54, unit: 'cookies' }, source: { url: `${site.origin}/recipes/ricotta-cookies` } });
    expect(recipe.content.ingredients[0].lines).toHaveLength(14);
    expect(recipe.content.steps.length).toBeGreaterThanOrEqual(5);
    const versions = (await importer.inject({ url: `/api/recipes/${recipe.id}/versions` })).json();
    expect(versions.items[0].changeNote).toBe(`Imported from ${new URL(site.origin).host}`);
  });

  it('imports a JSON-LD document served as JSON, as a preview', async () => {
    const res = await importAs(importer, { url: `${site.origin}/recipe.json`, preview: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ source: { kind: 'url', url: `${site.origin}/recipe.json` }, content: { title: 'Roast tomato soup', source: { url: `${site.origin}/recipe.json` } } });
  });

  it('refuses a 6 MB page and a missing one, writing nothing', async () => {
    const before = await recipeCount(open, importer);
    expect((await importAs(importer, { url: `${site.origin}/huge` })).json()).toMatchObject({ status: 422, code: 'import_too_large' });
    expect((await importAs(importer, { url: `${site.origin}/gone` })).json()).toMatchObject({ status: 422, code: 'import_fetch_failed' });
    expect(await recipeCount(open, importer)).toBe(before);
  });
});
