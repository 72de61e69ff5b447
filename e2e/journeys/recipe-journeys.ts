import type { APIRequestContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Device, expectNoPageErrors, expectNoSeriousA11yViolations, type Harness, hasBrowser, startHarness } from '../harness.js';
import { apiClient, csrfOf, expectPage, mainNav, newPerson, type Person, signUpThroughApi } from './steps.js';

/**
 * The recipe journeys at one device size, on one server and browser: a cook writes a recipe,
 * scales, edits and restores it through its history; a stranger is kept out while it is private
 * and cannot change it once public; cook mode walks the steps with a timer; the list pages page.
 */

/** The lists show this many recipes, then "Load more recipes" (web/src/features/recipes/recipes-api.ts). */
const LIST_PAGE_SIZE = 24;

/** Signs a browser context up (its cookies, hence its pages, are then logged in). */
async function signUpInBrowser(page: Page, person: Person): Promise<void> {
  await signUpThroughApi(page.context().request, person);
}

/** Fires a paste of `text` at the focused-by-locator input, as a clipboard paste would. */
async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.focus();
  await input.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const title = (page: Page) => page.getByRole('textbox', { name: 'Title (required)' });

async function endpointExists(api: APIRequestContext, method: 'GET' | 'POST', path: string, data?: unknown): Promise<boolean> {
  const response = method === 'GET' ? await api.get(path) : await api.post(path, { data, headers: { 'x-csrf-token': await csrfOf(api) } });
  if (response.status() !== 404) return true;
  const body = await response.json().catch(() => ({}));
  return !String(body.detail ?? '').startsWith('No route for');
}

export function describeRecipeJourneys(device: Device): void {
  describe.runIf(hasBrowser)(`recipe journeys (${device.name})`, () => {
    let harness: Harness;
    let cookPage: Page;
    let strangerPage: Page;
    const cook = newPerson('cook');
    const stranger = newPerson('guest');
    let recipeUrl = '';
    let hasParser = false;
    let hasScaling = false;

    beforeAll(async () => {
      harness = await startHarness();
      const probe = await apiClient(harness.baseUrl);
      hasParser = await endpointExists(probe, 'POST', '/api/ingredients/parse', { lines: ['1 egg'] });
      hasScaling = await endpointExists(probe, 'GET', '/api/recipes/00000000-0000-4000-8000-000000000000/scaled');
      await probe.dispose();
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('(a) a cook writes a recipe with a parse preview, views and scales it, edits it, compares versions and restores one', async () => {
      cookPage = await harness.openPage(device);
      const page = cookPage;
      await page.goto('/signup');
      await expectPage(page, 'Create your account', 'Create your account');
      const form = page.getByRole('main');
      await form.getByLabel('Email').fill(cook.email);
      await form.getByLabel('Username').fill(cook.username);
      await form.getByLabel('Display name').fill(cook.displayName);
      await form.getByLabel('Password').fill(cook.password);
      await form.getByRole('button', { name: 'Create account' }).click();
      await expectPage(page, `Hello, ${cook.displayName}`, 'Home');

      await mainNav(page).getByRole('link', { name: 'Recipes' }).click();
      await expectPage(page, 'Recipes', 'Recipes');
      await page.getByText('No recipes yet.').waitFor();
      await page.getByRole('main').getByRole('link', { name: 'My recipes' }).click();
      await expectPage(page, 'My recipes', 'My recipes');
      await page.getByText('You have no recipes yet.').waitFor();
      await page.getByRole('main').getByRole('link', { name: 'New recipe' }).click();
      await expectPage(page, 'New recipe', 'New recipe');

      // A save without a title: the server's field error lands beside the field and in the summary.
      await title(page).fill('   ');
      await page.getByRole('button', { name: 'Save recipe' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Some fields need your attention.' });
      await summary.getByRole('link', { name: /^Title:/ }).waitFor();
      expect(await title(page).getAttribute('aria-invalid')).toBe('true');
      await expectNoSeriousA11yViolations(page);

      await title(page).fill('Spaghetti aglio e olio');
      await page.getByLabel('Description').fill('Garlic, oil and pasta: dinner in fifteen minutes.');
      await page.getByRole('spinbutton', { name: 'Servings (required)' }).fill('2');
      await page.getByLabel('Cuisine').fill('Italian');
      await page.getByRole('checkbox', { name: 'Vegan' }).check();
      await page.getByLabel('Tags').fill('quick, weeknight');
      // Two lines pasted at once become two ingredient fields.
      await pasteInto(page, 'Ingredient 1', '200 g spaghetti\n2 cloves garlic, finely chopped');
      await page.getByLabel('Ingredient 2', { exact: true }).waitFor();
      expect(await page.getByLabel('Ingredient 1', { exact: true }).inputValue()).toBe('200 g spaghetti');
      expect(await page.getByLabel('Ingredient 2', { exact: true }).inputValue()).toBe('2 cloves garlic, finely chopped');
      if (hasParser) {
        const preview = page.locator(`#${await page.getByLabel('Ingredient 2', { exact: true }).getAttribute('id')}-preview`);
        await preview.getByText('garlic', { exact: false }).first().waitFor();
        expect(await preview.textContent()).toContain('finely chopped');
      }
      await page.getByLabel('Step 1', { exact: true }).fill('Boil the spaghetti in salted water.');
      await page.getByLabel('Timer for step 1 (minutes)').fill('0.05');
      await page.getByRole('button', { name: 'Add step' }).click();
      await page.getByLabel('Step 2', { exact: true }).fill('Warm the garlic in oil, then toss with the pasta.');
      expect(await page.getByLabel('Who can see it').inputValue()).toBe('private');
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('button', { name: 'Save recipe' }).click();

      await expectPage(page, 'Spaghetti aglio e olio', 'Spaghetti aglio e olio');
      recipeUrl = new URL(page.url()).pathname;
      expect(recipeUrl).toMatch(/^\/recipes\/[0-9a-f-]{36}$/);
      const ingredients = page.getByRole('region', { name: 'Ingredients' });
      await ingredients.getByText('200 g spaghetti').waitFor();
      await page.getByText('Version 1,').waitFor();
      await page.getByRole('list', { name: 'Diets' }).getByText('Vegan').waitFor();
      expect(await page.getByRole('region', { name: 'Steps' }).getByRole('listitem').count()).toBe(2);

      if (hasScaling) {
        await ingredients.getByRole('button', { name: 'More servings' }).click();
        await ingredients.getByRole('button', { name: 'More servings' }).click();
        await ingredients.getByText('400 g spaghetti').waitFor();
        await ingredients.getByRole('status').getByText(/Amounts for 4 servings/).waitFor();
        await ingredients.getByRole('radio', { name: 'US' }).check();
        await expect.poll(async () => (await ingredients.getByRole('listitem').first().textContent()) ?? '').not.toContain('400 g');
        await ingredients.getByRole('radio', { name: 'As written' }).check();
        await ingredients.getByRole('button', { name: /Back to 2 servings/ }).click();
        await ingredients.getByText('200 g spaghetti').waitFor();
      }

      // The print stylesheet drops the app around the recipe and keeps ingredients and steps.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('banner').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
      expect(await ingredients.getByText('200 g spaghetti').isVisible()).toBe(true);
      expect(await page.getByText('Boil the spaghetti in salted water.').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
      await expectNoSeriousA11yViolations(page);

      await page.getByRole('navigation', { name: 'Recipe' }).getByRole('link', { name: 'Edit' }).click();
      await expectPage(page, 'Edit Spaghetti aglio e olio', 'Edit Spaghetti aglio e olio');
      await page.getByLabel('Ingredient 1', { exact: true }).fill('250 g spaghetti');
      await page.getByLabel('What changed?').fill('More pasta');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expectPage(page, 'Spaghetti aglio e olio');
      await page.getByText('Version 2,').waitFor();
      await ingredients.getByText('250 g spaghetti').waitFor();

      await page.getByRole('navigation', { name: 'Recipe' }).getByRole('link', { name: 'History' }).click();
      await expectPage(page, 'History of Spaghetti aglio e olio', 'History of Spaghetti aglio e olio');
      const versions = page.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem');
      await expect.poll(() => versions.count()).toBe(2);
      await versions.first().getByText('More pasta').waitFor();
      expect(await page.getByRole('checkbox', { name: 'Version 1' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Version 2' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Compare selected versions' }).click();
      const diff = page.getByRole('region', { name: 'Changes from version 1 to version 2' });
      const changed = diff.getByRole('list', { name: 'Ingredients changes' }).getByRole('listitem').filter({ hasText: /^Changed/ });
      await changed.waitFor();
      expect(await changed.textContent()).toMatch(/200 g spaghetti.*250 g spaghetti/);
      await diff.getByText('No steps changed.').waitFor();
      await expectNoSeriousA11yViolations(page);

      await versions.filter({ hasText: 'Version 1' }).getByRole('button', { name: 'Restore version 1' }).click();
      const dialog = page.getByRole('dialog', { name: 'Restore version 1?' });
      await dialog.getByText('as a new version 3').waitFor();
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole('button', { name: 'Restore this version' }).click();
      await expect.poll(() => versions.count()).toBe(3);
      await versions.first().getByText('restored from version 1').waitFor();
      await versions.first().getByText('Current').waitFor();
      // Every version keeps a stable, readable address.
      await versions.filter({ hasText: 'More pasta' }).getByRole('link', { name: 'Read version 2' }).click();
      await page.getByText('Version 2, saved by').waitFor();
      await expectPage(page, 'Spaghetti aglio e olio', 'Spaghetti aglio e olio (version 2)');
      await page.getByRole('region', { name: 'Ingredients' }).getByText('250 g spaghetti').waitFor();
      await page.getByRole('link', { name: 'Open the current version' }).click();
      await page.getByText('Version 3,').waitFor();
      await page.getByRole('navigation', { name: 'Recipe' }).getByRole('link', { name: 'History' }).click();
      await expectPage(page, 'History of Spaghetti aglio e olio');
      await page.getByRole('link', { name: 'Back to the recipe' }).click();
      await expectPage(page, 'Spaghetti aglio e olio');
      await page.getByText('Version 3,').waitFor();
      await ingredients.getByText('200 g spaghetti').waitFor();
      expectNoPageErrors(page);
    });

    it('(b) a stranger gets "not found" while the recipe is private, and no way to change it once public', async () => {
      strangerPage = await harness.openPage(device);
      const page = strangerPage;
      await signUpInBrowser(page, stranger);
      await page.goto(recipeUrl);
      await expectPage(page, 'Recipe not found', 'Recipe not found');
      await page.goto(`${recipeUrl}/history`);
      await expectPage(page, 'Recipe not found');

      // The cook adds a photo (a text file is refused before it is sent), then shares the recipe.
      const owner = cookPage;
      const manage = owner.getByRole('region', { name: 'Manage this recipe' });
      const photoField = manage.getByLabel('Photo', { exact: true });
      await photoField.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
      await manage.getByRole('button', { name: 'Upload photo' }).click();
      await manage.getByText('Choose a JPEG, PNG, WebP or AVIF image.').waitFor();
      const photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#d9a441' } }).jpeg().toBuffer();
      await photoField.setInputFiles({ name: 'pasta.jpg', mimeType: 'image/jpeg', buffer: photo });
      await manage.getByLabel('Describe the photo').fill('A bowl of spaghetti with garlic');
      await manage.getByRole('button', { name: 'Upload photo' }).click();
      await manage.getByRole('list', { name: 'Photos of this recipe' }).getByText('Cover').waitFor();
      await owner.getByRole('img', { name: 'A bowl of spaghetti with garlic' }).waitFor();
      await expectNoSeriousA11yViolations(owner);
      await manage.getByLabel('Who can see it').selectOption('public');
      await manage.getByRole('button', { name: 'Change visibility' }).click();
      await owner.getByText('Public: Anyone can find and read it.').waitFor();

      await page.goto(recipeUrl);
      await expectPage(page, 'Spaghetti aglio e olio', 'Spaghetti aglio e olio');
      await page.getByText(`by ${cook.displayName}`).waitFor();
      const cover = page.getByRole('img', { name: 'A bowl of spaghetti with garlic' });
      await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      const actions = page.getByRole('navigation', { name: 'Recipe' });
      await actions.getByRole('link', { name: 'Cook mode' }).waitFor();
      expect(await actions.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Manage this recipe' }).count()).toBe(0);
      await page.goto(`${recipeUrl}/edit`);
      await expectPage(page, 'Not allowed', 'Not allowed');
      await page.getByText('Only the author of “Spaghetti aglio e olio” can change it.').waitFor();
      await page.goto(`${recipeUrl}/history`);
      await expectPage(page, 'History of Spaghetti aglio e olio');
      await page.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem').first().waitFor();
      expect(await page.getByRole('button', { name: /^Restore/ }).count()).toBe(0);
      // A direct write is refused by the server too.
      const refused = await page.context().request.put(`/api${recipeUrl}`, {
        data: { content: { title: 'Mine now', servings: { amount: 1 }, ingredients: [{ lines: [{ text: '1 egg' }] }] }, baseVersion: 3 },
        headers: { 'x-csrf-token': await csrfOf(page.context().request) },
      });
      expect(refused.status()).toBe(403);
      expectNoPageErrors(page);
    });

    it('(c) cook mode walks through the steps with large buttons and a timer that rings', async () => {
      const page = strangerPage;
      await page.goto(recipeUrl);
      await expectPage(page, 'Spaghetti aglio e olio');
      await page.getByRole('link', { name: 'Cook mode' }).click();
      await page.getByRole('heading', { name: 'Step 1 of 2' }).waitFor();
      await expectPage(page, 'Spaghetti aglio e olio', 'Cooking Spaghetti aglio e olio');
      await page.getByText('Boil the spaghetti in salted water.').waitFor();
      const next = page.getByRole('button', { name: 'Next step' });
      const box = await next.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(56);

      const timer = page.getByRole('group', { name: 'Timer for step 1' });
      expect(await timer.getByRole('timer').textContent()).toBe('0:03');
      await timer.getByRole('button', { name: 'Start timer' }).click();
      await timer.getByRole('button', { name: 'Pause timer' }).waitFor();
      const alert = page.getByRole('alert').filter({ hasText: 'Time is up' });
      await alert.getByText('Time is up for step 1').waitFor({ timeout: 8000 });
      await expectNoSeriousA11yViolations(page);
      await alert.getByRole('button', { name: 'Stop the alarm for step 1' }).click();
      expect(await page.getByText('Time is up').count()).toBe(0);

      await next.click();
      await page.getByRole('heading', { name: 'Step 2 of 2' }).waitFor();
      await page.getByText('Warm the garlic in oil, then toss with the pasta.').waitFor();
      expect(new URL(page.url()).searchParams.get('step')).toBe('2');
      await page.getByRole('button', { name: 'Previous step' }).click();
      await page.getByRole('heading', { name: 'Step 1 of 2' }).waitFor();
      await page.keyboard.press('ArrowRight');
      await page.getByRole('heading', { name: 'Step 2 of 2' }).waitFor();
      await page.getByRole('link', { name: 'Done cooking' }).click();
      await page.getByRole('region', { name: 'Ingredients' }).waitFor();
      await expectPage(page, 'Spaghetti aglio e olio', 'Spaghetti aglio e olio');
      expectNoPageErrors(page);
    });

    it('(d) the public list pages with "load more"; a stale edit is refused and reloaded; the cook deletes the recipe', async () => {
      const baker = newPerson('baker');
      const api = await apiClient(harness.baseUrl);
      await signUpThroughApi(api, baker);
      const csrf = await csrfOf(api);
      for (let i = 1; i <= LIST_PAGE_SIZE; i++) {
        const created = await api.post('/api/recipes', {
          data: { visibility: 'public', content: { title: `Loaf ${i}`, servings: { amount: 1 }, ingredients: [{ lines: [{ text: '500 g flour' }] }] } },
          headers: { 'x-csrf-token': csrf },
        });
        expect(created.status(), await created.text()).toBe(201);
      }
      await api.dispose();

      const page = strangerPage;
      await page.goto('/recipes');
      await expectPage(page, 'Recipes', 'Recipes');
      const items = page.getByRole('list', { name: 'Recipes' }).getByRole('listitem');
      await expect.poll(() => items.count()).toBe(LIST_PAGE_SIZE);
      await page.getByRole('button', { name: 'Load more recipes' }).click();
      await expect.poll(() => items.count()).toBe(LIST_PAGE_SIZE + 1);
      expect(await page.getByRole('button', { name: 'Load more recipes' }).count()).toBe(0);
      await items.getByRole('link', { name: 'Spaghetti aglio e olio' }).waitFor();
      await expectNoSeriousA11yViolations(page);

      // The cook saves from another tab while this one edits: the save is refused and the newest version offered.
      const owner = cookPage;
      await owner.goto(`${recipeUrl}/edit`);
      await expectPage(owner, 'Edit Spaghetti aglio e olio');
      const ownerApi = owner.context().request;
      const current = await (await ownerApi.get(`/api${recipeUrl}`)).json();
      const elsewhere = await ownerApi.put(`/api${recipeUrl}`, {
        data: { content: current.content, baseVersion: current.version, changeNote: 'From another tab' },
        headers: { 'x-csrf-token': await csrfOf(ownerApi) },
      });
      expect(elsewhere.status(), await elsewhere.text()).toBe(200);
      await owner.getByLabel('What changed?').fill('Late edit');
      await owner.getByRole('button', { name: 'Save changes' }).click();
      const conflict = owner.getByRole('alert').filter({ hasText: 'Someone saved this recipe while you were editing.' });
      await conflict.waitFor();
      await expectNoSeriousA11yViolations(owner);
      await conflict.getByRole('button', { name: 'Load the newest version' }).click();
      await owner.getByText(`This saves version ${current.version + 2}.`).waitFor();
      await owner.getByRole('button', { name: 'Save changes' }).click();
      await owner.getByText(`Version ${current.version + 2},`).waitFor();

      await owner.getByRole('button', { name: 'Delete recipe' }).click();
      const dialog = owner.getByRole('dialog', { name: 'Delete “Spaghetti aglio e olio”?' });
      await dialog.getByRole('button', { name: 'Delete for good' }).click();
      await expectPage(owner, 'My recipes', 'My recipes');
      await owner.getByText('You have no recipes yet.').waitFor();
      await page.goto(recipeUrl);
      await expectPage(page, 'Recipe not found');
      expectNoPageErrors(owner);
      expectNoPageErrors(page);
    });
  });
}
