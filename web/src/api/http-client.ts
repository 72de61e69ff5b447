import { ApiError } from './api-error';

/**
 * The one place requests leave the web client: same-origin JSON, the CSRF header on every write,
 * problem+json parsed into ApiError.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let refreshCsrf: (() => Promise<string | null>) | null = null;

/** Called whenever GET /api/auth/session answers: the token changes with the session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** How to get a fresh token when the server refuses a stale one (installed by the session module). */
export function setCsrfRefresher(refresher: () => Promise<string | null>): void {
  refreshCsrf = refresher;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
  }
  try {
    return await fetch(buildUrl(path, options.query), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Could not reach Tavola. Check your connection and try again.');
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isCsrfRefusal(error: ApiError): boolean {
  return error.status === 403 && error.code.includes('csrf');
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (!response.ok && method !== 'GET' && response.status === 403 && refreshCsrf) {
    const body = await readBody(response.clone());
    const error = ApiError.fromProblem(response.status, body as never, response.statusText);
    if (isCsrfRefusal(error)) {
      csrfToken = await refreshCsrf();
      response = await send(method, path, options);
    }
  }
  const body = await readBody(response);
  if (!response.ok) {
    const fallback = response.status >= 500 ? 'The server had a problem. Try again in a moment.' : `Request failed (${response.status}).`;
    throw ApiError.fromProblem(response.status, typeof body === 'object' ? (body as never) : null, fallback);
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('DELETE', path, { ...options, body }),
};
