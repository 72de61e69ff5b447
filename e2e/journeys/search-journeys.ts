import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Device, expectNoPageErrors, type Harness, hasBrowser, startHarness } from '../harness.js';
import { createManyRecipes, createRecipe, privateRecipe, publicRecipes } from './search-recipes.js';
import { apiClient, expectPage, expectTidy, logInThroughApi, newPerson, signUpThroughApi } from './steps.js';

/**
 * Search, at one device size: suggestions in the header's box (grouped, chosen with the keyboard),
 * the search page (facets with counts, filters in the address, sorts, "Load more"), "did you mean"
 * for a typo, and saved searches. Another cook's private recipe matches the words and the cuisine
 * used throughout, and never appears in suggestions, results or counts.
 */

const toast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByText(text);
const results = (page: Page) => page.getByRole('list', { name: 'Search results' });
/** The results' heading: the count. */
const total = (page: Page) => page.locator('#search-results-heading');

/** The recipe titles listed, in order. */
async function listedTitles(page: Page): Promise<string[]> {
  return results(page).getByRole('heading', { level: 2 }).allTextContents();
}

/** The header's search box: on phones (and narrow screens) it opens from the Search button first. */
async function headerSearchBox(page: Page, device: Device): Promise<Locator> {
  const banner = page.getByRole('banner');
  if (device.name === 'phone') {
    await banner.getByRole('button', { name: 'Search', exact: true }).click();
  }
  const box = banner.getByRole('combobox', { name: 'Search Tavola' });
  await box.waitFor();
  return box;
}

/** Where the filters are: beside the results on desktop, in a sheet opened with "Filters" on phones. */
async function openFilters(page: Page, device: Device): Promise<Locator> {
  if (device.name === 'desktop') {
    expect(await page.getByRole('button', { name: /^Filters/ }).isVisible()).toBe(false);
    return page.getByRole('complementary', { name: 'Filters' });
  }
  await page.getByRole('button', { name: /^Filters/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await sheet.waitFor();
  return sheet;
}

async function closeFilters(device: Device, filters: Locator): Promise<void> {
  if (device.name === 'desktop') return;
  await filters.getByRole('button', { name: /^Show/ }).click();
  await filters.waitFor({ state: 'hidden' });
}

export function describeSearchJourneys(device: Device): void {
  describe.runIf(hasBrowser)(`search (${device.name})`, () => {
    let harness: Harness;
    const cook = newPerson('cook');
    const secretive = newPerson('secretive');
    const reader = newPerson('reader');

    beforeAll(async () => {
      harness = await startHarness();
      const cookApi = await apiClient(harness.baseUrl);
      await signUpThroughApi(cookApi, cook);
      for (const recipe of publicRecipes) await createRecipe(cookApi, recipe, 'public');
      await createManyRecipes(cookApi, 22);
      await cookApi.dispose();
      const secretApi = await apiClient(harness.baseUrl);
      await signUpThroughApi(secretApi, secretive);
      await createRecipe(secretApi, privateRecipe, 'private');
      await secretApi.dispose();
      const readerApi = await apiClient(harness.baseUrl);
      await signUpThroughApi(readerApi, reader);
      await readerApi.dispose();
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('(a) the header box suggests recipes and ingredients while typing, grouped; the keyboard picks one; Enter alone searches', async () => {
      const page = await harness.openPage(device);
      await page.goto('/');
      await expectPage(page, 'Welcome to Tavola');
      let box = await headerSearchBox(page, device);
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      await box.pressSequentially('tomat', { delay: 30 });
      const listbox = page.getByRole('listbox', { name: 'Suggestions' });
      await listbox.waitFor();
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      expect(await box.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
      const recipesGroup = listbox.getByRole('group', { name: 'Recipes' });
      await recipesGroup.getByRole('option', { name: 'Tomato basil soup' }).waitFor();
      await listbox
        .getByRole('group', { name: 'Ingredients' })
        .getByRole('option', { name: /tomato/i })
        .first()
        .waitFor();
      // The matched letters are marked, as text.
      expect(await recipesGroup.getByRole('option', { name: 'Tomato basil soup' }).locator('mark').first().textContent()).toMatch(/^Tomat/);
      // Another cook's private recipe is never suggested.
      expect(await listbox.getByText('Secret tomato soup').count()).toBe(0);
      await expectTidy(page);

      // The arrows move the active option (focus stays in the box); Escape closes the list, then clears the text.
      await box.press('ArrowDown');
      const first = recipesGroup.getByRole('option').first();
      expect(await first.getAttribute('aria-selected')).toBe('true');
      expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
      await box.press('ArrowUp');
      await box.press('ArrowDown');
      expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
      await box.press('Escape');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(await box.getAttribute('aria-activedescendant')).toBeNull();
      expect(await box.inputValue()).toBe('tomat');
      await box.press('ArrowDown');
      await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
      const options = listbox.getByRole('option');
      const names = await options.allTextContents();
      const target = names.indexOf('Tomato basil soup');
      expect(target).toBeGreaterThanOrEqual(0);
      for (let n = 1; n <= target; n += 1) await box.press('ArrowDown');
      expect(await options.nth(target).getAttribute('aria-selected')).toBe('true');
      await box.press('Enter');
      await expectPage(page, 'Tomato basil soup', 'Tomato basil soup');

      // Enter without choosing a suggestion searches for the text.
      box = await headerSearchBox(page, device);
      await box.fill('soup');
      await box.press('Enter');
      await expectPage(page, 'Search recipes', 'Search: soup');
      expect(new URL(page.url()).search).toBe('?q=soup');
      await results(page).getByRole('link', { name: 'Tomato basil soup' }).waitFor();
      expect(await page.getByText('Secret tomato soup').count()).toBe(0);
      await expectTidy(page);

      // An ingredient suggestion opens the search page filtered by it.
      box = await headerSearchBox(page, device);
      await box.pressSequentially('prawn', { delay: 30 });
      const ingredient = listbox.getByRole('group', { name: 'Ingredients' }).getByRole('option', { name: /prawn/i }).first();
      await ingredient.click();
      await expectPage(page, 'Search recipes');
      expect(new URL(page.url()).searchParams.get('include')).toMatch(/prawn/i);
      await expect.poll(() => listedTitles(page)).toEqual(['Pad thai with prawns']);

      // On phones Escape in the empty box closes it and gives the focus back to the Search button.
      if (device.name === 'phone') {
        box = await headerSearchBox(page, device);
        await box.press('Escape');
        await box.waitFor({ state: 'hidden' });
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
      }

      // The longest header (an administrator's six navigation entries) still fits with the box.
      await logInThroughApi(page.context().request, cook.email, cook.password);
      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).waitFor();
      await expectTidy(page);
      expectNoPageErrors(page);
      await page.context().close();
    });

    it('(b) the search page: facets with counts narrow the results and follow the address; sorts; ingredients; "Load more"', async () => {
      const page = await harness.openPage(device);
      await page.goto('/search');
      await expectPage(page, 'Search recipes', 'Search');
      await total(page).filter({ hasText: '28 recipes' }).waitFor();
      await expectTidy(page);

      // Italian: three public recipes (the private Italian one is not counted).
      let filters = await openFilters(page, device);
      const italian = filters.getByRole('group', { name: 'Cuisine' }).getByRole('checkbox', { name: 'Italian (3)' });
      await italian.check();
      await total(page).filter({ hasText: '3 recipes' }).waitFor();
      expect(await italian.isChecked()).toBe(true);
      expect(new URL(page.url()).searchParams.getAll('cuisine')).toEqual(['italian']);
      // The other facets count within Italian; the cuisine facet keeps its other values.
      await filters.getByRole('group', { name: 'Diet' }).getByRole('checkbox', { name: 'Vegetarian (2)' }).waitFor();
      await filters.getByRole('group', { name: 'Cuisine' }).getByRole('checkbox', { name: 'Thai (2)' }).waitFor();
      await expectTidy(page);
      await filters
        .getByRole('group', { name: 'Total time' })
        .getByRole('radio', { name: /^45 minutes or less/ })
        .check();
      await total(page).filter({ hasText: '2 recipes' }).waitFor();
      await closeFilters(device, filters);
      expect((await listedTitles(page)).sort()).toEqual(['Mushroom risotto', 'Tomato basil soup']);

      // Sorted quickest first.
      await page.getByRole('main').getByLabel('Sort by').selectOption('quickest');
      await expect.poll(() => listedTitles(page)).toEqual(['Tomato basil soup', 'Mushroom risotto']);

      // Filters come off one at a time; the back button puts one back.
      const inUse = page.getByRole('list', { name: 'Filters in use' });
      await inUse.getByRole('button', { name: /^Time: 45 minutes or less/ }).click();
      await total(page).filter({ hasText: '3 recipes' }).waitFor();
      await page.goBack();
      await total(page).filter({ hasText: '2 recipes' }).waitFor();
      await inUse.getByRole('button', { name: /^Cuisine: Italian/ }).click();
      await inUse.getByRole('button', { name: /^Time: 45 minutes or less/ }).click();
      await total(page).filter({ hasText: '28 recipes' }).waitFor();
      expect(new URL(page.url()).search).toBe('?sort=quickest');

      // With chicken, without peanuts.
      filters = await openFilters(page, device);
      await filters.getByLabel('With ingredients').fill('chicken');
      await filters.getByRole('button', { name: 'Add to with ingredients' }).click();
      await total(page).filter({ hasText: '2 recipes' }).waitFor();
      await closeFilters(device, filters);
      expect((await listedTitles(page)).sort()).toEqual(['Chicken cacciatore', 'Thai green curry']);
      await page.getByRole('button', { name: 'Clear all filters' }).click();
      filters = await openFilters(page, device);
      await filters.getByLabel('Without ingredients').fill('peanuts');
      await filters.getByRole('button', { name: 'Add to without ingredients' }).click();
      await total(page).filter({ hasText: '27 recipes' }).waitFor();
      await closeFilters(device, filters);
      await page.getByRole('button', { name: 'Clear all filters' }).click();

      // A page at a time.
      await page.getByRole('main').getByRole('searchbox', { name: 'Search recipes' }).fill('batch bake');
      await page.getByRole('main').getByRole('button', { name: 'Search', exact: true }).click();
      await total(page).filter({ hasText: '22 recipes' }).waitFor();
      await expect.poll(() => results(page).getByRole('listitem').count()).toBe(20);
      await page.getByRole('button', { name: 'Load more recipes' }).click();
      await expect.poll(() => results(page).getByRole('listitem').count()).toBe(22);
      expect(await page.getByRole('button', { name: 'Load more recipes' }).count()).toBe(0);
      await expectTidy(page);
      expectNoPageErrors(page);
      await page.context().close();
    });

    it('(c) a typo is corrected and the correction is a link; a word close to a known one offers "did you mean"; nothing found says so', async () => {
      const page = await harness.openPage(device);
      await page.goto('/search?q=risoto');
      await expectPage(page, 'Search recipes');
      // Nothing has the word as typed: the results are those of the correction, and the page says so.
      await page.getByText(/Nothing matches “risoto”\. Showing results for/).waitFor();
      await results(page).getByRole('link', { name: 'Mushroom risotto' }).waitFor();
      const correction = page.getByRole('main').getByRole('link', { name: 'risotto', exact: true });
      await expectTidy(page);
      await correction.click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'risotto');
      await results(page).getByRole('link', { name: 'Mushroom risotto' }).waitFor();
      await total(page).filter({ hasText: '1 recipe' }).waitFor();

      // Few results, one word unknown: the results stay, and a better query is offered.
      await page.getByRole('main').getByRole('searchbox', { name: 'Search recipes' }).fill('chicken tomatos');
      await page.getByRole('main').getByRole('button', { name: 'Search', exact: true }).click();
      const didYouMean = page.getByRole('main').getByText(/^Did you mean/);
      await didYouMean.waitFor();
      await didYouMean.getByRole('link', { name: 'chicken tomato' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'chicken tomato');
      await results(page).getByRole('link', { name: 'Chicken cacciatore' }).waitFor();
      expect(await page.getByText(/^Did you mean/).count()).toBe(0);

      await page.getByRole('main').getByRole('searchbox', { name: 'Search recipes' }).fill('zzqxv');
      await page.getByRole('main').getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText('No recipes match “zzqxv”.').waitFor();
      await expectTidy(page);
      expectNoPageErrors(page);
      await page.context().close();
    });

    it('(d) a signed-in reader saves a search, opens it from the list, and deletes it', async () => {
      const page = await harness.openPage(device);
      await page.goto('/search?q=soup');
      await page.getByRole('main').getByRole('link', { name: 'Log in to save searches' }).waitFor();
      await logInThroughApi(page.context().request, reader.email, reader.password);
      await page.goto('/search?q=soup&cuisine=italian');
      await expectPage(page, 'Search recipes');
      await total(page).filter({ hasText: '1 recipe' }).waitFor();
      await page.getByRole('button', { name: 'Save this search' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save this search' });
      expect(await dialog.getByLabel('Name').inputValue()).toBe('soup');
      await dialog.getByLabel('Name').fill('Italian soups');
      await expectTidy(page);
      await dialog.getByRole('button', { name: 'Save search' }).click();
      await toast(page, 'Saved “Italian soups”. Find it under Saved searches.').waitFor();

      await page.getByRole('main').getByRole('searchbox', { name: 'Search recipes' }).fill('');
      await page.getByRole('main').getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('button', { name: 'Clear all filters' }).click();
      await total(page).filter({ hasText: '28 recipes' }).waitFor();
      await page.getByText('Saved searches (1)').click();
      const saved = page.getByRole('list', { name: 'Saved searches' });
      await saved.getByRole('link', { name: 'Italian soups' }).click();
      await page.waitForURL((url) => url.search === '?q=soup&cuisine=italian');
      await expect.poll(() => listedTitles(page)).toEqual(['Tomato basil soup']);
      expect(await page.getByRole('main').getByRole('searchbox', { name: 'Search recipes' }).inputValue()).toBe('soup');
      await expectTidy(page);

      await saved.getByRole('button', { name: 'Delete the saved search “Italian soups”' }).click();
      await toast(page, 'Deleted the saved search “Italian soups”.').waitFor();
      await page.getByText('Saved searches (0)').waitFor();
      await page.getByText(/None yet/).waitFor();
      expectNoPageErrors(page);
      await page.context().close();
    });
  });
}
