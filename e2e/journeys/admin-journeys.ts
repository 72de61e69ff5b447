import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type Device, expectNoPageErrors, expectNoSeriousA11yViolations, type Harness } from '../harness.js';
import { apiClient, expectNoSidewaysScroll, expectPage, logInThroughUi, logOutThroughUi, mainNav, newPerson, type Operator, signUpThroughApi } from './steps.js';

/** What the admin journeys borrow from the file they run in: its server, browser and operator. */
export interface AdminJourneyContext {
  harness: () => Harness;
  operator: () => Operator;
  openPage: () => Promise<Page>;
}

/** The audit page shows this many entries, then "Load more" (web/src/features/admin/audit-api.ts). */
const AUDIT_PAGE_SIZE = 25;

/**
 * The admin journeys, registered inside a file's describe block so they reuse its server and
 * browser. They need an admin: the operator (named with `--admin` in that file's harness).
 */
export function adminJourneys(device: Device, context: AdminJourneyContext): void {
  it(`(d) an admin finds a person, makes them moderator, reads it in the audit log; the moderator is not let in (${device.name})`, async () => {
    const { baseUrl } = context.harness();
    const operator = context.operator();
    const operatorApi = await operator.api();
    const operatorId: string = (await (await operatorApi.get('/api/me')).json()).id;
    const cook = newPerson('cook');
    const cookApi = await apiClient(baseUrl);
    await signUpThroughApi(cookApi, cook);
    const cookId: string = (await (await cookApi.get('/api/me')).json()).id;

    const page = await context.openPage();
    await page.goto('/admin/users');
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers$/);
    await logInThroughUi(page, operator.person.email, operator.person.password);
    await expectPage(page, 'Users', 'Users');
    const adminNav = page.getByRole('navigation', { name: 'Administration' });
    expect(await adminNav.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');
    expect(await mainNav(page).getByRole('link', { name: 'Admin' }).getAttribute('aria-current')).toBe('page');

    // The search waits for a pause in typing, then keeps its text in the address.
    await page.getByRole('searchbox', { name: 'Search users' }).fill(cook.username);
    await page.getByRole('heading', { name: `Users matching “${cook.username}”` }).waitFor();
    await page.getByRole('status').getByText('1 user.').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(cook.username);
    const card = page.getByRole('list', { name: 'Users' }).getByRole('listitem').filter({ hasText: cook.email });
    await card.getByText('Not verified', { exact: true }).waitFor();
    await card.getByText('Active', { exact: true }).waitFor();
    const roleSelect = card.getByRole('combobox', { name: `Role of ${cook.username}` });
    expect(await roleSelect.inputValue()).toBe('user');
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);

    await roleSelect.selectOption('moderator');
    const dialog = page.getByRole('dialog', { name: `Change role of ${cook.username} to moderator?` });
    await dialog.getByText('They will be logged out everywhere.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await page.getByText(`${cook.username} is now a moderator.`).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await roleSelect.inputValue()).toBe('moderator');
    expect((await cookApi.get('/api/me')).status()).toBe(401);
    await cookApi.dispose();

    // A refused change (the server keeps the last admin; its tests cover when) is explained in the dialog.
    await page.route('**/api/admin/users/*', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 409,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, code: 'last_admin', detail: 'This is the only admin; make someone else admin first' }),
          })
        : route.continue(),
    );
    await page.getByRole('searchbox', { name: 'Search users' }).fill(operator.person.email);
    const ownCard = page.getByRole('list', { name: 'Users' }).getByRole('listitem').filter({ hasText: operator.person.email });
    const ownRole = ownCard.getByRole('combobox', { name: `Role of ${operator.person.username}` });
    await ownRole.selectOption('user');
    const ownDialog = page.getByRole('dialog', { name: 'Change your own role to member?' });
    await ownDialog.getByRole('button', { name: 'Change role' }).click();
    await ownDialog.getByRole('alert').getByText('This is the only admin; make someone else admin first').waitFor();
    await ownDialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await ownDialog.count()).toBe(0);
    expect(await ownRole.inputValue()).toBe('admin');
    await page.unroute('**/api/admin/users/*');

    // More entries than a page, so "Load more" has something to load.
    const existing = (await (await operatorApi.get('/api/admin/audit', { params: { limit: 200 } })).json()).items.length as number;
    const failures = Math.max(0, AUDIT_PAGE_SIZE + 1 - existing);
    const stranger = await apiClient(baseUrl);
    for (let i = 0; i < failures; i++) {
      const refused = await stranger.post('/api/auth/login', { data: { login: `nobody-${i}@example.com`, password: 'not anybody’s password' } });
      expect(refused.status(), await refused.text()).toBe(401);
    }
    await stranger.dispose();
    const total = existing + failures;

    await adminNav.getByRole('link', { name: 'Audit log' }).click();
    await expectPage(page, 'Audit log', 'Audit log');
    await page.getByLabel('Action').fill('admin.role_changed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('heading', { name: 'Entries “admin.role_changed”' }).waitFor();
    const entries = page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem');
    const newest = entries.first();
    await newest.getByText('admin.role_changed').waitFor();
    await newest.getByText(`user ${cookId}`).waitFor();
    await newest.getByText('{"role":["user","moderator"]}').waitFor();
    await newest.getByText('127.0.0.1').waitFor();
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    // The actor's short id narrows the log to what they did.
    await newest.getByRole('link', { name: operatorId.slice(0, 8) }).click();
    await page.getByRole('heading', { name: `Entries “admin.role_changed” by ${operatorId.slice(0, 8)}` }).waitFor();
    await newest.getByText(`user ${cookId}`).waitFor();
    await page.getByRole('button', { name: 'Show all actors' }).click();

    await page.getByRole('button', { name: 'Show all actions' }).click();
    await page.getByRole('heading', { name: 'Latest entries' }).waitFor();
    await page.getByRole('status').getByText(`Showing ${AUDIT_PAGE_SIZE} entries.`).waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    const shown = Math.min(total, 2 * AUDIT_PAGE_SIZE);
    await page.getByRole('status').getByText(`Showing ${shown} entries.`).waitFor();
    // Reading goes on at the first entry that was added.
    await expect.poll(() => entries.nth(AUDIT_PAGE_SIZE).evaluate((entry) => entry === document.activeElement)).toBe(true);
    if (total <= 2 * AUDIT_PAGE_SIZE) {
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
      await page.getByText('That is the oldest entry.').waitFor();
    }
    expectNoPageErrors(page);

    // The new moderator was logged out; logging in again, the admin pages stay closed to them.
    await logOutThroughUi(page);
    await page.goto('/admin/users');
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers$/);
    await logInThroughUi(page, cook.username, cook.password);
    await expectPage(page, 'Not allowed', 'Not allowed');
    expect(await mainNav(page).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expectNoPageErrors(page);
  });
}
