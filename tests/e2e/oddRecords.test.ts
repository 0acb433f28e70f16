// Records written by other clients, exactly as SPEC §3.4 allows or worse, in Chromium: each
// row shows what it can and the page keeps working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, readTimeline, screenshot } from './helpers/review.ts';
import { rowOf } from './helpers/meeting.ts';
import { minimalEntry, writeRaw } from '../helpers/rawRecords.ts';

const T0 = Date.UTC(2026, 10, 28, 13, 0);
const MIN = 60_000;

describe('records other clients wrote', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let ana: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Odd records', { startedAt: T0 });
    await writeRaw(server, review.id, review.tokens.editor, (doc) => {
      const timeline = doc.getMap('timeline');
      timeline.set('min-1', minimalEntry('min-1', T0 + MIN, 'DB failover started'));
      timeline.set('odd-kind', minimalEntry('odd-kind', T0 + 2 * MIN, 'Pager rotated', 'handover'));
    });
    ana = await newPerson();
  });

  afterAll(async () => {
    await ana?.close();
    await server?.stop();
  });

  it('a minimal entry and an unknown-kind entry render, and the page keeps working', async () => {
    await joinReview(ana, review.links.editor, 'Ana Lima');
    await rowOf(ana.page, 'min-1').waitFor();
    await rowOf(ana.page, 'odd-kind').waitFor();
    const rows = await readTimeline(ana.page);
    expect(rows.map((r) => r.summary)).toEqual(['DB failover started', 'Pager rotated']);
    // The unknown kind is shown as such.
    expect(await rowOf(ana.page, 'odd-kind').getByTestId('unknown-kind').textContent()).toContain('handover');
    await screenshot(ana.page, 'odd-records-minimal-entry');
    // Notes on a minimal entry: typing creates them.
    await rowOf(ana.page, 'min-1').locator('[data-field="notes"]').click();
    await ana.page.keyboard.type('Replica promoted by hand');
    await rowOf(ana.page, 'min-1').locator('[data-cell="summary"]').click();
    await eventually(async () => {
      const row = (await readTimeline(ana.page)).find((r) => r.summary === 'DB failover started');
      expect(row?.notes).toBe('Replica promoted by hand');
    });
    // The page still works: a new entry through the composer.
    await addEntry(ana.page, '13:05', 'Traffic drained from eu-west');
    await eventually(async () =>
      expect((await readTimeline(ana.page)).map((r) => r.summary)).toContain('Traffic drained from eu-west'),
    );
    expect(ana.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  });

  it('a review of 5,000 minimal entries opens and shows its first rows', async () => {
    const big = await server.createReview('Five thousand minimal entries', { startedAt: T0 });
    await writeRaw(server, big.id, big.tokens.editor, (doc) => {
      const timeline = doc.getMap('timeline');
      for (let i = 0; i < 5000; i++) {
        const id = `e${String(i).padStart(4, '0')}`;
        timeline.set(id, minimalEntry(id, T0 + i * 1000, `Log line ${i}`));
      }
    });
    const bo = await newPerson();
    try {
      await joinReview(bo, big.links.editor, 'Bo Chen');
      await rowOf(bo.page, 'e0000').waitFor({ timeout: 60_000 });
      expect(await rowOf(bo.page, 'e0000').locator('[data-cell="summary"]').inputValue()).toBe('Log line 0');
      expect(bo.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
    } finally {
      await bo.close();
    }
  });
});
