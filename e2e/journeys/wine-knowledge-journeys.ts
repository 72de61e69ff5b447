import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Device, expectNoPageErrors, type Harness, hasBrowser, startHarness } from '../harness.js';
import { expectNoSidewaysScroll, expectPage, expectTidy } from './steps.js';

/**
 * The wine knowledge base, at one device size, read by a visitor who is not signed in: from the
 * home page to /wine, down France > Bordeaux > Médoc > Pauillac by links (breadcrumb, grapes of the
 * appellation and of the wider region), a grape's page, the grape list's name filter (a synonym
 * finds its grape) and colour filter, a classification and the tasting guide, and the not-found
 * state for unknown ids.
 */

const main = (page: Page) => page.getByRole('main');
const linkIn = (list: Locator, name: string) => list.getByRole('link', { name, exact: true });

async function followRegionLink(page: Page, listName: string, region: string): Promise<void> {
  await linkIn(main(page).getByRole('list', { name: listName }), region).click();
  await expectPage(page, region, region);
}

export function describeWineKnowledgeJourneys(device: Device): void {
  describe.runIf(hasBrowser)(`wine knowledge (${device.name})`, () => {
    let harness: Harness;

    beforeAll(async () => {
      harness = await startHarness();
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('(a) from the home page down France > Bordeaux > Médoc > Pauillac, with its breadcrumb and grapes, to a grape', async () => {
      const page = await harness.openPage(device);
      await page.goto('/');
      await expectPage(page, 'Welcome to Tavola');
      await main(page).getByRole('link', { name: 'Explore wine' }).click();
      await expectPage(page, /^Wine$/, 'Wine');
      await linkIn(main(page).getByRole('list', { name: 'Grapes' }), 'Syrah').waitFor();
      await expectTidy(page);

      await followRegionLink(page, 'Countries', 'France');
      await followRegionLink(page, 'Regions within France', 'Bordeaux');
      await followRegionLink(page, 'Regions within Bordeaux', 'Médoc');
      await expectTidy(page);
      await followRegionLink(page, 'Regions within Médoc', 'Pauillac');
      expect(new URL(page.url()).pathname).toBe('/wine/regions/france-pauillac');
      await main(page).getByText('AOC', { exact: true }).waitFor();

      // The breadcrumb links every region it lies in, from the country down, and names the page last.
      const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
      expect(await breadcrumb.getByRole('link').allTextContents()).toEqual(['Wine', 'France', 'Bordeaux', 'Médoc']);
      expect(await breadcrumb.locator('[aria-current="page"]').textContent()).toBe('Pauillac');

      // Its own grapes, then those of the wider region with where they come from (Merlot from Bordeaux).
      await linkIn(main(page).getByRole('list', { name: 'Grapes of Pauillac' }), 'Cabernet Sauvignon').waitFor();
      const wider = main(page).getByRole('list', { name: 'Grapes of the wider region' });
      const merlot = wider.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Merlot', exact: true }) });
      await linkIn(merlot, 'Bordeaux').waitFor();
      await expectTidy(page);

      // Up again through the breadcrumb.
      await breadcrumb.getByRole('link', { name: 'Médoc' }).click();
      await expectPage(page, 'Médoc', 'Médoc');
      await page.goBack();
      await expectPage(page, 'Pauillac', 'Pauillac');

      await linkIn(main(page).getByRole('list', { name: 'Grapes of Pauillac' }), 'Cabernet Sauvignon').click();
      await expectPage(page, 'Cabernet Sauvignon', 'Cabernet Sauvignon');
      expect(new URL(page.url()).pathname).toBe('/wine/grapes/cabernet-sauvignon');
      const profile = main(page).getByRole('region', { name: 'Profile' });
      await profile.getByText('Tannin').waitFor();
      await profile.getByText('high', { exact: true }).waitFor();
      await main(page).getByRole('list', { name: 'Aromas of Cabernet Sauvignon' }).getByText('blackcurrant').waitFor();
      await main(page).getByText('Also known as Vidure').waitFor();
      await linkIn(main(page).getByRole('list', { name: 'Principal regions of Cabernet Sauvignon' }), 'Pauillac').click();
      await expectPage(page, 'Pauillac', 'Pauillac');
      expectNoPageErrors(page);
    });

    it('(b) the grape list filters by name (a synonym finds its grape, kept in the address) and by colour', async () => {
      const page = await harness.openPage(device);
      await page.goto('/wine');
      await expectPage(page, /^Wine$/, 'Wine');
      const grapes = main(page).getByRole('list', { name: 'Grapes' });
      await linkIn(grapes, 'Chardonnay').waitFor();

      await main(page).getByRole('searchbox', { name: /^Name/ }).fill('Shiraz');
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Shiraz');
      await expect.poll(() => grapes.getByRole('link').allTextContents()).toEqual(['Syrah']);
      await expectTidy(page);

      // White grapes only: Syrah is red.
      await main(page).getByRole('combobox', { name: 'Colour' }).selectOption('white');
      await expect.poll(() => new URL(page.url()).searchParams.get('colour')).toBe('white');
      await main(page).getByText('No grape matches these filters.').waitFor();
      await main(page).getByRole('combobox', { name: 'Colour' }).selectOption('all');
      await linkIn(grapes, 'Syrah').click();
      await expectPage(page, 'Syrah', 'Syrah');
      await main(page).getByText(/Also known as .*Shiraz/).waitFor();
      await expectTidy(page);

      // Back to the list as it was filtered.
      await page.goBack();
      await expectPage(page, /^Wine$/, 'Wine');
      expect(await main(page).getByRole('searchbox', { name: /^Name/ }).inputValue()).toBe('Shiraz');
      await expect.poll(() => grapes.getByRole('link').allTextContents()).toEqual(['Syrah']);

      // Only red grapes, without a name.
      await main(page).getByRole('searchbox', { name: /^Name/ }).fill('');
      await main(page).getByRole('combobox', { name: 'Colour' }).selectOption('red');
      await linkIn(grapes, 'Pinot Noir').waitFor();
      await expect.poll(() => grapes.getByRole('link', { name: 'Chardonnay', exact: true }).count()).toBe(0);
      expectNoPageErrors(page);
    });

    it('(c) a classification and the tasting guide read as documents', async () => {
      const page = await harness.openPage(device);
      await page.goto('/wine');
      await expectPage(page, /^Wine$/, 'Wine');
      await main(page).getByRole('link', { name: /^Bordeaux 1855 classification: red wines/ }).click();
      await expectPage(page, /^Bordeaux 1855 classification: red wines/);
      const firstGrowths = main(page).getByRole('list', { name: 'Premier Cru (First Growth)' });
      await linkIn(firstGrowths, 'Château Latour').waitFor();
      await linkIn(main(page), 'Médoc').waitFor();
      await expectTidy(page);

      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Wine' }).click();
      await expectPage(page, /^Wine$/, 'Wine');
      await main(page).getByRole('link', { name: 'The systematic tasting guide' }).click();
      await expectPage(page, 'Systematic tasting', 'Systematic tasting');
      await main(page).getByRole('region', { name: 'Appearance' }).getByText('Clarity').waitFor();
      await main(page).getByRole('region', { name: 'Aromas' }).waitFor();
      await expectTidy(page);
      expectNoPageErrors(page);
    });

    it('(d) an unknown region, grape or classification shows a not-found page', async () => {
      const page = await harness.openPage(device);
      await page.goto('/wine/regions/france-atlantis');
      await expectPage(page, 'Region not found', 'Region not found');
      await expectNoSidewaysScroll(page);
      // Not a toast: the page says it.
      expect(await page.locator('.toasts').getByText(/not found/i).count()).toBe(0);
      await main(page).getByRole('link', { name: 'Browse wine regions and grapes' }).click();
      await expectPage(page, /^Wine$/, 'Wine');

      await page.goto('/wine/regions/Not_A_Slug');
      await expectPage(page, 'Region not found', 'Region not found');
      await page.goto('/wine/grapes/no-such-grape');
      await expectPage(page, 'Grape not found', 'Grape not found');
      await page.goto('/wine/classifications/no-such-classification');
      await expectPage(page, 'Classification not found', 'Classification not found');
      expectNoPageErrors(page);
    });
  });
}
