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
  stranger = await makeUser(t, { username: 'chiara_cooks' });
  await t.platform.database.executeSql("update users set display_name = 'Chiara Rossi' where id = $1", [stranger.id]);
});
afterAll(() => t.close());

type Suggestion = { kind: string; label: string; href: string; count: number | null; highlight: { text: string; match: boolean }[] };
type Groups = { groups: { kind: string; items: Suggestion[] }[] };

async function suggest(q: string, as?: TestUser): Promise<Groups> {
  const url = `/api/search/suggest?q=${encodeURIComponent(q)}`;
  const res = await (as ? as.inject({ url }) : t.app.inject({ url }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const group = (result: Groups, kind: string) => result.groups.find((g) => g.kind === kind)?.items ?? [];
const labels = (result: Groups, kind: string) => group(result, kind).map((item) => item.label);

describe('suggestions while typing', () => {
  it('groups recipes, ingredients, tags, cuisines and people by kind, with links', async () => {
    const result = await suggest('chi');
    // No tag starts with "chi"; Chianti and friends are wine regions.
    expect(result.groups.map((g) => g.kind)).toEqual(['recipe', 'ingredient', 'cuisine', 'person', 'grape', 'region']);
    expect(labels(result, 'recipe')).toEqual(expect.arrayContaining(['Chicken Tikka Masala', 'Chicken Noodle Soup']));
    expect(labels(result, 'ingredient')).toContain('chicken thigh');
    expect(group(result, 'ingredient').find((item) => item.label === 'chicken thigh')).toMatchObject({ count: 3, href: '/search?include=chicken+thigh' });
    expect(labels(result, 'cuisine')).toEqual(['Chinese']);
    expect(labels(result, 'person')).toEqual(['Chiara Rossi (@chiara_cooks)']);
    expect(group(result, 'person')[0]?.href).toBe('/search?author=chiara_cooks');
    const recipe = group(result, 'recipe').find((item) => item.label === 'Chicken Noodle Soup');
    expect(recipe?.href).toBe(`/recipes/${corpus.ids.get('Chicken Noodle Soup')}`);
    expect(recipe?.highlight).toEqual([
      { text: 'Chicken', match: true },
      { text: ' Noodle Soup', match: false },
    ]);
  });

  it('finds tags by a word inside them, and counts visible recipes', async () => {
    const result = await suggest('comfort');
    // Six public recipes; the followers-only Family Chicken Pie is not counted for strangers.
    expect(group(result, 'tag')).toContainEqual(expect.objectContaining({ label: 'comfort food', count: 6, href: '/search?tag=comfort+food' }));
    expect(group(await suggest('comfort', corpus.authors[2]), 'tag')).toContainEqual(expect.objectContaining({ label: 'comfort food', count: 7 }));
  });

  it('puts prefixes first and forgives typos', async () => {
    expect(labels(await suggest('guacamolle'), 'recipe')).toEqual([]);
    expect(labels(await suggest('chiken'), 'ingredient')).toContain('chicken');
    expect(labels(await suggest('avoc'), 'ingredient')[0]).toBe('avocado');
  });

  it('suggests grapes and wine regions', async () => {
    expect(labels(await suggest('shiraz'), 'grape')).toContain('Syrah');
    const bordeaux = await suggest('bordeaux');
    expect(group(bordeaux, 'region')[0]).toMatchObject({ label: 'Bordeaux', href: '/wine/regions/france-bordeaux' });
  });

  it("never shows another user's private recipe, or terms only it carries, or counts it", async () => {
    for (const viewer of [undefined, stranger, corpus.authors[0]]) {
      const result = await suggest('zanzib', viewer);
      expect(result.groups, String(viewer?.username)).toEqual([]);
      const chicken = await suggest('chicken leg', viewer);
      expect(labels(chicken, 'recipe')).not.toContain('Secret Chicken Zanzibar');
      expect(labels(chicken, 'ingredient')).not.toContain('chicken leg');
    }
    const owner = await suggest('zanzib', corpus.authors[1]);
    expect(labels(owner, 'recipe')).toEqual(['Secret Chicken Zanzibar']);
    expect(group(owner, 'cuisine')).toEqual([expect.objectContaining({ label: 'Zanzibari', count: 1 })]);
    const coconut = group(await suggest('coconut', corpus.authors[1]), 'ingredient').find((item) => item.label === 'coconut milk');
    const coconutForOthers = group(await suggest('coconut', stranger), 'ingredient').find((item) => item.label === 'coconut milk');
    expect(coconut?.count).toBe((coconutForOthers?.count ?? 0) + 1);
  });

  it('answers nothing for a query too short, and 400 for one too long', async () => {
    expect(await suggest('c')).toEqual({ groups: [] });
    expect(await suggest('!!')).toEqual({ groups: [] });
    expect((await t.app.inject({ url: `/api/search/suggest?q=${'a'.repeat(101)}` })).statusCode).toBe(400);
    for (const text of ["'); drop table users; --", 'a:* | b', '\\\\', '%%__']) expect((await t.app.inject({ url: `/api/search/suggest?q=${encodeURIComponent(text)}` })).statusCode).toBe(200);
  });
});
