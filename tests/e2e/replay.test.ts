// The replay link in Chromium: the incident steps forward in time, and the edit-history scrubber shows the review being built.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readTimeline } from '@hindsight/doc';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, cachedUpdates, eventually, joinReview, screenshot } from './helpers/review.ts';
import { seedReview } from './helpers/meeting.ts';

const T0 = Date.UTC(2026, 10, 28, 13, 0);
const MIN = 60_000;

describe('the replay page', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let watcher: Person;
  let editor: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Payments queue backed up', { startedAt: T0 });
    await seedReview(server, review.id, review.tokens.facilitator, (add) => {
      add.entry(T0 + 2 * MIN, 'Queue depth alert fired', 'alert');
      add.entry(T0 + 25 * MIN, 'On-call acknowledged and opened the dashboard', 'action');
      add.entry(T0 + 40 * MIN, 'Consumers scaled from 4 to 12', 'action');
      add.entry(T0 + 70 * MIN, 'Queue drained; incident resolved', 'marker');
    });
    [watcher, editor] = await Promise.all([newPerson(), newPerson({ colorScheme: 'dark' })]);
  });

  afterAll(async () => {
    await Promise.all([watcher?.close(), editor?.close()]);
    await server?.stop();
  });

  // The live replay is for the review's own links: an observer watches, only writers see the edit history.
  const replayUrl = (at?: string, token = review.tokens.observer): string =>
    `${server.origin}/replay/${review.id}${at ? `?at=${encodeURIComponent(at)}` : ''}#t=${token}`;
  const shown = (p: Person) => p.page.getByTestId('replay-entry').allTextContents();

  it('opens at a deep-linked moment: only what had happened by then, and the delay running', async () => {
    await watcher.page.goto(replayUrl('2026-11-28T13:20:00Z'));
    // The clock lands on the linked moment once the review has loaded (it starts at the first entry).
    await eventually(async () =>
      expect(await watcher.page.getByTestId('replay-clock').textContent()).toContain('T+20:00'),
    );
    expect(await shown(watcher)).toHaveLength(1);
    expect((await shown(watcher))[0]).toContain('Queue depth alert fired');
    // 18 minutes since the alert with nobody answering: a delay, still running.
    expect(await watcher.page.getByTestId('replay-delay').textContent()).toMatch(
      /Alert unanswered 18 min and counting/,
    );
    await screenshot(watcher.page, 'replay-deep-link');
  });

  it('steps through the incident with the scrubber and plays at 600×', async () => {
    const scrubber = watcher.page.getByTestId('replay-scrubber');
    await scrubber.fill(String(T0 + 41 * MIN));
    await eventually(async () => expect(await shown(watcher)).toHaveLength(3));
    expect(await watcher.page.getByTestId('replay-delay').textContent()).toMatch(
      /Alert unanswered 23 min(?! and counting)/,
    );
    await watcher.page.getByRole('radio', { name: '600×' }).check({ force: true });
    await watcher.page.getByTestId('replay-play').click();
    // 29 incident minutes at 600× take about 3 s.
    await eventually(async () => expect(await shown(watcher)).toHaveLength(4), 15_000);
    expect(await watcher.page.getByTestId('replay-play').textContent()).toContain('Play');
    await screenshot(watcher.page, 'replay-incident-end');
  });

  it('the history scrubber shows an entry absent before it was added and present after', async () => {
    // Someone adds an entry after the seed: a later update in the log.
    await joinReview(editor, review.links.editor, 'Dee Responder');
    await addEntry(editor.page, '14:15', 'Late note: retry storm from the mobile app');
    await eventually(async () => {
      const res = await server.fetch(`/api/reviews/${review.id}/history`, {
        headers: { authorization: `Bearer ${review.tokens.editor}` },
      });
      const idx = (await res.json()) as { authors: { label: string }[] };
      expect(idx.authors.map((a) => a.label)).toContain('Responder');
    });
    // An observer has no edit history: the tab is not there.
    await watcher.page.getByTestId('replay-scrubber').waitFor();
    expect(await watcher.page.getByRole('tab', { name: 'How the review was built' }).count()).toBe(0);
    await watcher.page.goto(replayUrl(undefined, review.tokens.editor));
    const stateRequests: string[] = [];
    watcher.page.on('request', (r) => {
      if (r.url().includes('/history/state')) stateRequests.push(new URL(r.url()).search);
    });
    await watcher.page.getByRole('tab', { name: 'How the review was built' }).click();
    const scrubber = watcher.page.getByTestId('history-scrubber');
    const where = watcher.page.getByTestId('history-where');
    await scrubber.waitFor();
    const entries = () => watcher.page.getByTestId('history-entry').allTextContents();
    const late = 'Late note: retry storm from the mobile app';
    // Find the update that added it: step back from the end until it is gone.
    const max = Number(await scrubber.getAttribute('max'));
    let i = max;
    await eventually(async () => expect((await entries()).join('|')).toContain(late));
    // The latest update is shown from the page's own synced copy: only its own change was fetched.
    expect(stateRequests.filter((q) => q.includes('nearest'))).toEqual([]);
    // The page asks for the moment where the scrubber stops (after a short debounce): wait until it shows it.
    const stopAt = async (value: number): Promise<string> => {
      await scrubber.fill(String(value));
      return eventually(async () => {
        const seq = /^update (\d+) of/.exec((await scrubber.getAttribute('aria-valuetext')) ?? '')?.[1];
        expect(seq).toBeDefined();
        expect(await where.getAttribute('data-shown-seq')).toBe(seq);
        return (await entries()).join('|');
      });
    };
    for (; i >= 0; i--) if (!(await stopAt(i)).includes(late)) break;
    expect(i).toBeGreaterThanOrEqual(0);
    expect((await entries()).join('|')).not.toContain(late);
    expect(await entries()).toHaveLength(4);
    // Early on, then forward to just before the late note, then early again: the second visit is read
    // from the history the page now holds, as of that moment, and shows what the first visit showed.
    const early = Number(await scrubber.getAttribute('min')) + 1;
    // (The line says how long the stop took: not part of what it shows.)
    const shown = async (value: number) => ({
      entries: await stopAt(value),
      where: (await where.textContent())?.replace(/ · \d+ ms$/, ''),
    });
    const first = await shown(early);
    expect(await stopAt(i)).not.toContain(late);
    expect(await shown(early)).toEqual(first);
    expect(await stopAt(i + 1)).toContain(late);
    expect(await watcher.page.getByTestId('history-where').textContent()).toContain('by Responder');
    expect(await watcher.page.locator('.is-added').textContent()).toContain('added by Responder');
    await screenshot(watcher.page, 'replay-history');
    // At the latest update, the history follows the review: a new entry shows, as a new latest update.
    await scrubber.fill(String(max));
    await eventually(async () => {
      const seq = /^update (\d+) of/.exec((await scrubber.getAttribute('aria-valuetext')) ?? '')?.[1];
      expect(await where.getAttribute('data-shown-seq')).toBe(seq);
    });
    const later = 'Follow-up: rate limit on the mobile client';
    await addEntry(editor.page, '14:20', later);
    await eventually(async () => {
      expect(Number(await scrubber.getAttribute('max'))).toBeGreaterThan(max);
      expect((await entries()).join('|')).toContain(later);
      expect(await where.textContent()).toContain('by Responder');
    }, 15_000);
    await screenshot(watcher.page, 'replay-history-follows');
    expect(watcher.errors).toEqual([]);
  });

  it('an entry written while the history index was on its way is shown only under a later update', async () => {
    // The first index read after the tab opens is held until the entry below reached the page's live copy.
    let heldLatest = -1;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    await watcher.page.getByRole('tab', { name: 'Incident replay' }).click();
    await watcher.page.getByTestId('replay-scrubber').waitFor();
    const indexUrl = (url: URL): boolean => url.pathname.endsWith('/history');
    await watcher.page.route(indexUrl, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (!held) {
        held = true;
        heldLatest = (JSON.parse(body) as { latestSeq: number }).latestSeq;
        await released;
      }
      await route.fulfill({ response, body });
    });
    await watcher.page.getByRole('tab', { name: 'How the review was built' }).click();
    await eventually(async () => expect(heldLatest).toBeGreaterThan(0));
    const race = 'Written while the index was on its way';
    await addEntry(editor.page, '14:26', race);
    // Stored, then relayed to the watcher's live copy: only then does the old index go through.
    await eventually(async () => {
      const res = await server.fetch(`/api/reviews/${review.id}/history`, {
        headers: { authorization: `Bearer ${review.tokens.editor}` },
      });
      expect(((await res.json()) as { latestSeq: number }).latestSeq).toBeGreaterThan(heldLatest);
    });
    // The watcher's IndexedDB copy is written in the same 'update' event that changes its live copy:
    // once the copy holds the entry, the live copy did before it.
    await eventually(async () => {
      const copy = new Y.Doc();
      for (const u of await cachedUpdates(watcher.page, review.id)) Y.applyUpdate(copy, Buffer.from(u, 'base64'));
      expect(readTimeline(copy).map((e) => e.summary)).toContain(race);
    }, 15_000);
    release();
    const scrubber = watcher.page.getByTestId('history-scrubber');
    const where = watcher.page.getByTestId('history-where');
    // It shows up, and only under an update past the held index's latest.
    await eventually(async () => {
      const label = (await scrubber.getAttribute('aria-valuetext')) ?? '';
      const entries = (await watcher.page.getByTestId('history-entry').allTextContents()).join('|');
      const shown = Number(/^update (\d+) of (\d+)/.exec(label)?.[1]);
      if (entries.includes(race)) expect(shown).toBeGreaterThan(heldLatest);
      expect(entries).toContain(race);
      expect(await where.getAttribute('data-shown-seq')).toBe(String(shown));
    }, 15_000);
    await watcher.page.unroute(indexUrl);
    expect(watcher.errors).toEqual([]);
  });
});
