import { randomBytes } from 'node:crypto';
import type { OutboxMail } from '@tavola/contracts/mail';
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoSeriousA11yViolations } from '../harness.js';

/** Steps the journeys share: people, the outbox read as an admin, logging in and out through the UI. */

export interface Person {
  email: string;
  username: string;
  displayName: string;
  password: string;
}

export function newPerson(label: string): Person {
  const id = randomBytes(4).toString('hex');
  return {
    email: `${label}-${id}@example.com`,
    username: `${label}_${id}`,
    displayName: `${label[0]?.toUpperCase()}${label.slice(1)} ${id}`,
    password: `olive oil ${id} basil`,
  };
}

/** Waits for the page's main heading and checks the document title and accessibility. */
export async function expectPage(page: Page, heading: string | RegExp, title?: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  if (title) expect(await page.title()).toBe(`${title} · Tavola`);
  await expectNoSeriousA11yViolations(page);
}

/**
 * Goes to `path` the way a link in the app would (history API, no reload), so a sweep over many
 * pages loads the client and axe once.
 */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

export async function logInThroughUi(page: Page, login: string, password: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByLabel('Email or username').fill(login);
  await main.getByLabel('Password').fill(password);
  await main.getByRole('button', { name: 'Log in' }).click();
}

export async function logOutThroughUi(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Welcome to Tavola' }).waitFor();
}

/** An HTTP client with its own cookie jar, for set-up and for reading what the UI cannot show. */
export async function apiClient(baseUrl: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: baseUrl });
}

/** The CSRF token of the session behind `api` (a page's `context().request` or an API client). */
export async function csrfOf(api: APIRequestContext): Promise<string> {
  const session = await (await api.get('/api/auth/session')).json();
  return session.csrfToken ?? '';
}

/** Fails when the page scrolls sideways (something too wide for the screen). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `the page scrolls sideways at ${page.url()}`).toBeLessThanOrEqual(0);
}

/** No serious accessibility violations and no sideways scroll. */
export async function expectTidy(page: Page): Promise<void> {
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScroll(page);
}

export async function signUpThroughApi(api: APIRequestContext, person: Person): Promise<void> {
  const response = await api.post('/api/auth/signup', {
    data: { email: person.email, username: person.username, password: person.password, displayName: person.displayName },
    headers: { 'x-csrf-token': await csrfOf(api) },
  });
  expect(response.status(), await response.text()).toBe(201);
}

export async function logInThroughApi(api: APIRequestContext, login: string, password: string): Promise<void> {
  const response = await api.post('/api/auth/login', { data: { login, password }, headers: { 'x-csrf-token': await csrfOf(api) } });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * The operator account, named with `--admin` in the harness, reads the outbox through the API.
 * Created on first use, after journey (a) made the instance's first account.
 */
export class Operator {
  static readonly email = 'operator@example.com';
  /** The operator's account, for logging in through the UI once api() has created it. */
  readonly person: Person = { ...newPerson('operator'), email: Operator.email };
  #api: Promise<APIRequestContext> | undefined;

  constructor(private readonly baseUrl: string) {}

  api(): Promise<APIRequestContext> {
    this.#api ??= (async () => {
      const api = await apiClient(this.baseUrl);
      await signUpThroughApi(api, this.person);
      return api;
    })();
    return this.#api;
  }

  /** Waits for the newest mail to `to` whose subject matches. */
  async mail(to: string, subject: RegExp): Promise<OutboxMail> {
    const api = await this.api();
    let found: OutboxMail | undefined;
    await expect
      .poll(
        async () => {
          const response = await api.get('/api/admin/outbox', { params: { to, limit: 20 } });
          expect(response.status(), await response.text()).toBe(200);
          const { items } = (await response.json()) as { items: OutboxMail[] };
          found = items.find((mail) => subject.test(mail.subject));
          return found !== undefined;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(true);
    return found as OutboxMail;
  }

  async close(): Promise<void> {
    if (this.#api) await (await this.#api).dispose();
  }
}

/** The first link in a mail's text that goes to `path`. */
export function linkIn(mail: OutboxMail, path: string): string {
  const url = mail.text.match(/https?:\/\/\S+/g)?.find((candidate) => new URL(candidate).pathname === path);
  if (!url) throw new Error(`no ${path} link in the mail "${mail.subject}":\n${mail.text}`);
  return url;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
