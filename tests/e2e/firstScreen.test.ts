// Opening a big review: while its document is on the way, the page shows the server's first screen of the
// timeline, read-only, and then the live rows take its place. The server's answers over the sync socket are
// held back by the test (as a slow network would), so what the page shows meanwhile is what it shows
// whenever the document takes longer than the first screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry as addDocEntry, defaultContext, readTimeline as readDocTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { minimalEntry, writeRaw } from '../helpers/rawRecords.ts';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { holdableSync } from './helpers/meeting.ts';
import { eventually, readTimeline, screenshot, waitForConnection } from './helpers/review.ts';

const ENTRIES = 400;
const T0 = Date.UTC(2026, 10, 27, 6, 0);
const MIN = 60_000;

describe('the first screen of a big review', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let person: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Queue backlog', { startedAt: T0 });
    // The earliest entry is one another client wrote with only the SPEC's fields.
    await writeRaw(server, review.id, review.tokens.editor, (doc) =>
      doc.getMap('timeline').set('min-1', minimalEntry('min-1', T0, 'Pager fired for queue depth')),
    );
    const seeder = connect(server, review.id, review.tokens.editor);
    await synced(seeder);
    const ctx = defaultContext('Seeder');
    seeder.doc.transact(() => {
      for (let i = 1; i < ENTRIES; i++)
        addDocEntry(seeder.doc, { at: T0 + i * MIN, summary: `Log line ${i}: queue depth rising` }, ctx);
    });
    await waitFor(() => readDocTimeline(seeder.doc).length === ENTRIES, 'the seeder to hold every entry');
    const check = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readDocTimeline(check.doc).length === ENTRIES, 'the server to hold every entry', 60_000);
    check.destroy();
    seeder.destroy();
    person = await newPerson();
    await person.context.addInitScript(() => localStorage.setItem('hindsight:name', 'Late Responder'));
  });

  afterAll(async () => {
    await person?.close();
    await server?.stop();
  });

  it('shows the first rows read-only while the document is on its way, then the live rows in their place', async () => {
    const sync = await holdableSync(person.context);
    sync.hold(true);
    await person.page.goto(review.links.editor);
    const first = person.page.getByTestId('first-screen');
    await first.locator('[data-first-screen-entry]').first().waitFor({ timeout: 30_000 });
    await screenshot(person.page, 'first-screen-while-loading');
    const shown = await first.locator('[data-first-screen-entry]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: (row as HTMLElement).dataset.firstScreenEntry,
        summary: row.querySelector('[role="cell"]:nth-child(4) .tl-static')?.textContent ?? '',
      })),
    );
    // The timeline's first entries in time order, the minimal one first: as many as fit the window (of 40).
    const fits = Math.min(40, Math.ceil((await person.page.evaluate(() => innerHeight)) / 40));
    expect(fits).toBeGreaterThan(10);
    expect(shown).toHaveLength(fits);
    expect(shown[0]).toEqual({ id: 'min-1', summary: 'Pager fired for queue depth' });
    expect(shown.slice(1, 4).map((r) => r.summary)).toEqual([
      'Log line 1: queue depth rising',
      'Log line 2: queue depth rising',
      'Log line 3: queue depth rising',
    ]);
    // Read-only: nothing to type into or press, and it says so; no live row yet; the title and count are there.
    expect(await first.locator('input, textarea, select, button, [contenteditable="true"]').count()).toBe(0);
    await expect
      .poll(() => first.getByRole('status').textContent())
      .toContain(`Loading the live timeline of ${ENTRIES} entries: these first rows are read-only`);
    expect(await person.page.locator('[data-entry-id]').count()).toBe(0);
    // The incident's start is marked on its row, as on the live one.
    expect(await first.locator('[data-first-screen-entry="min-1"] [data-testid="marker-badge"]').textContent()).toBe(
      'Started',
    );
    expect(await person.page.getByRole('heading', { level: 1 }).textContent()).toBe('Queue backlog');
    expect(await person.page.getByRole('search').textContent()).toContain(`${ENTRIES} entries`);

    // The timeline's filters apply to it too.
    const kind = person.page.getByRole('search').getByLabel('Kind');
    await kind.selectOption('alert');
    await expect.poll(() => first.locator('[data-first-screen-entry]').count()).toBe(0);
    await kind.selectOption('');
    await expect.poll(() => first.locator('[data-first-screen-entry]').count()).toBe(fits);

    sync.hold(false);
    await waitForConnection(person.page, 'Live', 60_000);
    await person.page.locator('[data-entry-id="min-1"]').waitFor({ timeout: 30_000 });
    expect(await first.count()).toBe(0);
    const live = await readTimeline(person.page);
    expect(live[0]!.summary).toBe('Pager fired for queue depth');
    expect(live.slice(1, 4).map((r) => r.summary)).toEqual(shown.slice(1, 4).map((r) => r.summary));
    await screenshot(person.page, 'first-screen-replaced-by-live-rows');
    // The live rows are the editable ones: a keystroke in the first row's summary reaches the server.
    await person.page.locator('[data-entry-id="min-1"] [data-field="summary"]').click();
    await person.page.keyboard.press('End');
    await person.page.keyboard.type(' (again)');
    const watcher = connect(server, review.id, review.tokens.observer);
    await eventually(async () =>
      expect(readDocTimeline(watcher.doc)[0]!.summary).toBe('Pager fired for queue depth (again)'),
    );
    watcher.destroy();
    expect(person.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  });

  it('after a restart, the first visitor gets the first screen the server stored when it stopped', async () => {
    expect(await server.stop()).toBe(0);
    server = await startServer({ withClient: true, dataDir: server.dataDir });
    const visitor = await newPerson();
    try {
      await visitor.context.addInitScript(() => localStorage.setItem('hindsight:name', 'Next Morning'));
      const sync = await holdableSync(visitor.context);
      sync.hold(true);
      // The same link on the restarted server (a new port).
      await visitor.page.goto(review.links.editor.replace(/^http:\/\/[^/]+/, server.origin));
      const first = visitor.page.getByTestId('first-screen');
      await first.locator('[data-first-screen-entry]').first().waitFor({ timeout: 30_000 });
      await screenshot(visitor.page, 'first-screen-after-restart');
      // The edit made before the stop is in it: what the stop stored, not an older copy.
      expect(await first.locator('[data-first-screen-entry="min-1"]').textContent()).toContain(
        'Pager fired for queue depth (again)',
      );
      expect(await visitor.page.locator('[data-entry-id]').count()).toBe(0);
      sync.hold(false);
      await visitor.page.locator('[data-entry-id="min-1"]').waitFor({ timeout: 30_000 });
      expect(await first.count()).toBe(0);
      expect(visitor.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
