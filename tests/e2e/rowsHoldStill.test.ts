// A timeline row holds still while someone edits it: changing its time re-sorts nothing under the cursor
// (others see the new order at once); once focus leaves the list the row settles into place, scrolled to
// and marked, so the person sees where it went.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, readTimeline, screenshot } from './helpers/review.ts';
import { rowOf, seedReview } from './helpers/meeting.ts';

// 14:00 in Europe/Berlin, the browsers' zone.
const T0 = Date.UTC(2026, 10, 28, 13, 0);
const MIN = 60_000;
const summaries = (rows: { summary: string }[]) => rows.map((r) => r.summary);

describe('timeline rows hold still while edited', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let fran: Person;
  let sam: Person;
  let first = '';

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Card reader outage', { startedAt: T0 });
    await seedReview(server, review.id, review.tokens.facilitator, (add) => {
      first = add.entry(T0, 'Readers stop authorising');
      add.entry(T0 + 10 * MIN, 'Support sees the first tickets');
      add.entry(T0 + 20 * MIN, 'On-call pages the payments team');
    });
    [fran, sam] = await Promise.all([newPerson({ width: 1366 }), newPerson({ width: 1366 })]);
    await joinReview(fran, review.links.facilitator, 'Fran Okafor');
    await joinReview(sam, review.links.editor, 'Sam Reyes');
  });

  afterAll(async () => {
    await Promise.all([fran?.close(), sam?.close()]);
    await server?.stop();
  });

  it('a row whose time changes stays under the cursor, then settles into place once focus leaves', async () => {
    const time = rowOf(fran.page, first).locator('[data-field="time"]');
    await time.click();
    await time.fill('14:25');
    await time.press('Enter');
    // Sam (not editing) sees the new order: the change is in the document.
    await eventually(async () =>
      expect(summaries(await readTimeline(sam.page))).toEqual([
        'Support sees the first tickets',
        'On-call pages the payments team',
        'Readers stop authorising',
      ]),
    );
    // Fran's cursor moved on to the same row's summary, which is still first, with its new time.
    await eventually(async () => expect((await readTimeline(fran.page))[0]).toMatchObject({ time: '14:25' }));
    expect(summaries(await readTimeline(fran.page))[0]).toBe('Readers stop authorising');
    expect(
      await rowOf(fran.page, first)
        .locator('[data-field="summary"]')
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await fran.page.keyboard.type(' (all of them)');
    expect(summaries(await readTimeline(fran.page))[0]).toBe('Readers stop authorising (all of them)');
    await screenshot(fran.page, 'rows-hold-still-editing');

    // Focus leaves the timeline: the row settles after the 14:20 entry, marked.
    await fran.page.getByTestId('composer-summary').focus();
    await eventually(async () =>
      expect(summaries(await readTimeline(fran.page))).toEqual([
        'Support sees the first tickets',
        'On-call pages the payments team',
        'Readers stop authorising (all of them)',
      ]),
    );
    await eventually(async () => expect(await rowOf(fran.page, first).getAttribute('class')).toContain('is-target'));
    await screenshot(fran.page, 'rows-hold-still-settled');
  });
});
