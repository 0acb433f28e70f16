// Browser keystroke (issue 7): two people in two Chromium profiles on one review; one types into an entry's
// notes, and the delay until each character is in the other browser's DOM is measured on a shared clock.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { clockOffsetMs, newPerson, type Person } from '../browser/chromium.ts';
import { browserRunPrerequisites } from '../browser/clientBuild.ts';
import { seededReview } from '../browser/seededReview.ts';
import { sleep } from '../time.ts';
import type { MetricRow, Workload } from './types.ts';

const TEXT = 'alert routed to the old rota and the pager app was muted overnight ';
const ENTRIES = 20;

/** The notes text of a row as its reader sees it (collaboration caret labels removed). */
function notesTextIn(row: Element): string {
  const el = row.querySelector('.ProseMirror') ?? row.querySelector('.tl-notes-preview');
  if (!el || el.classList.contains('empty')) return '';
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
  return copy.textContent ?? '';
}

/** Receiver: records (time, notes length) on every DOM change of the row, time = timeOrigin + now. */
async function watchRow(page: Page, entryId: string): Promise<void> {
  await page.evaluate(
    ({ id, fn }) => {
      const text = new Function(`return (${fn})`)() as (row: Element) => string;
      const seen: [number, number][] = [];
      const w = window as unknown as { __seen: [number, number][]; __len: () => number };
      w.__seen = seen;
      const row = document.querySelector(`[data-entry-id="${id}"]`)!;
      w.__len = () => text(row).length;
      let last = text(row).length;
      new MutationObserver(() => {
        const len = text(row).length;
        if (len !== last) seen.push([performance.timeOrigin + performance.now(), (last = len)]);
      }).observe(row, { childList: true, subtree: true, characterData: true });
    },
    { id: entryId, fn: notesTextIn.toString() },
  );
}

/** Sender: records the time of every keydown (capture phase, before the editor handles it). */
async function recordKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    document.addEventListener('keydown', () => w.__keys.push(performance.timeOrigin + performance.now()), true);
  });
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

async function typeAndMeasure(
  sender: Person,
  receiver: Person,
  entryId: string,
  keystrokes: number,
  gapMs: number,
): Promise<{ latencies: number[]; offsets: number[] }> {
  const notes = `[data-entry-id="${entryId}"] .tl-notes`;
  await sender.page.locator(notes).click();
  await sender.page.locator(`${notes} .ProseMirror`).waitFor({ timeout: 30_000 });
  // A warm-up character: the editor chunk loaded on both sides and the receiver's editor mounted.
  await sender.page.keyboard.type('>');
  await receiver.page.waitForFunction(
    (id) => document.querySelector(`[data-entry-id="${id}"]`)?.textContent?.includes('>') ?? false,
    entryId,
    { timeout: 30_000 },
  );
  await sleep(500);
  await watchRow(receiver.page, entryId);
  await recordKeys(sender.page);
  const base = await receiver.page.evaluate(() => (window as unknown as { __len: () => number }).__len());
  for (let i = 0; i < keystrokes; i++) {
    await sender.page.keyboard.press(TEXT[i % TEXT.length]!);
    await sleep(gapMs);
  }
  await receiver.page.waitForFunction(
    (n) => (window as unknown as { __len: () => number }).__len() >= n,
    base + keystrokes,
    { timeout: 30_000 },
  );
  const offsets = [await clockOffsetMs(sender.page), await clockOffsetMs(receiver.page)];
  const keys = await sender.page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  const seen = await receiver.page.evaluate(() => (window as unknown as { __seen: [number, number][] }).__seen);
  // Keystroke i is there once the receiver's notes reach base + i + 1 characters (on the bench's clock).
  const latencies = keys.slice(0, keystrokes).map((sentAt, i) => {
    const arrived = seen.find(([, len]) => len >= base + i + 1)?.[0] ?? NaN;
    return arrived - offsets[1]! - (sentAt - offsets[0]!);
  });
  return { latencies, offsets };
}

export const browserKeystroke: Workload = {
  id: 'browser-keystroke',
  title: 'Browser: keystroke to the other browser',
  async run(ctx) {
    const { keystrokes, keystrokeGapMs } = ctx.options;
    const na = 'reference and raw ws: n/a — they serve no UI.';
    const ready = await browserRunPrerequisites(ctx, na);
    if ('skip' in ready) return ready.skip;
    const dist = ready.dists.get('hindsight');
    if (!dist)
      return {
        rows: [],
        notes: [na],
        details: {},
        notRun: 'the keystroke workload runs on the working tree: add hindsight to --servers',
      };
    ctx.log(`browser keystroke: ${keystrokes} keystrokes, one every ${keystrokeGapMs} ms`);
    const review = await seededReview(dist.dir, ENTRIES);
    const people: Person[] = [];
    try {
      people.push(await newPerson('Bench Sender'), await newPerson('Bench Receiver'));
      const [sender, receiver] = people as [Person, Person];
      for (const p of people) {
        await p.page.goto(review.link);
        await p.page.getByTestId('connection-state').getByText('Live', { exact: true }).waitFor({ timeout: 60_000 });
      }
      const { latencies, offsets } = await typeAndMeasure(sender, receiver, review.ids[0]!, keystrokes, keystrokeGapMs);
      const ok = latencies.filter((l) => Number.isFinite(l)).sort((a, b) => a - b);
      const p50 = quantile(ok, 0.5);
      const p95 = quantile(ok, 0.95);
      ctx.log(`  median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
      const only = (v: number): MetricRow['values'] => ({ hindsight: v, reference: null, raw: null });
      const rows: MetricRow[] = [
        {
          key: 'browser.keystroke.p50',
          label: 'keystroke to other browser (median)',
          unit: 'ms',
          better: 'lower',
          values: only(p50),
          digits: 1,
        },
        {
          key: 'browser.keystroke.p95',
          label: 'keystroke to other browser (p95)',
          unit: 'ms',
          better: 'lower',
          values: only(p95),
          digits: 1,
        },
        {
          key: 'browser.keystroke.max',
          label: 'keystroke to other browser (max)',
          unit: 'ms',
          better: 'lower',
          values: only(ok[ok.length - 1] ?? NaN),
          digits: 1,
        },
        {
          key: 'browser.keystroke.count',
          label: 'keystrokes seen by the other browser',
          unit: 'n',
          better: 'none',
          values: only(ok.length),
          digits: 0,
        },
      ];
      const notes = [
        `two Chromium profiles (two browser processes) on one review of ${ENTRIES} entries through Hindsight serving the built client; ` +
          `the sender clicks the first entry's notes (Tiptap) and types ${keystrokes} characters, one every ${keystrokeGapMs} ms.`,
        "time = sender keydown (capture listener, before the editor) → the character in the receiver's DOM (MutationObserver on the " +
          "row, notes text without caret labels), both as performance.timeOrigin + now, each page's clock aligned to the bench " +
          `process's (offsets ${offsets.map((o) => o.toFixed(2)).join(' / ')} ms); excludes the receiver's paint (≤ 1 frame).`,
        na,
      ];
      const errors = people.flatMap((p) => p.errors);
      if (errors.length) notes.push(`page errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
      return { rows, notes, details: { latencies, offsets, link: review.link } };
    } finally {
      await Promise.all(people.map((p) => p.close()));
      await review.stop();
    }
  },
};
