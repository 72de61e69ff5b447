import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, startPageServer } from '../../../test/fixtures/recipes/page-server.js';
import { AppError } from '../../platform/errors.js';
import { blockedAddressReason } from './network-address.js';
import { fetchRecipePage, type PageFetchOptions } from './url-fetcher.js';

const page = '<html><body><h1>Soup</h1></body></html>';

async function failure(url: string, options: PageFetchOptions): Promise<AppError> {
  try {
    await fetchRecipePage(url, options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to be refused`);
}

describe('fetching pages without reaching private networks', () => {
  let internal: PageServer;
  /** Stands in for a public site: 127.0.0.2 counts as public under the test policy below. */
  let publicSite: PageServer;
  const testPolicy = (address: string) => (address === '127.0.0.2' ? null : blockedAddressReason(address));

  beforeAll(async () => {
    internal = await startPageServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>internal admin</h1>'));
    publicSite = await startPageServer((request, response) => {
      if (request.url === '/to-internal') response.writeHead(302, { location: `${internal.origin}/` }).end();
      else if (request.url === '/to-private-name') response.writeHead(301, { location: 'http://intranet.test/' }).end();
      else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    }, '127.0.0.2');
  });
  afterAll(async () => {
    await internal.close();
    await publicSite.close();
  });

  const port = () => new URL(internal.origin).port;

  it.each([
    () => `http://127.0.0.1:${port()}/`,
    () => `http://localhost:${port()}/`,
    () => `http://[::1]:${port()}/`,
    () => `http://[::ffff:127.0.0.1]:${port()}/`,
    () => `http://2130706433:${port()}/`,
    () => `http://0x7f.0.0.1:${port()}/`,
    () => 'http://10.0.0.1/',
    () => 'http://192.168.0.1/admin',
    () => 'http://169.254.169.254/latest/meta-data/',
    () => 'http://[fd00::1]/',
  ])('refuses %s with import_blocked_address before connecting', async (url) => {
    const error = await failure(url(), { allowPrivateNetworks: false });
    expect(error).toMatchObject({ code: 'import_blocked_address', status: 422 });
    expect(internal.requests).toHaveLength(0);
  });

  it('refuses a redirect to 127.0.0.1, checking every hop', async () => {
    const error = await failure(`${publicSite.origin}/to-internal`, { allowPrivateNetworks: false, addressPolicy: testPolicy });
    expect(error.code).toBe('import_blocked_address');
    expect(publicSite.requests.map((request) => request.url)).toContain('/to-internal');
    expect(internal.requests).toHaveLength(0);
  });

  it('refuses a redirect to a host name that resolves to a private address', async () => {
    const resolveHost = async (host: string) => (host === 'intranet.test' ? [{ address: '10.20.30.40', family: 4 }] : []);
    const error = await failure(`${publicSite.origin}/to-private-name`, { allowPrivateNetworks: false, addressPolicy: testPolicy, resolveHost });
    expect(error).toMatchObject({ code: 'import_blocked_address' });
    expect(error.detail).toMatch(/intranet\.test .*private/);
  });

  it('refuses a host when any of its addresses is private', async () => {
    const resolveHost = async () => [
      { address: '127.0.0.2', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    expect(await failure('http://mixed.test/', { allowPrivateNetworks: false, addressPolicy: testPolicy, resolveHost })).toMatchObject({ code: 'import_blocked_address' });
  });

  it('connects to the address it checked, not to a second DNS answer (rebinding)', async () => {
    let lookups = 0;
    const resolveHost = async () => {
      lookups++;
      return [{ address: '127.0.0.2', family: 4 }];
    };
    const { port: publicPort } = new URL(publicSite.origin);
    const fetched = await fetchRecipePage(`http://recipes.test:${publicPort}/soup`, { allowPrivateNetworks: false, addressPolicy: testPolicy, resolveHost });
    expect(fetched).toEqual({ url: `http://recipes.test:${publicPort}/soup`, kind: 'html', body: page });
    expect(lookups).toBe(1);
    expect(publicSite.requests.at(-1)).toEqual({ url: '/soup', host: `recipes.test:${publicPort}` });
  });

  it.each(['ftp://example.com/recipe', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://example.com/', 'not a url', 'http://user:secret@example.com/'])(
    'accepts only http(s) URLs without credentials: %s gets 400',
    async (url) => {
      expect(await failure(url, { allowPrivateNetworks: false })).toMatchObject({ code: 'import_bad_url', status: 400 });
    },
  );
});

describe('fetch limits (private networks allowed, as in tests)', () => {
  let site: PageServer;
  const allowed: PageFetchOptions = { allowPrivateNetworks: true };
  const sixMegabytes = 6 * 1024 * 1024;

  beforeAll(async () => {
    site = await startPageServer((request, response) => {
      const route = request.url ?? '/';
      if (route === '/page') response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      else if (route === '/relative-redirect') response.writeHead(307, { location: '/page' }).end();
      else if (route.startsWith('/loop')) response.writeHead(302, { location: `/loop${route.length}` }).end();
      else if (route === '/missing') response.writeHead(404, { 'content-type': 'text/html' }).end('nope');
      else if (route === '/image') response.writeHead(200, { 'content-type': 'image/png' }).end('png');
      else if (route === '/json') response.writeHead(200, { 'content-type': 'application/ld+json' }).end('{"@type":"Recipe"}');
      else if (route === '/huge-declared') response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(sixMegabytes) }).end();
      else if (route === '/huge-streamed') {
        response.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < sixMegabytes && !response.destroyed) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        pump();
      } else if (route === '/gzip') response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(page));
      else if (route === '/gzip-bomb') response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(sixMegabytes, ' ')));
      else if (route === '/latin1') response.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from('<h1>Crème brûlée</h1>', 'latin1'));
      else if (route === '/slow') setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end(page), 3000);
    });
  });
  afterAll(async () => site.close());

  it('fetches an HTML page and follows a relative redirect', async () => {
    expect(await fetchRecipePage(`${site.origin}/relative-redirect`, allowed)).toEqual({ url: `${site.origin}/page`, kind: 'html', body: page });
  });

  it('reads JSON, gzip and a declared charset', async () => {
    expect(await fetchRecipePage(`${site.origin}/json`, allowed)).toMatchObject({ kind: 'json', body: '{"@type":"Recipe"}' });
    expect((await fetchRecipePage(`${site.origin}/gzip`, allowed)).body).toBe(page);
    expect((await fetchRecipePage(`${site.origin}/latin1`, allowed)).body).toBe('<h1>Crème brûlée</h1>');
  });

  it('stops after five redirects', async () => {
    expect(await failure(`${site.origin}/loop`, allowed)).toMatchObject({ code: 'import_fetch_failed', detail: 'The page redirected more than 5 times' });
  });

  it('refuses error statuses and content that is neither HTML nor JSON', async () => {
    expect(await failure(`${site.origin}/missing`, allowed)).toMatchObject({ code: 'import_fetch_failed', detail: 'The page answered with HTTP status 404' });
    expect(await failure(`${site.origin}/image`, allowed)).toMatchObject({ code: 'import_unsupported_content', status: 422 });
  });

  it('refuses pages over 5 MB, declared, streamed or decompressed', async () => {
    for (const route of ['/huge-declared', '/huge-streamed', '/gzip-bomb']) {
      expect(await failure(`${site.origin}${route}`, allowed)).toMatchObject({ code: 'import_too_large', status: 422 });
    }
  });

  it('gives up when the page takes longer than the time limit', async () => {
    const started = Date.now();
    expect(await failure(`${site.origin}/slow`, { ...allowed, timeoutMs: 300 })).toMatchObject({ code: 'import_timeout', status: 422 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a server that is not there', async () => {
    const gone = await startPageServer(() => undefined);
    await gone.close();
    expect(await failure(`${gone.origin}/`, allowed)).toMatchObject({ code: 'import_fetch_failed', detail: expect.stringMatching(/ECONNREFUSED/) });
  });
});
