/**
 * Fetches a recipe page for import without becoming a way into our own network (SSRF):
 *  - http and https only, no credentials in the URL;
 *  - the host is resolved here, every address it resolves to must be public (network-address.ts),
 *    and the connection goes to that checked address (a custom `lookup`), so a second DNS answer
 *    cannot point the request elsewhere (DNS rebinding);
 *  - redirects are followed by hand, at most five, each hop checked the same way;
 *  - one deadline for everything (DNS, connect, redirects, body), a size cap on the body (also
 *    after decompression), and only HTML or JSON content.
 * `allowPrivateNetworks` (IMPORT_ALLOW_PRIVATE_NETWORKS, for tests) lifts only the address rule.
 */
import { lookup as systemLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { recipeImportLimits } from '@tavola/contracts/recipe-import';
import { AppError } from '../../platform/errors.js';
import { blockedAddressReason, isIpLiteral } from './network-address.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface PageFetchOptions {
  /** Lets the fetch reach loopback and private networks (tests only). */
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Host name -> addresses; the system resolver by default. */
  resolveHost?: (host: string) => Promise<ResolvedAddress[]>;
  /** Why an address is refused (null: allowed); blockedAddressReason by default. */
  addressPolicy?: (address: string) => string | null;
}

export interface FetchedPage {
  /** The page's address after redirects. */
  url: string;
  kind: 'html' | 'json';
  body: string;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const userAgent = 'Mozilla/5.0 (compatible; TavolaRecipeImport/1.0; +https://tavola.dev/recipe-import)';

const badUrl = (detail: string) => new AppError('import_bad_url', 400, detail);
const fetchFailed = (detail: string) => new AppError('import_fetch_failed', 422, detail);
const tooLarge = (maxBytes: number) => new AppError('import_too_large', 422, `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);

/** An http(s) URL without credentials, or 400 'import_bad_url'. */
export function parseImportUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw badUrl('The URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badUrl('Only http and https URLs can be imported');
  if (url.username || url.password) throw badUrl('URLs with a user name or password cannot be imported');
  return url;
}

const systemResolve = async (host: string): Promise<ResolvedAddress[]> => systemLookup(host, { all: true, verbatim: true });

/** The address to connect to for this URL, after checking every address the host resolves to. */
async function resolveTarget(url: URL, options: PageFetchOptions): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (isIpLiteral(host)) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await (options.resolveHost ?? systemResolve)(host);
    } catch {
      throw fetchFailed(`The host name ${host} could not be resolved`);
    }
  }
  const first = addresses[0];
  if (!first) throw fetchFailed(`The host name ${host} has no address`);
  if (!options.allowPrivateNetworks) {
    const policy = options.addressPolicy ?? blockedAddressReason;
    for (const { address } of addresses) {
      const reason = policy(address);
      if (reason) throw new AppError('import_blocked_address', 422, `${host} leads to a ${reason} address, which imports may not reach`);
    }
  }
  return first;
}

function openResponse(url: URL, target: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  // The connection goes to the address checked above, whatever DNS would answer now.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'GET',
        agent: false,
        lookup,
        signal,
        headers: {
          'user-agent': userAgent,
          accept: 'text/html,application/xhtml+xml,application/ld+json,application/json;q=0.9,*/*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

function contentKind(contentType: string | undefined): FetchedPage['kind'] | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/json' || type === 'application/ld+json' || type.endsWith('+json')) return 'json';
  return null;
}

function decompressed(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/** The body, cut off (and refused) as soon as it passes maxBytes, compressed or not. */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const stream = decompressed(response);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
    response.destroy();
  }
  return Buffer.concat(chunks);
}

/** Text in the charset the response declares (header, or an HTML <meta> near the top); UTF-8 otherwise. */
function decodeBody(body: Buffer, contentType: string | undefined, kind: FetchedPage['kind']): string {
  let charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (!charset && kind === 'html') charset = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(body.subarray(0, 4096).toString('latin1'))?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function failureOf(error: unknown, signal: AbortSignal, timeoutMs: number, url: URL): AppError {
  if (error instanceof AppError) return error;
  if (signal.aborted) return new AppError('import_timeout', 422, `The page did not load within ${Math.round(timeoutMs / 1000)} seconds`);
  const code = (error as NodeJS.ErrnoException).code;
  return fetchFailed(`The page at ${url.host} could not be loaded${code ? ` (${code})` : ''}`);
}

/** Fetches an HTML or JSON page under the rules above; every refusal is a 4xx AppError. */
export async function fetchRecipePage(address: string, options: PageFetchOptions): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? recipeImportLimits.fetchTimeoutMs;
  const maxBytes = options.maxBytes ?? recipeImportLimits.maxPageBytes;
  const maxRedirects = options.maxRedirects ?? recipeImportLimits.maxRedirects;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = parseImportUrl(address);
  try {
    for (let redirects = 0; ; redirects++) {
      signal.throwIfAborted();
      const target = await Promise.race([
        resolveTarget(url, options),
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
      ]);
      const response = await openResponse(url, target, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (redirectStatuses.has(status) && location) {
        response.destroy();
        if (redirects >= maxRedirects) throw fetchFailed(`The page redirected more than ${maxRedirects} times`);
        url = parseImportUrl(new URL(location, url).href);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw fetchFailed(`The page answered with HTTP status ${status}`);
      }
      const kind = contentKind(response.headers['content-type']);
      if (!kind) {
        response.destroy();
        throw new AppError('import_unsupported_content', 422, `The page is ${response.headers['content-type'] ?? 'of no declared type'}; only HTML and JSON pages can be imported`);
      }
      const body = await readBody(response, maxBytes);
      return { url: url.href, kind, body: decodeBody(body, response.headers['content-type'], kind) };
    }
  } catch (error) {
    throw failureOf(error, signal, timeoutMs, url);
  }
}
