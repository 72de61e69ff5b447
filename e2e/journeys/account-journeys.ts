import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Device, expectNoPageErrors, expectNoSeriousA11yViolations, type Harness, hasBrowser, startHarness } from '../harness.js';
import { adminJourneys } from './admin-journeys.js';
import {
  apiClient,
  expectPage,
  linkIn,
  logInThroughUi,
  logOutThroughUi,
  mainNav,
  navigateInApp,
  newPerson,
  Operator,
  signUpThroughApi,
  withTimeout,
} from './steps.js';

/**
 * The account journeys at one device size, then the admin journeys on the same server and browser.
 * Journey (a) must run first: on the fresh instance its person is the first account, hence an
 * admin. The others read their mail as the operator.
 */
export function describeAccountJourneys(device: Device): void {
  describe.runIf(hasBrowser)(`account journeys (${device.name})`, () => {
    let harness: Harness;
    let operator: Operator;
    const pages: Page[] = [];

    beforeAll(async () => {
      harness = await startHarness({ argv: ['--admin', Operator.email] });
      operator = new Operator(harness.baseUrl);
    });

    afterAll(async () => {
      await operator?.close();
      await harness?.close();
    });

    async function openPage(): Promise<Page> {
      const page = await harness.openPage(device);
      pages.push(page);
      return page;
    }

    it('(a) the first person signs up, verifies through the outbox, creates an API token, logs out and in', async () => {
      const page = await openPage();
      const person = newPerson('chef');
      await page.goto('/');
      await expectPage(page, 'Welcome to Tavola', 'Welcome');

      // The skip link is the first stop of the keyboard and moves focus to <main>.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      const realtimeHello = new Promise<string>((resolve) => {
        page.on('websocket', (socket) =>
          socket.on('framereceived', (frame) => String(frame.payload).includes('"hello"') && resolve(socket.url())),
        );
      });
      await page.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
      await expectPage(page, 'Create your account', 'Create your account');
      const form = page.getByRole('main');
      await form.getByLabel('Email').fill(person.email);
      await form.getByLabel('Username').fill(person.username);
      await form.getByLabel('Display name').fill(person.displayName);
      await form.getByLabel('Password').fill(person.password);
      await form.getByRole('button', { name: 'Create account' }).click();

      await expectPage(page, `Hello, ${person.displayName}`, 'Home');
      // Logged in, the tab holds the realtime connection.
      expect(await withTimeout(realtimeHello, 10_000, 'no realtime hello')).toBe(`${harness.baseUrl.replace('http', 'ws')}/api/realtime`);
      const banner = page.getByRole('region', { name: 'Email verification' });
      await banner.getByText('Please verify your email address.').waitFor();

      await mainNav(page).getByRole('link', { name: 'Admin' }).click();
      await expectPage(page, 'Mail outbox', 'Mail outbox');
      const mailToggle = page.getByRole('button', { name: new RegExp(`Confirm your email address.*${person.email}`) });
      await mailToggle.click();
      expect(await mailToggle.getAttribute('aria-expanded')).toBe('true');
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('link', { name: /\/verify-email\?token=/ }).click();

      await expectPage(page, 'Email verified', 'Email verified');
      await page.getByText(`your email address ${person.email} is verified`).waitFor();
      expect(await banner.count()).toBe(0);

      await mainNav(page).getByRole('link', { name: 'Account' }).click();
      await expectPage(page, 'Account settings', 'Account settings');
      await page.getByText('Administrator').waitFor();
      await page.getByText('Verified', { exact: true }).waitFor();

      const tokens = page.getByRole('region', { name: 'API tokens' });
      await tokens.getByLabel('Token name').fill('Recipe importer');
      expect(await tokens.getByRole('checkbox', { name: /Read/ }).isChecked()).toBe(true);
      expect(await tokens.getByRole('checkbox', { name: /Write/ }).isChecked()).toBe(false);
      await tokens.getByRole('button', { name: 'Create token' }).click();
      const secretField = tokens.getByLabel('Your new token');
      await secretField.waitFor();
      await tokens.getByText('It is shown only once').waitFor();
      await expectNoSeriousA11yViolations(page);
      const secret = await secretField.inputValue();
      expect(secret.length).toBeGreaterThan(20);

      const api = await apiClient(harness.baseUrl);
      try {
        const me = await api.get('/api/me', { headers: { authorization: `Bearer ${secret}` } });
        expect(me.status()).toBe(200);
        expect((await me.json()).username).toBe(person.username);
        const write = await api.post('/api/me/tokens', { headers: { authorization: `Bearer ${secret}` }, data: { name: 'x', scopes: ['read'] } });
        expect(write.status()).toBe(403);
      } finally {
        await api.dispose();
      }

      await tokens.getByRole('button', { name: 'I have copied it' }).click();
      expect(await secretField.count()).toBe(0);
      const listed = tokens.getByRole('list', { name: 'API tokens' }).getByRole('listitem');
      await listed.filter({ hasText: 'Recipe importer' }).getByText('read', { exact: false }).first().waitFor();

      await logOutThroughUi(page);
      // Signed out, the navigation keeps only what everyone may see (Home, Recipes).
      await expect.poll(() => mainNav(page).getByRole('link', { name: 'Account' }).count()).toBe(0);
      await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();
      await expectPage(page, 'Log in', 'Log in');
      await logInThroughUi(page, person.username, person.password);
      await expectPage(page, `Hello, ${person.displayName}`, 'Home');
      expectNoPageErrors(page);
    });

    it('(b) a forgotten password is reset through the mailed link; the old one is refused', async () => {
      const person = newPerson('sommelier');
      const setup = await apiClient(harness.baseUrl);
      await signUpThroughApi(setup, person);
      await setup.dispose();

      const page = await openPage();
      await page.goto('/login');
      await expectPage(page, 'Log in', 'Log in');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await expectPage(page, 'Reset your password', 'Reset your password');
      await page.getByRole('main').getByLabel('Email').fill(person.email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await page.getByText(`If an account uses ${person.email}`).waitFor();
      await expectNoSeriousA11yViolations(page);

      const mail = await operator.mail(person.email, /Reset your Tavola password/);
      const link = linkIn(mail, '/reset-password');
      expect(link.startsWith(harness.baseUrl)).toBe(true);
      await page.goto(link);
      await expectPage(page, 'Choose a new password', 'Choose a new password');
      const newPassword = `${person.password} and thyme`;
      await page.getByLabel('New password').fill(newPassword);
      await page.getByRole('button', { name: 'Set new password' }).click();

      await expectPage(page, 'Log in', 'Log in');
      await page.getByText('Your password was changed').waitFor();
      await logInThroughUi(page, person.email, person.password);
      const refusal = page.getByRole('main').getByRole('alert');
      await refusal.getByText('The email/username or password is incorrect').waitFor();
      await expectNoSeriousA11yViolations(page);

      await logInThroughUi(page, person.email, newPassword);
      await expectPage(page, `Hello, ${person.displayName}`, 'Home');
      expectNoPageErrors(page);
    });

    it('(c) account settings: a wrong current password, this device, another device logged out, the account deleted', async () => {
      const person = newPerson('baker');
      const otherDevice = await apiClient(harness.baseUrl);
      await signUpThroughApi(otherDevice, person);

      const page = await openPage();
      await page.goto('/account');
      await page.waitForURL(/\/login\?next=%2Faccount$/);
      await expectPage(page, 'Log in', 'Log in');
      await logInThroughUi(page, person.username, person.password);
      await expectPage(page, 'Account settings', 'Account settings');

      const passwordSection = page.getByRole('region', { name: 'Change password' });
      await passwordSection.getByLabel('Current password').fill('not my password at all');
      await passwordSection.getByLabel('New password').fill(`${person.password} again`);
      await passwordSection.getByRole('button', { name: 'Change password' }).click();
      const current = passwordSection.getByLabel('Current password');
      await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
      const description = await current.evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      expect(description).toContain('Is not your current password');
      await expectNoSeriousA11yViolations(page);

      const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
      await sessions.filter({ hasText: 'This device' }).waitFor();
      expect(await sessions.count()).toBe(2);
      await sessions.filter({ hasNotText: 'This device' }).getByRole('button', { name: /Log out/ }).click();
      await expect.poll(() => sessions.count()).toBe(1);
      expect((await otherDevice.get('/api/me')).status()).toBe(401);
      await otherDevice.dispose();

      await page.goto('/admin/outbox');
      await expectPage(page, 'Not allowed', 'Not allowed');
      await mainNav(page).getByRole('link', { name: 'Account' }).click();
      await expectPage(page, 'Account settings', 'Account settings');

      await page.getByRole('button', { name: 'Delete account…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
      await dialog.getByLabel('Your password').fill(person.password);
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole('button', { name: 'Delete my account' }).click();

      await expectPage(page, 'Welcome to Tavola', 'Welcome');
      await page.getByText('Your account was deleted').waitFor();
      await page.goto('/login');
      await logInThroughUi(page, person.username, person.password);
      await page.getByRole('main').getByRole('alert').getByText('The email/username or password is incorrect').waitFor();
      const api = await apiClient(harness.baseUrl);
      const refused = await api.post('/api/auth/login', { data: { login: person.email, password: person.password } });
      expect(refused.status()).toBe(401);
      await api.dispose();
      expectNoPageErrors(page);
    });

    it('signed-out pages and unknown addresses are reachable and accessible', async () => {
      const page = await openPage();
      await page.goto('/');
      for (const [path, heading] of [
        ['/signup', 'Create your account'],
        ['/forgot-password', 'Reset your password'],
        ['/reset-password', 'Choose a new password'],
        ['/verify-email', 'Verify your email'],
        ['/verify-email?token=not-a-real-token-0000', 'Verification failed'],
        ['/no/such/page', 'Page not found'],
      ] as const) {
        await navigateInApp(page, path);
        await expectPage(page, heading);
      }
      expectNoPageErrors(page);
    });

    adminJourneys(device, { harness: () => harness, operator: () => operator, openPage });
  });
}
