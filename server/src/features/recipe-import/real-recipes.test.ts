import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recipeContentSchema } from '@tavola/contracts/recipes';
import { describe, expect, it } from 'vitest';
import { mapSchemaOrgDocument } from './schema-org-recipe.js';

/** 25 real pages' Recipe JSON-LD (see test/fixtures/recipes/SOURCES.md); the bench maps all 963. */
const samplePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/recipes/schema-org-sample.jsonl');
const sample = readFileSync(samplePath, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as { _source_path: string; recipe: Record<string, unknown> });
const site = (entry: { _source_path: string }) => entry._source_path.split('/')[2] ?? entry._source_path;

describe('real schema.org recipes (committed sample)', () => {
  it('holds 25 varied pages', () => {
    expect(sample).toHaveLength(25);
    expect(new Set(sample.map(site)).size).toBe(25);
  });

  it.each(sample.map((entry) => [site(entry), entry.recipe] as const))('maps %s with a title, ingredients and steps', (_site, recipe) => {
    const { content } = mapSchemaOrgDocument(recipe);
    expect(recipeContentSchema.safeParse(content).success).toBe(true);
    expect(content.title.length).toBeGreaterThan(0);
    expect(content.ingredients.flatMap((section) => section.lines).length).toBeGreaterThan(0);
    expect(content.steps.length).toBeGreaterThan(0);
    expect(content.servings.amount).toBeGreaterThan(0);
  });

  it('finds each one the same inside a page’s @graph, behind mainEntity, and in an array', () => {
    for (const { recipe } of sample) {
      const direct = mapSchemaOrgDocument(recipe).content;
      const inGraph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'x' }, { '@type': 'WebPage', name: 'y' }, recipe] };
      expect(mapSchemaOrgDocument(inGraph).content).toEqual(direct);
      expect(mapSchemaOrgDocument({ '@type': 'WebPage', mainEntity: recipe }).content).toEqual(direct);
      expect(mapSchemaOrgDocument([{ '@type': 'BreadcrumbList' }, recipe]).content).toEqual(direct);
    }
  });

  it('reads the hard cases of the sample as a person would', () => {
    const bySite = new Map(sample.map((entry) => [site(entry), mapSchemaOrgDocument(entry.recipe).content]));
    expect(bySite.get('food52.com')?.title).toBe('Sticky Pomegranate & Black Pepper Chicken Wings');
    expect(bySite.get('chefkoch.de')).toMatchObject({ prepMinutes: 40, cookMinutes: 45, totalMinutes: 85 });
    expect(bySite.get('hogarmania.com')).toMatchObject({ prepMinutes: 10, cookMinutes: 30, totalMinutes: 40 });
    expect(bySite.get('sobors.hu')?.servings).toEqual({ amount: 6, unit: 'személyre' });
    expect(bySite.get('marieclaire.fr')?.ingredients.map((section) => section.title)).toEqual(['Pour la pâte', 'Pour la garniture']);
    expect(bySite.get('pastificiosorrentino.com')?.steps.length).toBeGreaterThan(3);
    expect(bySite.get('xiachufang.com')?.steps.length).toBeGreaterThan(5);
    expect(bySite.get('americastestkitchen.com')?.equipment).toContain('Dutch Ovens');
    expect(bySite.get('thehappyfoodie.co.uk')?.steps.every((step) => !step.text.includes('<'))).toBe(true);
  });
});
