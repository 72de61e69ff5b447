import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';
import { ensureWineKnowledge } from './wine-knowledge-seed.js';

let t: TestApp;
let admin: TestUser;
let cook: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await makeUser(t, { role: 'admin' });
  cook = await makeUser(t);
});
afterAll(() => t.close());

const auditFor = async (targetId: string) =>
  (await t.platform.database.executeSql('select actor_id, action, target_type, diff from audit_log where target_id = $1 order by id', [targetId])).rows;

const newGrape = {
  name: 'Prokupac',
  colour: 'red',
  body: 'medium',
  acidity: 'medium+',
  tannin: 'medium',
  sweetness: { from: 'dry', to: 'dry' },
  aromas: ['sour cherry', 'black pepper'],
  synonyms: ['Rskavac'],
  regionIds: [],
};

describe('who may edit the knowledge base', () => {
  it('refuses anonymous writes with 401 and non-admins with 403, changing nothing', async () => {
    const attempts = [
      { method: 'PATCH' as const, url: '/api/wine/regions/france-pauillac', payload: { name: 'Hacked' } },
      { method: 'PATCH' as const, url: '/api/wine/grapes/syrah', payload: { body: 'light' } },
      { method: 'POST' as const, url: '/api/wine/regions', payload: { name: 'Nowhere', level: 'country' } },
      { method: 'POST' as const, url: '/api/wine/grapes', payload: newGrape },
    ];
    for (const attempt of attempts) {
      const anonymous = await t.app.inject(attempt);
      expect(anonymous.statusCode, `${attempt.method} ${attempt.url}`).toBe(401);
      expect(anonymous.headers['content-type']).toContain('application/problem+json');
      const user = await cook.inject(attempt);
      expect(user.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
      expect(user.json().code).toBe('forbidden');
    }
    expect((await t.app.inject({ url: '/api/wine/regions/france-pauillac' })).json().name).toBe('Pauillac');
    expect((await t.app.inject({ url: '/api/wine/grapes/syrah' })).json().body).toBe('full');
  });
});

describe('admin edits', () => {
  it('edits a region, keeps it searchable under its new names, and audits the change', async () => {
    const res = await admin.inject({ method: 'PATCH', url: '/api/wine/regions/france-pauillac', payload: { note: 'Three first growths.', altNames: ['Pauillac AOC'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'france-pauillac', note: 'Three first growths.', altNames: ['Pauillac AOC'], source: 'shipped', editedBy: admin.id, editedAt: expect.any(String) });
    expect((await t.app.inject({ url: '/api/wine/regions?q=pauillac%20aoc' })).json().items[0].id).toBe('france-pauillac');
    const [entry] = await auditFor('france-pauillac');
    expect(entry).toMatchObject({ actor_id: admin.id, action: 'wine.region_updated', target_type: 'wine_region' });
    expect(entry.diff).toMatchObject({ note: [null, 'Three first growths.'], altNames: [[], ['Pauillac AOC']] });
  });

  it('moves a region within its country but never under itself, into another country or under a narrower level', async () => {
    const move = (id: string, parentId: string) => admin.inject({ method: 'PATCH', url: `/api/wine/regions/${id}`, payload: { parentId } });
    const cycle = await move('france-medoc', 'france-pauillac');
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json()).toMatchObject({ code: 'region_cycle', errors: [{ field: 'parentId' }] });
    expect((await move('france-medoc', 'italy-piedmont')).json().code).toBe('other_country');
    expect((await move('france-bordeaux', 'france-medoc')).json().code).toBe('region_cycle');
    expect((await move('france-burgundy', 'france-champagne')).json().code).toBe('invalid_region_level');
    expect((await move('france', 'italy')).json().code).toBe('invalid_region_level');
    expect((await move('france-medoc', 'nowhere')).json().code).toBe('unknown_region');
    const moved = await move('france-cremant-de-bordeaux', 'france-entre-deux-mers');
    expect(moved.statusCode).toBe(200);
    expect(moved.json().ancestors.map((a: { id: string }) => a.id)).toEqual(['france', 'france-bordeaux', 'france-entre-deux-mers']);
  });

  it('edits a grape, checking its regions, and finds it by a new synonym', async () => {
    const unknown = await admin.inject({ method: 'PATCH', url: '/api/wine/grapes/syrah', payload: { regionIds: ['france-hermitage', 'atlantis'] } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unknown_region', errors: [{ field: 'regionIds.1' }] });
    const badRange = await admin.inject({ method: 'PATCH', url: '/api/wine/grapes/syrah', payload: { sweetness: { from: 'sweet', to: 'dry' } } });
    expect(badRange.statusCode).toBe(400);
    const res = await admin.inject({ method: 'PATCH', url: '/api/wine/grapes/syrah', payload: { body: 'medium+', synonyms: ['Shiraz', 'Marsanne Noire'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ body: 'medium+', synonyms: ['Shiraz', 'Marsanne Noire'], editedBy: admin.id });
    expect((await t.app.inject({ url: '/api/wine/grapes?q=marsanne%20noire' })).json().items[0].id).toBe('syrah');
    const [entry] = await auditFor('syrah');
    expect(entry).toMatchObject({ action: 'wine.grape_updated', diff: { body: ['full', 'medium+'] } });
    expect((await admin.inject({ method: 'PATCH', url: '/api/wine/grapes/syrah', payload: {} })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'PATCH', url: '/api/wine/grapes/syrah', payload: { colour: 'green' } })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'PATCH', url: '/api/wine/grapes/nothing-here', payload: { body: 'light' } })).statusCode).toBe(404);
  });

  it('creates grapes and regions, refusing duplicates', async () => {
    const grape = await admin.inject({ method: 'POST', url: '/api/wine/grapes', payload: { ...newGrape, regionIds: ['italy-piedmont'] } });
    expect(grape.statusCode).toBe(201);
    expect(grape.json()).toMatchObject({ id: 'prokupac', source: 'admin', regions: [{ id: 'italy-piedmont' }], note: null });
    expect((await admin.inject({ method: 'POST', url: '/api/wine/grapes', payload: newGrape })).json().code).toBe('grape_exists');
    expect((await auditFor('prokupac'))[0].action).toBe('wine.grape_created');

    const country = await admin.inject({ method: 'POST', url: '/api/wine/regions', payload: { name: 'Serbia', level: 'country' } });
    expect(country.statusCode).toBe(201);
    const region = await admin.inject({ method: 'POST', url: '/api/wine/regions', payload: { name: 'Župa', level: 'region', parentId: 'serbia', designation: 'PDO' } });
    expect(region.statusCode).toBe(201);
    expect(region.json()).toMatchObject({ id: 'serbia-zupa', countryId: 'serbia', ancestors: [{ id: 'serbia' }], source: 'admin' });
    expect((await t.app.inject({ url: '/api/wine/regions?parent=serbia' })).json().items.map((r: { id: string }) => r.id)).toEqual(['serbia-zupa']);
    const again = await admin.inject({ method: 'POST', url: '/api/wine/regions', payload: { name: 'ZUPA', level: 'region', parentId: 'serbia' } });
    expect(again.statusCode).toBe(409);
    expect((await admin.inject({ method: 'POST', url: '/api/wine/regions', payload: { name: 'Lost', level: 'region' } })).json().code).toBe('parent_required');
    expect((await admin.inject({ method: 'POST', url: '/api/wine/regions', payload: { name: '!!!', level: 'country' } })).json().code).toBe('invalid_name');
  });

  it('keeps admin edits when a new version of the shipped data is loaded', async () => {
    await admin.inject({ method: 'PATCH', url: '/api/wine/regions/france-margaux', payload: { name: 'Margaux (edited)' } });
    // Another version in the database than the shipped files: the next boot reloads them.
    await t.platform.database.executeSql("update wine_knowledge_versions set version = 'old'");
    await t.platform.database.executeSql("update wine_regions set name = 'Stale' where id = 'france-saint-julien'");
    const result = await ensureWineKnowledge(t.platform.database.db);
    expect(result.loaded).toEqual(['regions', 'grapes', 'classifications', 'tastingGuide']);
    expect(result.keptEdited).toBeGreaterThanOrEqual(4);
    const read = async (url: string) => (await t.app.inject({ url })).json();
    expect(await read('/api/wine/regions/france-margaux')).toMatchObject({ name: 'Margaux (edited)', editedBy: admin.id });
    expect((await read('/api/wine/regions/france-pauillac')).note).toBe('Three first growths.');
    expect((await read('/api/wine/regions/france-saint-julien')).name).toBe('Saint-Julien');
    expect((await read('/api/wine/regions/france-cremant-de-bordeaux')).parentId).toBe('france-entre-deux-mers');
    expect((await read('/api/wine/grapes/syrah')).body).toBe('medium+');
    expect((await read('/api/wine/grapes/prokupac')).source).toBe('admin');
    expect((await read('/api/wine/regions/serbia-zupa')).name).toBe('Župa');
  });
});
