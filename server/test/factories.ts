import type { Role } from '@tavola/contracts/accounts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomToken } from '../src/platform/crypto.js';
import type { TestApp } from './app.js';

export interface TestUser {
  id: string;
  email: string;
  username: string;
  password: string;
  role: Role;
  /** `cookie` header value of this user's session. */
  cookie: string;
  csrfToken: string;
  /** Sends a request as this user (cookie + CSRF header). */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;

export function sessionCookieFrom(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name.endsWith('tavola_session'));
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `${cookie.name}=${cookie.value}`;
}

export async function sessionState(t: TestApp, cookie: string): Promise<{ user: { id: string } | null; csrfToken: string | null }> {
  return (await t.app.inject({ url: '/api/auth/session', headers: { cookie } })).json();
}

export function asUser(t: TestApp, cookie: string, csrfToken: string) {
  return (options: InjectOptions) => t.app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...options.headers } });
}

/** Signs a user up through the API (the real path) and returns a logged-in handle. */
export async function makeUser(t: TestApp, overrides: { role?: Role; email?: string; username?: string; password?: string; verified?: boolean } = {}): Promise<TestUser> {
  counter += 1;
  const suffix = `${counter}${randomToken(3).replace(/[^a-zA-Z0-9]/g, '').toLowerCase()}`;
  const email = overrides.email ?? `cook${suffix}@example.test`;
  const username = overrides.username ?? `cook${suffix}`;
  const password = overrides.password ?? `braised short ribs ${suffix}`;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, username, password }, remoteAddress: `10.9.${counter % 250}.${Math.floor(counter / 250) + 1}` });
  if (res.statusCode !== 201) throw new Error(`signup failed ${res.statusCode}: ${res.body}`);
  const id = res.json().id as string;
  const role = overrides.role ?? 'user';
  await t.platform.database.executeSql('update users set role = $1 where id = $2', [role, id]);
  if (overrides.verified) await t.platform.database.executeSql('update users set email_verified_at = now() where id = $1', [id]);
  const cookie = sessionCookieFrom(res);
  const { csrfToken } = await sessionState(t, cookie);
  return { id, email, username, password, role, cookie, csrfToken: csrfToken as string, inject: asUser(t, cookie, csrfToken as string) };
}

/** The newest mail in the outbox for an address (every mail is written there first). */
export async function latestMailTo(t: TestApp, to: string, template?: string): Promise<{ subject: string; text: string; html: string; template: string } | undefined> {
  const { rows } = await t.platform.database.executeSql(
    `select subject, text, html, template from mail_outbox where to_address = $1 ${template ? 'and template = $2' : ''} order by created_at desc limit 1`,
    template ? [to, template] : [to],
  );
  return rows[0];
}

export function tokenFromLink(text: string): string {
  const match = /token=([\w-]+)/.exec(text);
  if (!match) throw new Error(`no token link in: ${text}`);
  return match[1] as string;
}
