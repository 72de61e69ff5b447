import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ url });
  return { status: res.statusCode, body: res.json(), type: res.headers['content-type'] };
};
const ids = (items: Array<{ id: string }>) => items.map((item) => item.id);

describe('GET /api/wine/regions', () => {
  it('lists the countries, then the children of a region in the order they were written', async () => {
    const countries = await get('/api/wine/regions');
    expect(countries.status).toBe(200);
    expect(countries.body.items.length).toBeGreaterThanOrEqual(12);
    expect(countries.body.items.every((item: { level: string; parentId: string | null }) => item.level === 'country' && item.parentId === null)).toBe(true);
    const france = countries.body.items.find((item: { id: string }) => item.id === 'france');
    expect(france).toMatchObject({ name: 'France', countryId: 'france' });
    expect(france.childCount).toBe((await get('/api/wine/regions/france')).body.children.length);
    expect(france.childCount).toBeGreaterThan(5);
    const bordeaux = (await get('/api/wine/regions?parent=france')).body.items.find((item: { id: string }) => item.id === 'france-bordeaux');
    expect(bordeaux.childCount).toBeGreaterThan(3);
    const medoc = (await get('/api/wine/regions?parent=france-medoc')).body.items;
    expect(ids(medoc)).toEqual(['france-medoc-aoc', 'france-haut-medoc', 'france-saint-estephe', 'france-pauillac', 'france-saint-julien', 'france-listrac-medoc', 'france-moulis-en-medoc', 'france-margaux']);
    expect(medoc[3]).toMatchObject({ name: 'Pauillac', level: 'appellation', designation: 'AOC', parentId: 'france-medoc', childCount: 0 });
  });

  it('finds regions by name whatever the accents, case and hyphens, and by other names', async () => {
    const cdr = (await get('/api/wine/regions?q=cotes%20du%20rhone')).body.items;
    expect(cdr[0]).toMatchObject({ id: 'france-cotes-du-rhone', name: 'Côtes du Rhône' });
    expect(ids(cdr)).toContain('france-cotes-du-rhone-villages');
    expect((await get('/api/wine/regions?q=C%C3%94TE-R%C3%94TIE')).body.items[0].id).toBe('france-cote-rotie');
    expect((await get('/api/wine/regions?q=st%20emilion')).body.items[0].id).toBe('france-saint-emilion');
    expect((await get('/api/wine/regions?q=bourgogne')).body.items.map((item: { id: string }) => item.id).slice(0, 2)).toEqual(['france-bourgogne-aoc', 'france-burgundy']);
    expect((await get('/api/wine/regions?q=piemonte')).body.items[0].id).toBe('italy-piemonte-doc');
    const napa = (await get('/api/wine/regions?q=napa&country=usa&level=appellation')).body.items;
    expect(napa[0]).toMatchObject({ id: 'usa-napa-valley', designation: 'AVA' });
    expect((await get('/api/wine/regions?q=zzzz-nowhere')).body.items).toEqual([]);
  });

  it('lists a whole level of a country without a search', async () => {
    const states = (await get('/api/wine/regions?country=usa&level=region&limit=500')).body.items;
    expect(ids(states)).toEqual(expect.arrayContaining(['usa-california', 'usa-oregon', 'usa-arkansas']));
    expect(ids(states)).not.toContain('usa-alaska');
  });

  it('rejects bad queries with problem+json and answers 404 for an unknown parent', async () => {
    for (const url of ['/api/wine/regions?limit=0', '/api/wine/regions?limit=501', '/api/wine/regions?level=planet', '/api/wine/regions?parent=Not%20An%20Id', `/api/wine/regions?q=${'a'.repeat(101)}`]) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
    }
    const unknown = await get('/api/wine/regions?parent=atlantis');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
  });
});

describe('GET /api/wine/regions/:id', () => {
  it('gives a region with its ancestors, children, grapes and those of the regions around it', async () => {
    const res = await get('/api/wine/regions/france-pauillac');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'france-pauillac', name: 'Pauillac', level: 'appellation', designation: 'AOC', countryId: 'france', source: 'shipped', editedAt: null });
    expect(ids(res.body.ancestors)).toEqual(['france', 'france-bordeaux', 'france-medoc']);
    expect(res.body.children).toEqual([]);
    expect(ids(res.body.grapes)).toEqual(['cabernet-sauvignon']);
    expect(res.body.ancestorGrapes.find((g: { id: string }) => g.id === 'merlot')).toMatchObject({ from: { id: 'france-bordeaux' } });
    expect(res.body.ancestorGrapes.find((g: { id: string }) => g.id === 'petit-verdot')).toMatchObject({ from: { id: 'france-medoc' } });

    const medoc = (await get('/api/wine/regions/france-medoc')).body;
    expect(medoc.childCount).toBe(8);
    expect(ids(medoc.grapes)).toEqual(['cabernet-sauvignon', 'petit-verdot']);
  });

  it('shows the other regions an AVA lies in and those lying in a state', async () => {
    const yakima = (await get('/api/wine/regions/usa-yakima-valley')).body;
    expect(ids(yakima.ancestors)).toEqual(['usa', 'usa-columbia-valley']);
    expect(ids(yakima.alsoWithin)).toEqual(['usa-washington']);
    const washington = (await get('/api/wine/regions/usa-washington')).body;
    expect(ids(washington.alsoContains)).toEqual(expect.arrayContaining(['usa-columbia-valley', 'usa-yakima-valley', 'usa-walla-walla-valley']));
    expect(ids(washington.children)).toContain('usa-puget-sound');
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const bad = await get('/api/wine/regions/Fr%20ance');
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors[0]).toMatchObject({ field: 'id', message: 'is not a region id' });
    const missing = await get('/api/wine/regions/france-atlantis');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not_found', detail: 'Region was not found' });
  });
});

describe('GET /api/wine/grapes', () => {
  it('finds grapes by synonym, accent-insensitive, and filters by colour and region', async () => {
    const shiraz = (await get('/api/wine/grapes?q=Shiraz')).body.items;
    expect(shiraz[0]).toMatchObject({ id: 'syrah', name: 'Syrah', colour: 'red', synonyms: expect.arrayContaining(['Shiraz']) });
    expect((await get('/api/wine/grapes?q=pinot%20grigio')).body.items[0].id).toBe('pinot-gris');
    expect((await get('/api/wine/grapes?q=primitivo')).body.items[0].id).toBe('zinfandel');
    expect((await get('/api/wine/grapes?q=garnacha')).body.items[0].id).toBe('grenache');
    expect((await get('/api/wine/grapes?q=gewurztraminer')).body.items[0].id).toBe('gewurztraminer');
    const all = (await get('/api/wine/grapes?limit=500')).body.items;
    expect(all.length).toBeGreaterThanOrEqual(100);
    const whites = (await get('/api/wine/grapes?colour=white&limit=500')).body.items;
    expect(whites.every((grape: { colour: string; tannin: string | null }) => grape.colour === 'white' && grape.tannin === null)).toBe(true);
    const piedmont = ids((await get('/api/wine/grapes?region=italy-piedmont&colour=red')).body.items);
    expect(piedmont).toEqual(expect.arrayContaining(['nebbiolo', 'barbera', 'dolcetto']));
    expect(piedmont).not.toContain('sangiovese');
  });

  it('rejects bad filters and an unknown region', async () => {
    for (const url of ['/api/wine/grapes?colour=blue', '/api/wine/grapes?limit=-1', '/api/wine/grapes?region=%25%25']) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.type).toContain('application/problem+json');
    }
    expect((await get('/api/wine/grapes?region=atlantis')).status).toBe(404);
  });
});

describe('GET /api/wine/grapes/:id', () => {
  it('gives the profile with the principal regions resolved', async () => {
    const res = await get('/api/wine/grapes/nebbiolo');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'nebbiolo', colour: 'red', body: 'full', acidity: 'high', tannin: 'high', sweetness: { from: 'dry', to: 'dry' }, source: 'shipped' });
    expect(res.body.aromas).toEqual(expect.arrayContaining(['rose', 'tar']));
    expect(res.body.regions[0]).toEqual({ id: 'italy-piedmont', name: 'Piedmont', level: 'region', countryId: 'italy' });
    expect((await get('/api/wine/grapes/no-such-grape')).status).toBe(404);
    expect((await get('/api/wine/grapes/-bad-')).status).toBe(400);
  });
});

describe('classifications and the tasting guide', () => {
  it('lists the classifications and gives one with its levels and members', async () => {
    const list = (await get('/api/wine/classifications')).body.items;
    expect(list.find((c: { id: string }) => c.id === 'bordeaux-1855-red')).toMatchObject({ countryId: 'france', levelCount: 5, memberCount: 61 });
    const res = await get('/api/wine/classifications/germany-pradikat');
    expect(res.status).toBe(200);
    expect(res.body.levels.find((level: { id: string }) => level.id === 'spatlese')).toMatchObject({ rank: 5, mustWeightOechsle: { min: 76, max: 90 } });
    expect((await get('/api/wine/classifications/nope')).status).toBe(404);
    expect((await get('/api/wine/classifications/NOPE!')).status).toBe(400);
  });

  it('gives the tasting guide as fields with allowed values', async () => {
    const res = await get('/api/wine/tasting-guide');
    expect(res.status).toBe(200);
    expect(res.body.sections.map((section: { id: string }) => section.id)).toEqual(['wine', 'appearance', 'nose', 'palate', 'conclusions']);
    const palate = res.body.sections.find((section: { id: string }) => section.id === 'palate');
    expect(palate.fields.find((field: { id: string }) => field.id === 'body')).toMatchObject({ kind: 'single', scale: 'body', values: expect.arrayContaining([{ id: 'full', label: 'Full' }]) });
  });
});
