import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, startPageServer } from '../../server/test/fixtures/recipes/page-server.js';
import { type Device, expectNoPageErrors, expectNoSeriousA11yViolations, type Harness, hasBrowser, startHarness } from '../harness.js';
import { apiClient, csrfOf, expectPage, expectTidy, logInThroughApi, logInThroughUi, mainNav, navigateInApp, newPerson, signUpThroughApi } from './steps.js';

/**
 * What surrounds a recipe, at one device size: a reader rates and reviews someone else's recipe
 * (after logging in from the recipe page), edits the review, keeps the recipe as a favourite and
 * logs that they cooked it; the author cannot rate their own recipe; a cook imports recipes from
 * plain text, pasted JSON-LD and a web address, and is told clearly when the input is no recipe;
 * the cooking log and favourites load a page at a time, and the log keeps a recipe turned private
 * without its title or a link.
 */

const fixtures = path.resolve(import.meta.dirname, '../../server/test/fixtures/recipes');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

/** One real schema.org Recipe object from the import fixtures (recipe-scrapers' test pages). */
function jsonLdFixture(name: string): string {
  const line = fixture('schema-org-sample.jsonl')
    .split('\n')
    .find((row) => row.includes(`"name": "${name}"`));
  if (!line) throw new Error(`no fixture recipe named ${name}`);
  return JSON.stringify(JSON.parse(line).recipe, null, 2);
}

const plainTextRecipe = `Lemon barley water

Serves 4

Ingredients
100 g pearl barley
2 unwaxed lemons
1.5 litres water
3 tbsp honey

Method
1. Rinse the barley, cover with the water and simmer for 30 minutes.
2. Strain, stir in the lemon zest, juice and honey, and chill.`;

/** Every main navigation entry shows its whole label (six of them share a phone's bottom bar for an admin). */
async function expectNavLabelsFit(page: Page): Promise<void> {
  const clipped = await mainNav(page)
    .getByRole('link')
    .evaluateAll((links) => links.filter((link) => link.scrollWidth > link.clientWidth).map((link) => link.textContent));
  expect(clipped, 'navigation labels cut off').toEqual([]);
}

const toast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByText(text);

export function describeRecipeSocialJourneys(device: Device): void {
  describe.runIf(hasBrowser)(`around the recipe (${device.name})`, () => {
    let harness: Harness;
    let site: PageServer;
    let authorPage: Page;
    const author = newPerson('author');
    const reader = newPerson('reader');
    let recipeUrl = '';
    const title = 'Roast cauliflower with tahini';

    beforeAll(async () => {
      // URL imports may reach the local page server only because this harness allows private networks.
      harness = await startHarness({ env: { IMPORT_ALLOW_PRIVATE_NETWORKS: 'true' } });
      site = await startPageServer((request, response) => {
        if (request.url === '/recipes/ricotta-cookies') response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end(fixture('json-ld-recipe-page.html'));
        else response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title><p>Not found</p>');
      });

      // The author (the instance's first account, hence also an admin: the longest main navigation).
      authorPage = await harness.openPage(device);
      const api = authorPage.context().request;
      await signUpThroughApi(api, author);
      const created = await api.post('/api/recipes', {
        data: {
          visibility: 'public',
          content: {
            title,
            servings: { amount: 4 },
            ingredients: [{ lines: [{ text: '1 large cauliflower' }, { text: '3 tbsp tahini' }] }],
            steps: [{ text: 'Roast the cauliflower at 220 °C for 35 minutes.' }, { text: 'Spoon the tahini over and serve.' }],
          },
        },
        headers: { 'x-csrf-token': await csrfOf(api) },
      });
      expect(created.status(), await created.text()).toBe(201);
      recipeUrl = `/recipes/${(await created.json()).id}`;
    });

    afterAll(async () => {
      await site?.close();
      await harness?.close();
    });

    it('(a) a reader logs in from the recipe, rates and reviews it with the keyboard, edits the review; the author cannot rate it', async () => {
      const readerApi = await apiClient(harness.baseUrl);
      await signUpThroughApi(readerApi, reader);
      await readerApi.dispose();

      const page = await harness.openPage(device);
      await page.goto(recipeUrl);
      await expectPage(page, title, title);
      const reviews = page.getByRole('region', { name: 'Ratings and reviews' });
      await reviews.getByText('No ratings yet.').waitFor();
      expect(await page.getByRole('button', { name: 'Favourite' }).count()).toBe(0);
      await expectTidy(page);
      await reviews.getByRole('link', { name: 'Log in to rate this recipe' }).click();
      await expectPage(page, 'Log in', 'Log in');
      await logInThroughUi(page, reader.email, reader.password);
      await expectPage(page, title, title);
      expect(new URL(page.url()).pathname).toBe(recipeUrl);

      // Posting without stars is refused beside the stars, before anything is sent.
      const form = reviews.getByRole('form', { name: 'Rate this recipe' });
      await form.getByLabel('Your review').fill('Crisp edges, creamy sauce. I added lemon.');
      await form.getByRole('button', { name: 'Post your rating' }).click();
      await form.getByRole('group', { name: /Your rating/ }).getByText('Choose from 1 to 5 stars.').waitFor();
      await expectTidy(page);

      // The stars are radio buttons: the arrow keys move the choice.
      await form.getByRole('radio', { name: '3 stars' }).check();
      await page.keyboard.press('ArrowRight');
      expect(await form.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
      await form.getByRole('button', { name: 'Post your rating' }).click();
      await toast(page, 'Thank you: your rating is saved.').waitFor();
      const mine = reviews.getByRole('region', { name: 'Your rating' });
      await mine.getByRole('img', { name: '4 out of 5 stars' }).waitFor();
      await mine.getByText('Crisp edges, creamy sauce. I added lemon.').waitFor();
      const summary = reviews.getByText('1 rating', { exact: true });
      await summary.waitFor();
      const listed = reviews.getByRole('list', { name: 'Reviews' }).getByRole('listitem').filter({ hasText: reader.displayName });
      await listed.getByText('Crisp edges, creamy sauce. I added lemon.').waitFor();
      await listed.getByRole('img', { name: '4 out of 5 stars' }).waitFor();
      await expectTidy(page);

      await mine.getByRole('button', { name: 'Edit your review' }).click();
      const edit = reviews.getByRole('form', { name: 'Edit your review' });
      expect(await edit.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
      expect(await edit.getByLabel('Your review').inputValue()).toBe('Crisp edges, creamy sauce. I added lemon.');
      await edit.getByRole('radio', { name: '4 stars' }).focus();
      await page.keyboard.press('ArrowRight');
      await edit.getByLabel('Your review').fill('Even better the second time, with sumac.');
      await edit.getByRole('button', { name: 'Save your review' }).click();
      await toast(page, 'Your review is updated.').waitFor();
      await listed.getByText('Even better the second time, with sumac.').waitFor();
      await listed.getByRole('img', { name: '5 out of 5 stars' }).waitFor();
      await listed.getByText(/edited/).waitFor();
      await summary.waitFor();
      expect(await reviews.getByText('Crisp edges, creamy sauce.', { exact: false }).count()).toBe(0);
      await expectTidy(page);

      // The author sees the review and why there is no form for them.
      await authorPage.goto(recipeUrl);
      await expectPage(authorPage, title);
      const authorReviews = authorPage.getByRole('region', { name: 'Ratings and reviews' });
      await authorReviews.getByText('Even better the second time, with sumac.').waitFor();
      await authorReviews.getByText(/This is your recipe, so you cannot rate it/).waitFor();
      expect(await authorReviews.getByRole('form').count()).toBe(0);
      await expectTidy(authorPage);
      expectNoPageErrors(page);
      expectNoPageErrors(authorPage);
      await page.context().close();
    });

    it('(b) the reader keeps the recipe as a favourite, logs cooking it twice, reads the log and deletes an entry', async () => {
      const page = await harness.openPage(device);
      await logInThroughApi(page.context().request, reader.email, reader.password);
      await page.goto(recipeUrl);
      await expectPage(page, title);

      const favourite = page.getByRole('button', { name: 'Favourite' });
      expect(await favourite.getAttribute('aria-pressed')).toBe('false');
      await favourite.click();
      await expect.poll(() => favourite.getAttribute('aria-pressed')).toBe('true');
      await toast(page, 'Saved to your favourites.').waitFor();
      await expectTidy(page);

      // "I cooked this": today unless changed, with an optional note.
      await page.getByRole('button', { name: 'I cooked this' }).click();
      let dialog = page.getByRole('dialog', { name: `You cooked “${title}”` });
      const today = await page.evaluate(() => {
        const now = new Date();
        return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      });
      expect(await dialog.getByLabel('Date').inputValue()).toBe(today);
      await dialog.getByLabel('Note').fill('Doubled the tahini.');
      await expectTidy(page);
      await dialog.getByRole('button', { name: 'Add to cooking log' }).click();
      await toast(page, /^Added to your cooking log for/).waitFor();
      await page.getByText(/You cooked this once, last on/).waitFor();

      // Another time, on a date chosen in the past.
      await page.getByRole('button', { name: 'I cooked this' }).click();
      dialog = page.getByRole('dialog', { name: `You cooked “${title}”` });
      await dialog.getByLabel('Date').fill('2024-02-29');
      await dialog.getByRole('button', { name: 'Add to cooking log' }).click();
      await page.getByText(/You cooked this 2 times, last on/).waitFor();

      await mainNav(page).getByRole('link', { name: 'Favourites' }).click();
      await expectPage(page, 'Favourites', 'Favourites');
      const favourites = page.getByRole('list', { name: 'Favourite recipes' });
      await favourites.getByRole('link', { name: title }).waitFor();
      await favourites.getByText(`by ${author.displayName}`).waitFor();
      await expectTidy(page);

      await mainNav(page).getByRole('link', { name: 'Cooked' }).click();
      await expectPage(page, 'Cooking log', 'Cooking log');
      expect(await mainNav(page).getByRole('link', { name: 'Cooked' }).getAttribute('aria-current')).toBe('page');
      const thisMonth = page.getByRole('region').filter({ has: page.getByRole('list', { name: /^Cooked in/ }) }).first();
      const newest = thisMonth.getByRole('listitem').first();
      await newest.getByText('Doubled the tahini.').waitFor();
      const february = page.getByRole('region', { name: /February 2024/ });
      await february.getByRole('link', { name: title }).waitFor();
      await expectTidy(page);

      await newest.getByRole('button', { name: new RegExp(`^Delete the entry for “${title}” on`) }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this entry?' });
      await expectNoSeriousA11yViolations(page);
      await confirm.getByRole('button', { name: 'Delete entry' }).click();
      await toast(page, 'The entry was deleted from your cooking log.').waitFor();
      await expect.poll(() => page.getByText('Doubled the tahini.').count()).toBe(0);
      await february.getByRole('link', { name: title }).waitFor();

      // The recipe link in the log leads back to the recipe.
      await february.getByRole('link', { name: title }).click();
      await expectPage(page, title);
      await page.getByText(/You cooked this once, last on/).waitFor();

      // A favourite is removed from the list, and the recipe's button follows.
      await navigateInApp(page, '/favourites');
      await expectPage(page, 'Favourites');
      await favourites.getByRole('button', { name: `Remove “${title}” from favourites` }).click();
      await toast(page, `“${title}” was removed from your favourites.`).waitFor();
      await page.getByText('No favourites yet.', { exact: false }).waitFor();
      await page.goBack();
      await expectPage(page, title);
      await expect.poll(() => page.getByRole('button', { name: 'Favourite' }).getAttribute('aria-pressed')).toBe('false');
      expectNoPageErrors(page);
      await page.context().close();
    });

    it('(c) a cook imports recipes from plain text, pasted JSON-LD and a web address; empty and garbage input say what is wrong', async () => {
      const page = authorPage;
      await page.goto('/recipes/mine');
      await expectPage(page, 'My recipes');
      await page.getByRole('main').getByRole('link', { name: 'Import a recipe' }).click();
      await expectPage(page, 'Import a recipe', 'Import a recipe');
      await expectTidy(page);
      expect(await mainNav(page).getByRole('link', { name: 'Admin' }).count()).toBe(1);
      await expectNavLabelsFit(page);

      // The tabs follow the keyboard.
      const tabs = page.getByRole('tablist', { name: 'How to import' });
      await tabs.getByRole('tab', { name: 'Web address' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await tabs.getByRole('tab', { name: 'JSON-LD or HTML' }).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowRight');
      expect(await tabs.getByRole('tab', { name: 'Plain text' }).getAttribute('aria-selected')).toBe('true');
      const panel = page.getByRole('tabpanel', { name: 'Plain text' });

      await panel.getByRole('button', { name: 'Import recipe' }).click();
      await panel.getByRole('alert').getByText('Paste or type the recipe first.').waitFor();
      const textInput = panel.getByLabel('Recipe text');
      expect(await textInput.getAttribute('aria-invalid')).toBe('true');

      // Text that is no recipe: the server's problem detail is shown, with what was missing.
      await textInput.fill('hello there');
      await panel.getByRole('button', { name: 'Import recipe' }).click();
      const problem = panel.getByRole('alert').filter({ hasText: 'The recipe cannot be imported' });
      await problem.getByText(/neither ingredients nor steps/).first().waitFor();
      await expectTidy(page);

      await textInput.fill(plainTextRecipe);
      await panel.getByRole('button', { name: 'Import recipe' }).click();
      await expectPage(page, 'Lemon barley water', 'Lemon barley water');
      await toast(page, /“Lemon barley water” is imported \(private\)/).waitFor();
      const ingredients = page.getByRole('region', { name: 'Ingredients' });
      await ingredients.getByText('100 g pearl barley').waitFor();
      expect(await page.getByRole('region', { name: 'Steps' }).getByRole('listitem').count()).toBe(2);

      // Pasted JSON-LD: broken JSON first, then a real recipe object.
      await page.goto('/recipes/new');
      await page.getByRole('link', { name: 'Import it from a web page or text' }).click();
      await expectPage(page, 'Import a recipe');
      await tabs.getByRole('tab', { name: 'JSON-LD or HTML' }).click();
      const pastePanel = page.getByRole('tabpanel', { name: 'JSON-LD or HTML' });
      const pasted = pastePanel.getByLabel('JSON-LD or the page’s HTML');
      await pasted.fill('{"@type": "Recipe", "name": ');
      await pastePanel.getByRole('button', { name: 'Import recipe' }).click();
      await pastePanel.getByRole('alert').getByText(/The JSON-LD is not valid JSON/).waitFor();
      expect(await pasted.getAttribute('aria-invalid')).toBe('true');
      await pasted.fill(jsonLdFixture('Slow-Cooked Pulled Pork'));
      await pastePanel.getByLabel('Who can see it').selectOption('public');
      await pastePanel.getByRole('button', { name: 'Import recipe' }).click();
      await expectPage(page, 'Slow-Cooked Pulled Pork', 'Slow-Cooked Pulled Pork');
      await toast(page, /“Slow-Cooked Pulled Pork” is imported \(public\)/).waitFor();
      expect(await page.getByRole('region', { name: 'Ingredients' }).getByRole('listitem').count()).toBeGreaterThan(3);

      // A web address: one the page server does not know, then the real page.
      await navigateInApp(page, '/recipes/import');
      await expectPage(page, 'Import a recipe');
      const urlPanel = page.getByRole('tabpanel', { name: 'Web address' });
      await urlPanel.getByLabel('Address of the recipe page').fill(`${site.origin}/nothing-here`);
      await urlPanel.getByRole('button', { name: 'Import recipe' }).click();
      await urlPanel.getByRole('alert').first().waitFor();
      expect(await urlPanel.getByLabel('Address of the recipe page').getAttribute('aria-invalid')).toBe('true');
      await expectTidy(page);
      await urlPanel.getByLabel('Address of the recipe page').fill(`${site.origin}/recipes/ricotta-cookies`);
      await urlPanel.getByRole('button', { name: 'Import recipe' }).click();
      await expectPage(page, 'Ricotta Cookies', 'Ricotta Cookies');
      await page.getByRole('region', { name: 'Ingredients' }).getByText(/colored nonpareils/).waitFor();
      await expectTidy(page);

      await navigateInApp(page, '/recipes/mine');
      await expectPage(page, 'My recipes');
      const mine = page.getByRole('list', { name: 'My recipes' });
      for (const imported of ['Lemon barley water', 'Slow-Cooked Pulled Pork', 'Ricotta Cookies']) await mine.getByRole('link', { name: imported }).waitFor();
      expectNoPageErrors(page);
    });

    it('(d) the cooking log and favourites come a page at a time; a recipe turned private stays in the log without its title or a link', async () => {
      const page = await harness.openPage(device);
      const readerApi = page.context().request;
      await logInThroughApi(readerApi, reader.email, reader.password);
      const authorApi = authorPage.context().request;
      const secretTitle = 'Grandmother’s secret ragù';
      const created = await authorApi.post('/api/recipes', {
        data: { visibility: 'public', content: { title: secretTitle, servings: { amount: 6 }, ingredients: [{ lines: [{ text: '500 g beef mince' }] }], steps: [{ text: 'Simmer for three hours.' }] } },
        headers: { 'x-csrf-token': await csrfOf(authorApi) },
      });
      expect(created.status(), await created.text()).toBe(201);
      const secretId = (await created.json()).id as string;
      const log = async (recipePath: string, cookedOn: string) => {
        const res = await readerApi.post(`/api${recipePath}/cooked`, { data: { cookedOn }, headers: { 'x-csrf-token': await csrfOf(readerApi) } });
        expect(res.status(), await res.text()).toBe(201);
      };
      await log(`/recipes/${secretId}`, '2023-05-10');
      // 25 more of the first recipe in January 2025: with the entry of February 2024, 27 entries, more than a page of 24.
      for (let day = 1; day <= 25; day += 1) await log(recipeUrl, `2025-01-${String(day).padStart(2, '0')}`);
      const hidden = await authorApi.patch(`/api/recipes/${secretId}/visibility`, { data: { visibility: 'private' }, headers: { 'x-csrf-token': await csrfOf(authorApi) } });
      expect(hidden.status(), await hidden.text()).toBe(200);

      await page.goto('/cooked');
      await expectPage(page, 'Cooking log', 'Cooking log');
      const january = page.getByRole('list', { name: 'Cooked in January 2025' });
      await expect.poll(() => january.getByRole('listitem').count()).toBe(24);
      expect(await page.getByRole('region', { name: /February 2024/ }).count()).toBe(0);
      await page.getByRole('status').filter({ hasText: '24 of 27 entries shown.' }).waitFor();
      await expectTidy(page);

      await page.getByRole('button', { name: 'Load more entries' }).click();
      await page.getByRole('status').filter({ hasText: '27 of 27 entries shown, that is all.' }).waitFor();
      expect(await january.getByRole('listitem').count()).toBe(25);
      await page.getByRole('region', { name: /February 2024/ }).getByRole('link', { name: title }).waitFor();
      expect(await page.getByRole('button', { name: 'Load more entries' }).count()).toBe(0);
      const may = page.getByRole('region', { name: /May 2023/ });
      await may.getByText('A recipe you can no longer see').waitFor();
      expect(await may.getByRole('link').count()).toBe(0);
      expect(await page.getByText(secretTitle).count()).toBe(0);
      await expectTidy(page);

      // The hidden recipe's entry can still be deleted.
      await may.getByRole('button', { name: /^Delete the entry for a recipe you can no longer see on/ }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this entry?' });
      await confirm.getByText(/The entry for a recipe you can no longer see, cooked on/).waitFor();
      await confirm.getByRole('button', { name: 'Delete entry' }).click();
      await toast(page, 'The entry was deleted from your cooking log.').waitFor();
      await expect.poll(() => page.getByRole('region', { name: /May 2023/ }).count()).toBe(0);

      // The recipe counts every time it was cooked, not only the first page.
      await page.getByRole('region', { name: /February 2024/ }).getByRole('link', { name: title }).click();
      await expectPage(page, title);
      await page.getByText(/You cooked this 26 times, last on/).waitFor();

      // Favourites too: 25 of them, the first one saved comes last, after "Load more".
      await page.getByRole('button', { name: 'Favourite' }).click();
      await toast(page, 'Saved to your favourites.').waitFor();
      for (let n = 1; n <= 24; n += 1) {
        const more = await authorApi.post('/api/recipes', {
          data: { visibility: 'public', content: { title: `Weeknight dish ${n}`, servings: { amount: 2 }, ingredients: [{ lines: [{ text: '1 egg' }] }], steps: [{ text: 'Cook.' }] } },
          headers: { 'x-csrf-token': await csrfOf(authorApi) },
        });
        expect(more.status(), await more.text()).toBe(201);
        const saved = await readerApi.put(`/api/recipes/${(await more.json()).id}/favourite`, { headers: { 'x-csrf-token': await csrfOf(readerApi) } });
        expect(saved.status(), await saved.text()).toBe(200);
      }
      await navigateInApp(page, '/favourites');
      await expectPage(page, 'Favourites');
      const favourites = page.getByRole('list', { name: 'Favourite recipes' });
      await favourites.getByRole('link', { name: 'Weeknight dish 24' }).waitFor();
      expect(await favourites.getByRole('listitem').count()).toBe(24);
      expect(await favourites.getByRole('link', { name: title }).count()).toBe(0);
      await page.getByRole('button', { name: 'Load more favourites' }).click();
      await favourites.getByRole('link', { name: title }).waitFor();
      expect(await favourites.getByRole('listitem').count()).toBe(25);
      expect(await page.getByRole('button', { name: 'Load more favourites' }).count()).toBe(0);
      await expectTidy(page);
      expectNoPageErrors(page);
      await page.context().close();
    });
  });
}
