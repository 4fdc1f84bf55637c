import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { addAgent } from '../../src/inbox/agents.js';
import { demoOrders } from '../../src/orders/demo-orders.js';
import { startServer } from '../support/fake-server.js';
import { createHarness, type Harness, type HarnessOptions } from '../support/harness.js';

/** Debian's Chromium; CI installs it. Without it the browser suites skip rather than fail. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Browser tests skipped: ${CHROMIUM} not found (install it with apt-get install chromium).`);
}

export const screenshotDir = resolve(import.meta.dirname, '../../test-results/screenshots');

export interface Stage {
  harness: Harness;
  url: string;
  token: string;
  browser: Browser;
  /** Uncaught script errors from every page, so a test can assert there were none. */
  pageErrors: Error[];
  /** A fresh browser context (its own cookies) with one page. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Closes every page opened so far: an open inbox keeps its event stream and redraws on each event. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** A whole Baton on a loopback port with an agent who sees every queue, and a headless Chromium. */
export async function startStage(
  env: Record<string, string> = {},
  options: Omit<HarnessOptions, 'env' | 'orders'> = {},
): Promise<Stage> {
  mkdirSync(screenshotDir, { recursive: true });
  const harness = await createHarness({ ...options, env, orders: demoOrders(Date.now()) });
  const { token } = await addAgent(harness.db, { name: 'Layla', queues: ['*'], now: Date.now() });
  // startServer takes a plain Hono app; mounting forwards every request to Baton's own app.
  const server = await startServer(new Hono().mount('/', harness.app.fetch));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pageErrors: Error[] = [];
  const contexts: BrowserContext[] = [];
  return {
    harness,
    pageErrors,
    url: server.url,
    token,
    browser,
    async open(path, viewport = { width: 1440, height: 900 }) {
      const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Asia/Riyadh' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(error));
      await page.goto(server.url + path);
      return page;
    },
    async closePages() {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
    async close() {
      await browser.close();
      await server.close();
      harness.close();
    },
  };
}

/** Signs in on the inbox page and waits until the live event stream is connected. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.fill('#token', token);
  await page.click('#login-form button[type=submit]');
  await page.locator('#live.on').waitFor();
}

/** Types into the simulator's composer and sends. */
export async function say(page: Page, text: string): Promise<void> {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}
