import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Device, expectNoPageErrors, type Harness, hasBrowser, startHarness } from '../harness.js';
import { csrfOf, expectPage, expectTidy, logInThroughApi, newPerson, type Person, signUpThroughApi } from './steps.js';

/**
 * Follows, privacy and blocks at one device size, two people in two browser contexts: a cook makes
 * their account private in settings; a reader asks to follow from the cook's profile; the cook
 * accepts the request in settings, and the reader then sees the cook's followers-only recipe on the
 * profile. The cook blocks a third person from their profile: that person no longer finds the
 * profile, and the cook unblocks them from the blocked-accounts list in settings.
 */

const toast = (page: Page, text: string | RegExp) => page.locator('.toasts').getByText(text);

export function describeSocialJourneys(device: Device): void {
  describe.runIf(hasBrowser)(`follows, privacy and blocks (${device.name})`, () => {
    let harness: Harness;
    const cook = newPerson('cook');
    const reader = newPerson('reader');
    const pest = newPerson('pest');
    const secretTitle = 'Grandmother’s quince cheese';
    const openTitle = 'Everyday lentil soup';

    async function signedInPage(person: Person): Promise<Page> {
      const page = await harness.openPage(device);
      await logInThroughApi(page.context().request, person.email, person.password);
      return page;
    }

    beforeAll(async () => {
      harness = await startHarness();
      const cookPage = await harness.openPage(device);
      const api = cookPage.context().request;
      await signUpThroughApi(api, cook);
      for (const [title, visibility] of [
        [secretTitle, 'followers'],
        [openTitle, 'public'],
      ] as const) {
        const created = await api.post('/api/recipes', {
          data: { visibility, content: { title, servings: { amount: 4 }, ingredients: [{ lines: [{ text: '1 kg quinces' }] }], steps: [{ text: 'Cook slowly.' }] } },
          headers: { 'x-csrf-token': await csrfOf(api) },
        });
        expect(created.status(), await created.text()).toBe(201);
      }
      await cookPage.context().close();
      for (const person of [reader, pest]) {
        const page = await harness.openPage(device);
        await signUpThroughApi(page.context().request, person);
        await page.context().close();
      }
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('(a) a private account: the reader asks to follow, the cook accepts, the reader sees the followers-only recipe', async () => {
      const cookPage = await signedInPage(cook);
      await cookPage.goto('/account');
      await expectPage(cookPage, 'Account settings', 'Account settings');
      const privacy = cookPage.getByRole('region', { name: 'Privacy' });
      await privacy.getByRole('checkbox', { name: /Private account/ }).check();
      await toast(cookPage, 'Your account is private.').waitFor();
      await expectTidy(cookPage);

      const readerPage = await signedInPage(reader);
      await readerPage.goto(`/people/${cook.username}`);
      await expectPage(readerPage, cook.displayName, cook.displayName);
      await readerPage.getByText('Private account').waitFor();
      await readerPage.getByText('0 followers · 0 following').waitFor();
      const recipes = readerPage.getByRole('region', { name: 'Recipes' });
      await recipes.getByRole('link', { name: openTitle }).waitFor();
      expect(await recipes.getByRole('link', { name: secretTitle }).count()).toBe(0);
      await expectTidy(readerPage);
      await readerPage.getByRole('button', { name: `Follow ${cook.displayName}` }).click();
      await toast(readerPage, `Follow request sent to ${cook.displayName}.`).waitFor();
      await readerPage.getByRole('main').getByText('Follow request sent', { exact: true }).waitFor();
      await readerPage.getByRole('button', { name: 'Withdraw request' }).waitFor();
      await expectTidy(readerPage);

      await cookPage.reload();
      await expectPage(cookPage, 'Account settings');
      const requests = cookPage.getByRole('region', { name: 'Follow requests' });
      const request = requests.getByRole('listitem').filter({ hasText: reader.displayName });
      await request.getByRole('link', { name: reader.displayName }).waitFor();
      await expectTidy(cookPage);
      await request.getByRole('button', { name: `Accept ${reader.displayName}` }).click();
      await toast(cookPage, `${reader.displayName} now follows you.`).waitFor();
      await requests.getByText('No follow requests waiting.').waitFor();

      await readerPage.reload();
      await expectPage(readerPage, cook.displayName);
      await readerPage.getByText('1 follower · 0 following').waitFor();
      await readerPage.getByRole('main').getByText(`You follow ${cook.displayName}`, { exact: true }).waitFor();
      await recipes.getByRole('link', { name: secretTitle }).click();
      await expectPage(readerPage, secretTitle, secretTitle);
      // The byline leads back to the author's profile.
      await readerPage.getByRole('link', { name: cook.displayName }).click();
      await expectPage(readerPage, cook.displayName);
      await expectTidy(readerPage);
      expectNoPageErrors(readerPage);
      expectNoPageErrors(cookPage);
      await readerPage.context().close();
      await cookPage.context().close();
    });

    it('(b) the cook blocks someone from their profile; the blocked person no longer finds the cook; unblocked from settings', async () => {
      const cookPage = await signedInPage(cook);
      await cookPage.goto(`/people/${pest.username}`);
      await expectPage(cookPage, pest.displayName, pest.displayName);
      await cookPage.getByRole('button', { name: `Block ${pest.displayName}` }).click();
      const dialog = cookPage.getByRole('dialog', { name: `Block ${pest.displayName}?` });
      await dialog.waitFor();
      await expectTidy(cookPage);
      await dialog.getByRole('button', { name: 'Block' }).click();
      await toast(cookPage, `${pest.displayName} is blocked.`).waitFor();
      await cookPage.getByText(`You blocked ${pest.displayName}.`).waitFor();
      await expectTidy(cookPage);

      const pestPage = await signedInPage(pest);
      await pestPage.goto(`/people/${cook.username}`);
      await expectPage(pestPage, 'Person not found', 'Person not found');
      await pestPage.goto('/recipes');
      await expectPage(pestPage, 'Recipes');
      // The cook's recipes are the only ones on this instance: none is left for the blocked person.
      await pestPage.getByText('No recipes yet.').waitFor();
      expect(await pestPage.getByRole('link', { name: openTitle }).count()).toBe(0);
      await expectTidy(pestPage);

      await cookPage.goto('/account');
      await expectPage(cookPage, 'Account settings');
      const blocked = cookPage.getByRole('region', { name: 'Blocked accounts' });
      await blocked.getByRole('listitem').filter({ hasText: `@${pest.username}` }).waitFor();
      await expectTidy(cookPage);
      await blocked.getByRole('button', { name: `Unblock ${pest.displayName}` }).click();
      await toast(cookPage, `${pest.displayName} is unblocked.`).waitFor();
      await blocked.getByText('You have not blocked anyone.').waitFor();

      await pestPage.goto(`/people/${cook.username}`);
      await expectPage(pestPage, cook.displayName);
      await pestPage.getByRole('region', { name: 'Recipes' }).getByRole('link', { name: openTitle }).waitFor();
      expectNoPageErrors(cookPage);
      expectNoPageErrors(pestPage);
      await pestPage.context().close();
      await cookPage.context().close();
    });
  });
}
