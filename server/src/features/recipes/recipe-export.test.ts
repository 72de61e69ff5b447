import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { makeRecipe } from '../../../test/recipe-factories.js';
import { isoDuration } from './recipe-jsonld.js';

let t: TestApp;
let web: FastifyInstance;
let cook: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  web = await buildApp(t.platform, { serveWeb: true, logger: false });
  await makeUser(t, { role: 'admin' });
  cook = await makeUser(t);
});
afterAll(async () => {
  await web.close();
  await t.close();
});

describe('schema.org export', () => {
  it('exports a recipe as JSON-LD with times, yield, ingredients, steps, diets and rating', async () => {
    const recipe = await makeRecipe(cook, { content: { source: { url: 'https://example.org/risotto', name: 'Example' } } });
    const fan = await makeUser(t);
    await fan.inject({ method: 'PUT', url: `/api/recipes/${recipe.id}/rating`, payload: { stars: 4 } });
    const res = await t.app.inject({ url: `/api/recipes/${recipe.id}/jsonld` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    const ld = res.json();
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Recipe',
      name: 'Weeknight tomato risotto',
      recipeYield: '4 people',
      prepTime: 'PT10M',
      cookTime: 'PT25M',
      totalTime: 'PT35M',
      recipeCuisine: 'Italian',
      suitableForDiet: ['https://schema.org/VegetarianDiet'],
      recipeIngredient: ['300 g arborio rice', '1 onion, finely chopped', '1 l vegetable stock, hot', 'salt to taste'],
      isBasedOn: 'https://example.org/risotto',
      aggregateRating: { ratingValue: 4, ratingCount: 1 },
      author: { '@type': 'Person', name: cook.username },
    });
    expect(ld.recipeInstructions[1]).toEqual({ '@type': 'HowToStep', position: 2, text: 'Toast the rice, then add stock a ladle at a time.' });
  });

  it('writes ISO 8601 durations', () => {
    expect([isoDuration(0), isoDuration(45), isoDuration(60), isoDuration(95), isoDuration(null)]).toEqual(['PT0M', 'PT45M', 'PT1H', 'PT1H35M', undefined]);
  });

  it('keeps private recipes private, and refuses a bad id', async () => {
    const secret = await makeRecipe(cook, { visibility: 'private' });
    expect((await t.app.inject({ url: `/api/recipes/${secret.id}/jsonld` })).statusCode).toBe(404);
    expect((await cook.inject({ url: `/api/recipes/${secret.id}/jsonld` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/recipes/x/jsonld' })).statusCode).toBe(400);
  });
});

describe('recipe pages carry Open Graph and JSON-LD in the HTML', () => {
  it('a public recipe page has a card and structured data; a private one reveals nothing', async () => {
    const recipe = await makeRecipe(cook, { content: { title: 'Pear & <ginger> tart', description: 'Crisp "pastry", soft pears.' } });
    const page = await web.inject({ url: `/recipes/${recipe.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Pear &amp; &lt;ginger&gt; tart · Tavola</title>');
    expect(page.body).toContain('<meta property="og:title" content="Pear &amp; &lt;ginger&gt; tart" />');
    expect(page.body).toContain('<meta property="og:description" content="Crisp &quot;pastry&quot;, soft pears." />');
    expect(page.body).toContain(`<meta property="og:url" content="${t.config.publicUrl}/recipes/${recipe.id}" />`);
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)?.[1] ?? '';
    expect(ld).not.toContain('<ginger>');
    expect(JSON.parse(ld).name).toBe('Pear & <ginger> tart');

    const secret = await makeRecipe(cook, { visibility: 'private', content: { title: 'Secret family ragù' } });
    const hidden = await web.inject({ url: `/recipes/${secret.id}` });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).not.toContain('Secret family');
    expect(hidden.body).not.toContain('og:title');
    expect((await web.inject({ url: '/recipes/new' })).body).not.toContain('og:title');
  });
});
