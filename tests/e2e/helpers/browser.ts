// Launches Debian's Chromium through playwright-core, one fresh profile per person.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { unmetRequirement } from '../../helpers/requirement.ts';

export const CHROMIUM = '/usr/bin/chromium';

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

/** Fails loudly (never skips) when Debian's Chromium is missing. */
export function requireChromium(): void {
  if (existsSync(CHROMIUM)) return;
  throw unmetRequirement(
    `${CHROMIUM} is needed by the browser tests`,
    "install Debian's chromium: apt-get install -y chromium (or sudo bash scripts/provision.sh)",
  );
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A new browser profile (its own storage, IndexedDB and cookies) with one page open. */
export async function newPerson(
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<Person> {
  requireChromium();
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: options.width ?? 1360, height: options.height ?? 860 },
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
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
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
