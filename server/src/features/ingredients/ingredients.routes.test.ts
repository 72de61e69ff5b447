import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { RATE_LIMIT_PER_MINUTE: '30' } });
});
afterAll(() => t.close());

let ip = 0;
const nextIp = () => `10.40.0.${++ip}`;
const parse = (payload: unknown, remoteAddress = nextIp()) => t.app.inject({ method: 'POST', url: '/api/ingredients/parse', payload: payload as object, remoteAddress });
const convert = (query: string, remoteAddress = nextIp()) => t.app.inject({ url: `/api/units/convert?${query}`, remoteAddress });

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json() as { code: string; status: number; errors?: Array<{ field: string; message: string }> };
  expect(body).toMatchObject({ code, status });
  return body;
};

describe('POST /api/ingredients/parse', () => {
  it('parses lines without logging in, in order, with the matched catalogue food', async () => {
    const res = await parse({ lines: ['1 1/2 cups finely chopped onion', '200 g (7 oz) butter', 'Salt to taste'] });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      original: '1 1/2 cups finely chopped onion',
      quantity: 1.5,
      quantityMax: null,
      unit: 'cup',
      unitText: 'cups',
      name: 'onion',
      preparation: 'finely chopped',
      comment: null,
      optional: false,
      toTaste: false,
      secondary: null,
      food: { id: expect.any(Number), name: expect.stringMatching(/^Onions, raw/), commonName: 'onion', foodGroup: expect.any(String) },
    });
    expect(items[1]).toMatchObject({ quantity: 200, unit: 'g', secondary: { quantity: 7, unit: 'oz', each: false }, food: { commonName: expect.stringContaining('butter') } });
    expect(items[2]).toMatchObject({ quantity: null, name: 'Salt', toTaste: true, food: { commonName: expect.stringContaining('salt') } });
    const unknown = (await parse({ lines: ['2 cups unobtainium'] })).json().items[0];
    expect(unknown).toMatchObject({ name: 'unobtainium', food: null });
  });

  it('accepts 200 lines of 500 characters', async () => {
    const line = `1 cup ${'very '.repeat(98)}flour`.slice(0, 500);
    const res = await parse({ lines: Array.from({ length: 200 }, () => line) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(200);
  });

  it('works for a logged-in user too (CSRF header sent)', async () => {
    const user = await makeUser(t);
    const res = await user.inject({ method: 'POST', url: '/api/ingredients/parse', payload: { lines: ['2 eggs'] }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ quantity: 2, name: 'eggs' });
  });

  it('rejects no lines, empty lines, 201 lines and a 10 kB line with the field named', async () => {
    expect(expectProblem(await parse({ lines: [] }), 400, 'validation_failed').errors).toEqual([{ field: 'lines', message: 'send at least one line' }]);
    expect(expectProblem(await parse({ lines: ['1 egg', '   '] }), 400, 'validation_failed').errors).toEqual([{ field: 'lines.1', message: 'must not be empty' }]);
    expect(expectProblem(await parse({ lines: Array.from({ length: 201 }, () => '1 egg') }), 400, 'validation_failed').errors?.[0]?.field).toBe('lines');
    const long = expectProblem(await parse({ lines: ['x'.repeat(10_240)] }), 400, 'validation_failed');
    expect(long.errors).toEqual([{ field: 'lines.0', message: 'must be at most 500 characters' }]);
  });

  it('rejects a body that is not the right shape', async () => {
    expectProblem(await parse({}), 400, 'validation_failed');
    expectProblem(await parse({ lines: 'one egg' }), 400, 'validation_failed');
    expectProblem(await parse({ lines: [42] }), 400, 'validation_failed');
    const notJson = await t.app.inject({ method: 'POST', url: '/api/ingredients/parse', payload: 'lines=1', headers: { 'content-type': 'text/plain' }, remoteAddress: nextIp() });
    expect(notJson.statusCode).toBe(415);
  });
});

describe('GET /api/units/convert', () => {
  it('converts within a dimension and formats for cooks', async () => {
    const res = await convert('amount=2&from=cups&to=ml');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ amount: 473.176473, unit: 'ml', formatted: '473 ml' });
    expect((await convert('amount=3&from=tsp&to=tbsp')).json()).toEqual({ amount: 1, unit: 'tbsp', formatted: '1 tbsp' });
    expect((await convert('amount=1.5&from=kg&to=lb')).json()).toMatchObject({ unit: 'lb', formatted: '3 1/3 lb' });
  });

  it('converts volume to mass with a density', async () => {
    const res = await convert('amount=1&from=cup&to=g&density=0.53');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ amount: 125.391765, unit: 'g', formatted: '125 g' });
  });

  it("converts volume to mass with a catalogue food's density", async () => {
    const [flour] = (await t.app.inject({ url: '/api/foods?q=all-purpose%20flour&limit=1' })).json().items;
    const density = (await t.app.inject({ url: `/api/foods/${flour.id}` })).json().densityGPerMl;
    const res = await convert(`amount=1&from=cup&to=g&food=${flour.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().amount).toBeCloseTo(236.588 * density, 3);
    const given = await convert(`amount=1&from=cup&to=g&food=${flour.id}&density=1`);
    expect(given.json().amount).toBeCloseTo(236.588, 3);
  });

  it('answers 404 for an unknown food and 422 no_density for a food the catalogue cannot weigh by volume', async () => {
    expectProblem(await convert('amount=1&from=cup&to=g&food=2000000000'), 404, 'not_found');
    expect(expectProblem(await convert('amount=1&from=cup&to=g&food=0'), 400, 'validation_failed').errors?.[0]?.field).toBe('food');
    const { rows } = await t.platform.database.executeSql('select id from foods where density_g_per_ml is null order by id limit 1');
    const undensed = rows[0].id as number;
    expect(expectProblem(await convert(`amount=1&from=cup&to=g&food=${undensed}`), 422, 'no_density').errors?.[0]?.field).toBe('density');
    expect((await convert(`amount=1&from=kg&to=g&food=${undensed}`)).json().amount).toBe(1000);
  });

  it('answers 422 unknown_unit naming the field', async () => {
    expect(expectProblem(await convert('amount=1&from=smidgeon&to=g'), 422, 'unknown_unit').errors).toEqual([{ field: 'from', message: 'is not a known unit' }]);
    expect(expectProblem(await convert('amount=1&from=g&to=furlongs'), 422, 'unknown_unit').errors?.[0]?.field).toBe('to');
  });

  it('answers 422 incompatible_units between dimensions, and for mass <-> volume without a density', async () => {
    expectProblem(await convert('amount=1&from=clove&to=g'), 422, 'incompatible_units');
    expect(expectProblem(await convert('amount=1&from=cup&to=g'), 422, 'incompatible_units').errors?.[0]?.field).toBe('density');
  });

  it('rejects missing and malformed parameters with 400 and the fields named', async () => {
    const missing = expectProblem(await convert('amount=1'), 400, 'validation_failed');
    expect(missing.errors?.map((e) => e.field).sort()).toEqual(['from', 'to']);
    expect(expectProblem(await convert('amount=abc&from=g&to=kg'), 400, 'validation_failed').errors?.[0]?.field).toBe('amount');
    expect(expectProblem(await convert('amount=-1&from=g&to=kg'), 400, 'validation_failed').errors?.[0]?.field).toBe('amount');
    expect(expectProblem(await convert('amount=1&from=cup&to=g&density=0'), 400, 'validation_failed').errors?.[0]?.field).toBe('density');
    expect(expectProblem(await convert(`amount=1&from=${'g'.repeat(41)}&to=kg`), 400, 'validation_failed').errors?.[0]?.field).toBe('from');
  });

  it('is rate limited by the global limit', async () => {
    const remoteAddress = '10.41.0.1';
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await convert('amount=1&from=g&to=kg', remoteAddress)).statusCode;
    expect(last).toBe(429);
    expect((await convert('amount=1&from=g&to=kg', '10.41.0.2')).statusCode).toBe(200);
  });
});

describe('GET /api/units', () => {
  it('lists the unit table', async () => {
    const res = await t.app.inject({ url: '/api/units', remoteAddress: nextIp() });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    const tbsp = items.find((unit: { id: string }) => unit.id === 'tbsp');
    expect(tbsp).toMatchObject({ dimension: 'volume', system: 'both', singular: 'tablespoon', plural: 'tablespoons', abbreviation: 'tbsp' });
    expect(tbsp.aliases).toContain('T');
    expect(items.map((unit: { id: string }) => unit.id)).toEqual(expect.arrayContaining(['g', 'kg', 'ml', 'l', 'tsp', 'cup', 'fl_oz', 'oz', 'lb', 'clove', 'can', 'large']));
  });

  it('answers 404 problem+json for a method it does not serve', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/units', remoteAddress: nextIp() });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
