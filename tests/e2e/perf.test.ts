// Measures (prints, never asserts on time) the first render of a 5,000-entry review and keystroke-to-other-browser delay.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry as addDocEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, cachedUpdates, eventually, joinReview, screenshot, waitForConnection } from './helpers/review.ts';

const ENTRIES = 5000;
const KINDS = ['observation', 'action', 'alert', 'decision', 'communication'] as const;

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

describe('performance figures (printed)', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  const people: Person[] = [];

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Five thousand entries');
    const seeder = connect(server, review.id, review.tokens.editor);
    await synced(seeder);
    const ctx = defaultContext('Seeder');
    const start = Date.UTC(2026, 10, 27, 6, 0);
    seeder.doc.transact(() => {
      for (let i = 0; i < ENTRIES; i++) {
        addDocEntry(
          seeder.doc,
          {
            at: start + i * 37_000,
            kind: KINDS[i % KINDS.length],
            summary: `Log line ${i}: worker ${i % 17} retried`,
            tags: i % 50 ? [] : ['retry'],
          },
          ctx,
        );
      }
    });
    await waitFor(
      () => seeder.provider.wsconnected && (seeder.provider.ws?.bufferedAmount ?? 0) === 0,
      'seed upload',
      60_000,
    );
    // Stored once a second client loads all of it from the server (the relay logs an update before it fans out).
    const check = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(check.doc).length === ENTRIES, 'the server to hold every seeded entry', 60_000);
    check.destroy();
    seeder.destroy();
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.stop();
  });

  it(`renders a ${ENTRIES}-entry review`, async () => {
    const person = await newPerson();
    people.push(person);
    await person.context.addInitScript(() => localStorage.setItem('hindsight:name', 'Perf Reader'));
    const t0 = Date.now();
    await person.page.goto(review.links.editor);
    await person.page.locator('[data-entry-id]').first().waitFor({ timeout: 60_000 });
    const cold = Date.now() - t0;
    await waitForConnection(person.page, 'Live', 60_000);
    const count = await person.page.getByText(`${ENTRIES} entries`).count();
    expect(count).toBe(1);
    // The warm figure means something only once the browser's cache holds the whole review.
    await eventually(async () => {
      const cached = new Y.Doc();
      for (const u of await cachedUpdates(person.page, review.id)) Y.applyUpdate(cached, Buffer.from(u, 'base64'));
      expect(readTimeline(cached)).toHaveLength(ENTRIES);
    }, 60_000);
    const t1 = Date.now();
    await person.page.reload();
    await person.page.locator('[data-entry-id]').first().waitFor({ timeout: 60_000 });
    const warm = Date.now() - t1;
    // Scroll to the end: the virtual list draws only what is in view.
    const t2 = Date.now();
    await person.page.locator('.tl-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await person.page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLInputElement>('[data-cell="summary"]')].some((e) =>
          e.value.startsWith('Log line 4999:'),
        ),
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    const scroll = Date.now() - t2;
    const mounted = await person.page.locator('[data-entry-id]').count();
    await screenshot(person.page, 'timeline-5000-entries');
    console.log(
      `[perf] ${ENTRIES} entries: first rows ${cold} ms (navigation, empty cache), ${warm} ms (reload, IndexedDB cache); scroll to end ${scroll} ms; ${mounted} rows mounted`,
    );
  });

  it('keystroke to the other browser', async () => {
    const small = await server.createReview('Latency');
    const [a, b] = await Promise.all([newPerson(), newPerson()]);
    people.push(a, b);
    await joinReview(a, small.links.editor, 'Typist');
    await joinReview(b, small.links.editor, 'Watcher');
    await addEntry(a.page, '12:00', '');
    await b.page.locator('[data-entry-id] [data-field="summary"]').first().waitFor();
    await b.page.evaluate(() => {
      const w = window as unknown as { __seen: number[] };
      w.__seen = [];
      const el = document.querySelector<HTMLInputElement>('[data-entry-id] [data-field="summary"]')!;
      let last = el.value.length;
      const poll = (): void => {
        const input = document.querySelector<HTMLInputElement>('[data-entry-id] [data-field="summary"]');
        const len = input?.value.length ?? 0;
        for (let k = last + 1; k <= len; k++) w.__seen[k] = performance.timeOrigin + performance.now();
        last = len;
        setTimeout(poll, 1);
      };
      poll();
    });
    const summary = a.page.locator('[data-entry-id] [data-field="summary"]').first();
    await summary.click();
    await a.page.evaluate(() => {
      const w = window as unknown as { __sent: number[] };
      w.__sent = [];
      document.addEventListener('keydown', () => w.__sent.push(performance.timeOrigin + performance.now()), true);
    });
    const text = 'the pager rotation had not been updated after the reorg'.slice(0, 50);
    await a.page.keyboard.type(text, { delay: 60 });
    await b.page.waitForFunction(
      (n) => ((window as unknown as { __seen: number[] }).__seen.length ?? 0) > n,
      text.length,
      { timeout: 30_000 },
    );
    const sent = await a.page.evaluate(() => (window as unknown as { __sent: number[] }).__sent);
    const seen = await b.page.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
    const delays = sent.map((t, i) => seen[i + 1]! - t).filter((d) => Number.isFinite(d));
    expect(delays).toHaveLength(text.length);
    console.log(
      `[perf] keystroke -> other browser over ${delays.length} keys: median ${quantile(delays, 0.5).toFixed(1)} ms, p95 ${quantile(delays, 0.95).toFixed(1)} ms, max ${Math.max(...delays).toFixed(1)} ms`,
    );
  });
});
