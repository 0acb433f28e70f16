// Debian's Chromium through playwright-core, launched as tests/e2e does it: one fresh profile per person.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_MISSING = "install Debian's chromium (apt-get install -y chromium)";

/** The e2e launch flags (STACK.md); the background-networking ones keep Chromium off the closed network. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumMissing = (): boolean => !existsSync(CHROMIUM);

export interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/**
 * A browser with a new, empty profile (no IndexedDB, no HTTP cache). `name` is stored as the display name
 * before any page script runs, as a returning user has it, so the review opens without the name prompt.
 */
export async function newPerson(name: string, init?: () => void): Promise<Person> {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-bench-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1360, height: 860 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
  await context.addInitScript((n: string) => {
    try {
      localStorage.setItem('hindsight:name', n);
    } catch {
      // about:blank has no storage
    }
  }, name);
  if (init) await context.addInitScript(init);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Offset of the page's clock (timeOrigin + now) from this process's, from the tightest of `samples` round trips. */
export async function clockOffsetMs(page: Page, samples = 15): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < samples; i++) {
    const before = performance.timeOrigin + performance.now();
    const pageNow = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = performance.timeOrigin + performance.now();
    if (after - before < best.rtt) best = { rtt: after - before, offset: pageNow - (before + after) / 2 };
  }
  return best.offset;
}
