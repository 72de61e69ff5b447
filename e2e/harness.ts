import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../server/src/app.js';
import { createPlatform, type RunningPlatform } from '../server/src/platform/bootstrap.js';
import { testConfig, testEnv } from '../server/test/app.js';
import { createTestDatabase, type TestDatabase } from '../server/test/database.js';

/**
 * Browser journeys run a real server in-process (its own database, the built web client, a real
 * port) and drive Debian's Chromium with playwright-core: one server and one browser per test file.
 */

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasBrowser = existsSync(chromiumPath);

if (!hasBrowser) {
  if (process.env.CI === 'true') throw new Error(`browser journeys need Chromium at ${chromiumPath}, and CI must run them`);
  console.warn(`browser journeys skipped: ${chromiumPath} not found`);
}

export interface Device {
  name: 'desktop' | 'phone';
  viewport: { width: number; height: number };
  isMobile: boolean;
  hasTouch: boolean;
  deviceScaleFactor: number;
}

export const devices: Record<Device['name'], Device> = {
  desktop: { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  phone: { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'web');

function newestChange(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Builds web/dist when it is missing or older than the client's sources (npm test builds it first). */
export function ensureWebBuild(): void {
  const built = path.join(webDir, 'dist', 'index.html');
  const sources = Math.max(
    newestChange(path.join(webDir, 'src')),
    newestChange(path.join(root, 'contracts')),
    statSync(path.join(webDir, 'index.html')).mtimeMs,
    statSync(path.join(webDir, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const result = spawnSync('npm', ['run', 'build', '--silent', '-w', 'web'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Harness {
  baseUrl: string;
  app: FastifyInstance;
  platform: RunningPlatform;
  browser: Browser;
  /** A fresh browser context (no cookies) at the device's size, its page watched for uncaught errors. */
  openPage(device: Device): Promise<Page>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string | undefined>;
  argv?: string[];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  ensureWebBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = testConfig(
    {
      PUBLIC_URL: baseUrl,
      PORT: String(port),
      // The journeys log in many times from one address within a minute.
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '10000',
      ...options.env,
    },
    options.argv,
  );
  let testDb: TestDatabase | undefined;
  let platform: RunningPlatform | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();
  const close = async () => {
    await Promise.allSettled([...contexts].map((c) => c.close()));
    await browser?.close();
    await app?.close();
    await platform?.close();
    await testDb?.database.close();
    await testDb?.drop();
    rmSync(config.dataDir, { recursive: true, force: true });
  };
  // The browser starts while the server boots.
  const launching = chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  launching.then((launched) => (browser = launched)).catch(() => undefined);
  try {
    testDb = await createTestDatabase(testEnv.databaseUrl);
    // Workers poll every half second and retry after a second, so mail is marked stored quickly.
    platform = await createPlatform(config, testDb.database, { jobs: { pollingIntervalSeconds: 0.5, retryDelay: 1, maxConnections: 3 } });
    app = await buildApp(platform, { serveWeb: true, logger: false });
    await app.listen({ port, host: '127.0.0.1' });
    browser = await launching;
  } catch (error) {
    await launching.then((b) => b.close()).catch(() => undefined);
    await close();
    throw error;
  }
  const runningBrowser = browser;
  return {
    baseUrl,
    app,
    platform,
    browser,
    close,
    openPage: async (device) => {
      const context = await runningBrowser.newContext({
        baseURL: baseUrl,
        viewport: device.viewport,
        isMobile: device.isMobile,
        hasTouch: device.hasTouch,
        deviceScaleFactor: device.deviceScaleFactor,
        reducedMotion: 'reduce',
      });
      contexts.add(context);
      context.on('close', () => contexts.delete(context));
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      return page;
    },
  };
}

const pageErrors = new WeakMap<Page, string[]>();

/** Fails when the page threw an uncaught exception since it opened. */
export function expectNoPageErrors(page: Page): void {
  expect(pageErrors.get(page) ?? [], 'uncaught exceptions in the page').toEqual([]);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page as it is and fails on serious or critical violations, listing them.
 * axe is evaluated through the DevTools protocol rather than added as a <script> tag: the app's
 * Content-Security-Policy (script-src 'self') rightly refuses inline scripts, and the journeys
 * keep it on.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  }) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(report, `accessibility violations on ${page.url()}`).toEqual([]);
}
