import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapRecipeHtml, parseJsonLdText } from './html-recipe.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/recipes');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('recipes in HTML pages', () => {
  it('reads the Recipe from a page’s JSON-LD @graph, with the canonical URL and the site name', () => {
    const { content } = mapRecipeHtml(fixture('json-ld-recipe-page.html'));
    expect(content.title).toBe('Ricotta Cookies');
    expect(content.servings).toEqual({ amount: 54, unit: 'cookies' });
    expect(content.ingredients[0]?.lines.length).toBe(14);
    expect(content.steps[0]?.text).toMatch(/^In a small bowl, whisk together/);
    expect(content.steps.some((step) => step.text.startsWith('Glaze: '))).toBe(true);
    expect(content.source?.url).toBe('https://www.365daysofbakingandmore.com/ricotta-cookies/');
  });

  it('prefers the address the page was fetched from', () => {
    const { content } = mapRecipeHtml(fixture('json-ld-recipe-page.html'), 'https://mirror.example/cookies?utm=x');
    expect(content.source?.url).toBe('https://mirror.example/cookies?utm=x');
  });

  it('reads schema.org microdata when there is no JSON-LD, keeping nested items apart', () => {
    const { content, warnings } = mapRecipeHtml(fixture('microdata-recipe-page.html'));
    expect(content).toMatchObject({
      title: 'Lemon Ricotta Pancakes & Blueberries',
      description: 'Fluffy pancakes with ricotta and lemon zest, ready in half an hour.',
      servings: { amount: 4, unit: 'people' },
      prepMinutes: 10,
      cookMinutes: 20,
      totalMinutes: 30,
      cuisine: 'American',
      course: 'Breakfast',
      diets: ['vegetarian'],
      tags: ['pancakes', 'brunch', 'lemon'],
      source: { url: 'https://sundaykitchen.example/recipes/lemon-ricotta-pancakes', name: 'Marta Rossi' },
    });
    expect(content.ingredients[0]?.lines.map((line) => line.text)).toEqual([
      '1 1/2 cups all-purpose flour',
      '2 tablespoons sugar',
      '1 cup whole-milk ricotta',
      '2 large eggs, separated',
      'Zest of 1 lemon',
      '1 cup blueberries (optional)',
    ]);
    expect(content.ingredients[0]?.lines[5]?.optional).toBe(true);
    expect(content.steps.map((step) => step.text)).toHaveLength(4);
    expect(content.steps[3]?.text).toMatch(/^Cook ladlefuls/);
    expect(warnings).toEqual([]);
  });

  it('tolerates the JSON-LD pages really write: comments, CDATA, trailing semicolons, raw line breaks', () => {
    const html = `<html><head>
      <script type="application/ld+json"><!-- {"@type": "Organization", "name": "x"} --></script>
      <script type="application/ld+json">//<![CDATA[
        {"@type": "Recipe", "name": "Flatbread", "recipeIngredient": ["500 g flour", "300 ml water"],
         "recipeInstructions": "Mix.
Knead.
Bake."};
      //]]></script></head><body></body></html>`;
    const { content } = mapRecipeHtml(html);
    expect(content.title).toBe('Flatbread');
    expect(content.steps).toHaveLength(1);
    expect(parseJsonLdText('{"a": 1};')).toEqual({ a: 1 });
    expect(parseJsonLdText('{broken')).toBeUndefined();
  });

  it('says 422 import_no_recipe for a page without one', () => {
    expect(() => mapRecipeHtml('<html><body><h1>About us</h1><script type="application/ld+json">{"@type":"WebPage"}</script></body></html>')).toThrow(
      expect.objectContaining({ code: 'import_no_recipe', status: 422 }),
    );
  });
});
