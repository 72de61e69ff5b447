import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';

let t: TestApp;
let cook: TestUser;
let stranger: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  cook = await makeUser(t);
  stranger = await makeUser(t);
});
afterAll(() => t.close());

const save = (user: TestUser, payload: unknown) => user.inject({ method: 'POST', url: '/api/me/saved-searches', payload: payload as Record<string, unknown> });
const list = async (user: TestUser) => (await user.inject({ url: '/api/me/saved-searches' })).json().items as { id: string; name: string; query: string }[];

describe('saved searches', () => {
  it('saves, lists newest first and deletes', async () => {
    const first = await save(cook, { name: 'Weeknight soups', query: 'q=soup&maxMinutes=30&diet=vegetarian' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ name: 'Weeknight soups', query: 'q=soup&maxMinutes=30&diet=vegetarian' });
    const second = await save(cook, { name: 'Thai', query: '?cuisine=Thai&cuisine=Vietnamese&sort=rating' });
    expect(second.json().query).toBe('cuisine=Thai&cuisine=Vietnamese&sort=rating');
    expect((await list(cook)).map((s) => s.name)).toEqual(['Thai', 'Weeknight soups']);
    expect((await cook.inject({ method: 'DELETE', url: `/api/me/saved-searches/${first.json().id}` })).statusCode).toBe(204);
    expect((await list(cook)).map((s) => s.name)).toEqual(['Thai']);
  });

  it('refuses queries the search would refuse, and cursors', async () => {
    for (const query of [`q=${'a'.repeat(400)}`, 'limit=500', 'sort=random', 'cursor=abc']) {
      const res = await save(cook, { name: 'Bad', query });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].field).toMatch(/^query/);
    }
    expect((await save(cook, { name: '', query: 'q=soup' })).statusCode).toBe(400);
    expect((await save(cook, { name: 'Tab\there', query: 'q=soup' })).statusCode).toBe(400);
    expect((await save(cook, { name: 'Nul', query: 'q=soup\u0000' })).statusCode).toBe(400);
  });

  it('keeps at most 50 per user', async () => {
    const user = await makeUser(t);
    for (let i = 0; i < 50; i++) expect((await save(user, { name: `Search ${i}`, query: `q=soup${i}` })).statusCode).toBe(201);
    const over = await save(user, { name: 'One too many', query: 'q=stew' });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('too_many_saved_searches');
    expect(await list(user)).toHaveLength(50);
  });

  it("a stranger can neither see nor delete someone else's saved search (404)", async () => {
    const mine = (await save(cook, { name: 'Mine', query: 'q=pie' })).json();
    expect((await list(stranger)).map((s) => s.id)).not.toContain(mine.id);
    expect((await stranger.inject({ method: 'DELETE', url: `/api/me/saved-searches/${mine.id}` })).statusCode).toBe(404);
    expect((await cook.inject({ method: 'DELETE', url: '/api/me/saved-searches/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await list(cook)).map((s) => s.id)).toContain(mine.id);
  });

  it('needs a login: 401 for anonymous calls', async () => {
    expect((await t.app.inject({ url: '/api/me/saved-searches' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/saved-searches', payload: { name: 'x', query: 'q=x' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/saved-searches/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(401);
  });
});
