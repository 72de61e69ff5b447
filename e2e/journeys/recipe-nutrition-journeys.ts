
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Device, expectNoPageErrors, expectNoSeriousA11yViolations, type Harness, hasBrowser, startHarness } from '../harness.js';
import { csrfOf, expectNoSidewaysScroll, expectPage, newPerson, signUpThroughApi } from './steps.js';

/**
 * Nutrition and units at one device size: a cook sets US units in their settings, reads a recipe
 * in US units and by weight, sees nutrition per serving with the lines that could not be counted,
 * and corrects the food of a line (a new version); a reader sees the figures but cannot change them;
 * the cook gives a step one of the recipe's photos and sees it in the method and in cook mode.
 */

const shortbread = {
  title: 'Brown butter shortbread',
  servings: { amount: 4, unit: 'people' },
  ingredients: [
    { title: null, lines: [{ text: '100 g butter, softened' }, { text: '200 g sugar' }, { text: '2 cups all-purpose flour' }] },
    { title: 'To finish', lines: [{ text: 'flaky salt to taste' }, { text: '1 pinch of unobtainium dust' }] },
  ],
  steps: [{ text: 'Cream, mix, press into a tin and bake.' }],
};

export function describeRecipeNutritionJourneys(device: Device): void {
  describe.runIf(hasBrowser)(`nutrition, units and step photo journeys (${device.name})`, () => {
    let harness: Harness;
    let recipeUrl = '';
    const cook = newPerson('baker');
    const reader = newPerson('reader');

    beforeAll(async () => {
      harness = await startHarness();
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('(a) a cook picks US units, weighs the flour, reads nutrition per serving and corrects a food', async () => {
      const page = await harness.openPage(device);
      await signUpThroughApi(page.context().request, cook);
      const created = await page.context().request.post('/api/recipes', {
        data: { visibility: 'public', content: shortbread },
        headers: { 'x-csrf-token': await csrfOf(page.context().request) },
      });
      expect(created.status(), await created.text()).toBe(201);
      recipeUrl = `/recipes/${(await created.json()).id}`;

      await page.goto('/account');
      await expectPage(page, 'Account settings');
      const preferences = page.getByRole('region', { name: 'Preferences' });
      await preferences.getByLabel('Units').selectOption('us');
      await preferences.getByRole('button', { name: 'Save preferences' }).click();
      await page.getByText('Preferences saved.').waitFor();

      await page.goto(recipeUrl);
      await expectPage(page, shortbread.title);
      const ingredients = page.getByRole('region', { name: 'Ingredients' });
      expect(await ingredients.getByRole('radio', { name: 'US' }).isChecked()).toBe(true);
      await ingredients.getByText(/oz butter, softened/).waitFor();
      await ingredients.getByText('2 cups all-purpose flour').waitFor();
      await ingredients.getByLabel('Weigh instead of cups and spoons').check();
      await ingredients.getByText(/ oz all-purpose flour$/).waitFor();
      await ingredients.getByRole('status').getByText(/weighed where the food allows/).waitFor();

      const nutrition = page.getByRole('region', { name: 'Nutrition per serving' });
      await nutrition.getByText('Counted from 3 of 5 ingredient lines.').waitFor();
      const energy = nutrition.getByRole('row', { name: /Energy/ });
      expect(await energy.textContent()).toMatch(/\d+ kcal/);
      await nutrition.getByText('no amount given').waitFor();
      await nutrition.getByText('no food matched').waitFor();
      await expectNoSeriousA11yViolations(page);
      await expectNoSidewaysScroll(page);

      await nutrition.getByText('Foods used for each line').click();
      await nutrition.getByRole('button', { name: 'Change the food for 100 g butter, softened' }).click();
      const dialog = page.getByRole('dialog');
      const search = dialog.getByLabel('Search the food catalogue');
      await search.fill('margarine');
      const firstChoice = dialog.getByRole('radio').first();
      await dialog.getByText('margarine', { exact: false }).first().waitFor();
      await firstChoice.check();
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Food changed: a new version was saved.').waitFor();
      await page.getByText('Version 2,').waitFor();
      await nutrition.getByText(/100 g butter, softened.*chosen/).waitFor();
      expectNoPageErrors(page);
      await page.context().close();
    });

    it('(b) a reader sees the nutrition of a public recipe but cannot change its foods', async () => {
      const page = await harness.openPage(device);
      await signUpThroughApi(page.context().request, reader);
      await page.goto(recipeUrl);
      await expectPage(page, shortbread.title);
      const nutrition = page.getByRole('region', { name: 'Nutrition per serving' });
      await nutrition.getByText('Counted from 3 of 5 ingredient lines.').waitFor();
      await nutrition.getByText('Foods used for each line').click();
      await nutrition.getByText(/100 g butter, softened/).first().waitFor();
      expect(await nutrition.getByRole('button', { name: /Change the food/ }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Ingredients' }).getByRole('radio', { name: 'Metric' }).isChecked()).toBe(true);
      expectNoPageErrors(page);
      await page.context().close();
    });

    it('(c) the cook shows a photo with a step, in the method and in cook mode', async () => {
      const page = await harness.openPage(device);
      await page.context().request.post('/api/auth/login', { data: { login: cook.email, password: cook.password }, headers: { 'x-csrf-token': await csrfOf(page.context().request) } });
      await page.goto(recipeUrl);
      const manage = page.getByRole('region', { name: 'Manage this recipe' });
      const photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#c8915a' } }).jpeg().toBuffer();
      await manage.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'dough.jpg', mimeType: 'image/jpeg', buffer: photo });
      await manage.getByLabel('Describe the photo').fill('Dough pressed into the tin');
      await manage.getByRole('button', { name: 'Upload photo' }).click();
      await manage.getByRole('list', { name: 'Photos of this recipe' }).getByText('Cover').waitFor();

      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByLabel('Photo for step 1').selectOption({ label: 'Photo 1 (cover): Dough pressed into the tin' });
      await expectNoSeriousA11yViolations(page);
      await expectNoSidewaysScroll(page);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Version 3,').waitFor();
      const steps = page.getByRole('region', { name: 'Steps' });
      await steps.getByRole('img', { name: 'Dough pressed into the tin' }).waitFor();
      await page.getByRole('link', { name: 'Cook mode' }).click();
      await page.getByRole('region', { name: 'Step 1 of 1' }).getByRole('img', { name: 'Dough pressed into the tin' }).waitFor();
      await expectNoSidewaysScroll(page);
      expectNoPageErrors(page);
      await page.context().close();
    });
  });
}
