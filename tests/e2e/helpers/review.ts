// Page-level steps shared by the end-to-end tests: join a review, add entries, read what a page shows.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Person } from './browser.ts';

export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts', import.meta.url));

/** Saves a screenshot under test-artifacts/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Opens a share link, gives a display name and waits until the review is live. */
export async function joinReview(person: Person, link: string, name: string): Promise<void> {
  const { page } = person;
  await page.goto(link);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitForConnection(page, 'Live');
}

export async function waitForConnection(page: Page, label: string, timeout = 20_000): Promise<void> {
  const state = page.getByTestId('connection-state');
  try {
    await state.getByText(label, { exact: true }).waitFor({ timeout });
  } catch (err) {
    const shown = await state.textContent({ timeout: 1_000 }).catch(() => '(no connection badge)');
    const online = await page.evaluate(() => navigator.onLine).catch(() => 'unknown');
    throw new Error(`the connection badge never said "${label}": it says "${shown}" (navigator.onLine ${online})`, {
      cause: err,
    });
  }
}

/** Adds an entry through the keyboard-first composer (time, summary, Enter). */
export async function addEntry(page: Page, time: string, summary: string): Promise<void> {
  await page.getByTestId('composer-time').fill(time);
  await page.getByTestId('composer-summary').fill(summary);
  await page.getByTestId('composer-summary').press('Enter');
}

export interface RowSnapshot {
  time: string;
  summary: string;
  notes: string;
}

/** What the timeline shows, row by row (caret name labels stripped from notes). */
export function readTimeline(page: Page): Promise<RowSnapshot[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-entry-id]')].map((row) => {
      const cell = (name: string): string => {
        const el = row.querySelector<HTMLElement>(`[data-cell="${name}"]`);
        return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : (el?.textContent ?? '');
      };
      const time = cell('time');
      const summary = cell('summary');
      const notesEl = (row.querySelector('.ProseMirror') ?? row.querySelector('.tl-notes-preview'))?.cloneNode(
        true,
      ) as HTMLElement | null;
      notesEl?.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
      const notes = notesEl?.classList.contains('empty') ? '' : (notesEl?.textContent ?? '');
      return { time, summary, notes };
    }),
  );
}

/** Polls until `check` passes (or throws its last error at the deadline). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export interface TreeSnapshot {
  text: string;
  children: TreeSnapshot[];
}

/** The whys tree as the page shows it (text of each node, nested). */
export function readWhys(page: Page): Promise<TreeSnapshot[]> {
  return page.evaluate(() => {
    const walk = (list: Element | null): TreeSnapshot[] =>
      list
        ? [...list.children]
            .filter((li) => li.matches('li[data-why-id]'))
            .map((li) => {
              const text = li.querySelector<HTMLInputElement>(':scope > .why-card .why-text');
              return {
                text: text?.value ?? text?.textContent ?? '',
                children: walk(li.querySelector(':scope > ul')),
              };
            })
        : [];
    return walk(document.querySelector('.whys-tree > li > ul'));
  });
}

/** Waits until a why with exactly this text is shown and returns its node id. */
export async function whyId(page: Page, text: string): Promise<string> {
  const handle = await page.waitForFunction(
    (t) =>
      [...document.querySelectorAll<HTMLInputElement>('input.why-text')]
        .find((e) => e.value === t)
        ?.closest<HTMLElement>('[data-why-id]')?.dataset.whyId ?? false,
    text,
  );
  return (await handle.jsonValue()) as string;
}

/** The text input of the why with this text. */
export async function whyInput(page: Page, text: string) {
  const id = await whyId(page, text);
  return page.locator(`li[data-why-id="${id}"] > .why-card .why-text`);
}

/** The updates the page's y-indexeddb cache holds for a review, base64 encoded. */
export function cachedUpdates(page: Page, reviewId: string): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('updates')) return resolve([]);
          const all = db.transaction('updates').objectStore('updates').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as Uint8Array[]).map((u) => {
                let bin = '';
                for (const byte of u) bin += String.fromCharCode(byte);
                return btoa(bin);
              }),
            );
          };
        };
      }),
    `hindsight:${reviewId}`,
  );
}
