// Two people on one review in real Chromium: same-minute entries and concurrent typing in one entry's notes converge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson, startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, readTimeline, screenshot } from './helpers/review.ts';

describe('two people editing the timeline at once', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let ana: Person;
  let ben: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout errors after the 14:00 deploy', {
      severity: 'SEV2',
      startedAt: Date.UTC(2026, 10, 28, 13, 0),
    });
    [ana, ben] = await Promise.all([newPerson(), newPerson()]);
    await joinReview(ana, review.links.facilitator, 'Ana Lopez');
    await joinReview(ben, review.links.editor, 'Ben Okafor');
  });

  afterAll(async () => {
    await Promise.all([ana?.close(), ben?.close()]);
    await server?.stop();
  });

  it('shows both people to each other with their roles', async () => {
    await eventually(async () => expect(await ana.page.getByTestId('person').allTextContents()).toHaveLength(2));
    const seenByAna = (await ana.page.getByTestId('person').allTextContents()).join(' | ');
    expect(seenByAna).toContain('Ben Okafor');
    expect(seenByAna).toContain('editor');
    const seenByBen = (await ben.page.getByTestId('person').allTextContents()).join(' | ');
    expect(seenByBen).toContain('Ana Lopez');
    expect(seenByBen).toContain('facilitator');
  });

  it('both add entries at the same minute and end with identical timelines', async () => {
    await Promise.all([
      (async () => {
        await addEntry(ana.page, '14:32', 'Error rate alert fired (Ana)');
        await addEntry(ana.page, '+3m', 'Ana rolled back deploy 4812');
      })(),
      (async () => {
        await addEntry(ben.page, '14:32', 'Checkout p99 latency page (Ben)');
        await addEntry(ben.page, '2:33pm', 'Ben opened the incident channel');
      })(),
    ]);
    const expected = await eventually(async () => {
      const a = await readTimeline(ana.page);
      const b = await readTimeline(ben.page);
      expect(a).toHaveLength(4);
      expect(b).toEqual(a);
      return a;
    });
    expect(expected.map((r) => r.time)).toEqual(['14:32', '14:32', '14:33', '14:35']);
    const exported = (await exportJson(server, review.id, review.tokens.observer)) as {
      timeline: { summary: string }[];
    };
    expect(exported.timeline.map((e) => e.summary)).toEqual(expected.map((r) => r.summary));
  });

  it('both type into the same entry’s notes at once; nothing is lost and both see the same text', async () => {
    const notes = (p: Person) => p.page.locator('[data-entry-id]').first().locator('.tl-notes');
    await notes(ana).click();
    await notes(ben).click();
    const anaText = 'Alert routed to the old rota. ';
    const benText = 'Pager app was muted overnight. ';
    await Promise.all([ana.page.keyboard.type(anaText, { delay: 15 }), ben.page.keyboard.type(benText, { delay: 15 })]);
    // Ana sees that Ben is editing this row, and his caret.
    await ana.page.getByTestId('row-editor').getByText('Ben Okafor').waitFor();
    const final = await eventually(async () => {
      const a = (await readTimeline(ana.page))[0]!.notes;
      const b = (await readTimeline(ben.page))[0]!.notes;
      expect(b).toBe(a);
      expect(a.length).toBe(anaText.length + benText.length);
      return a;
    });
    expect([...final].sort().join('')).toBe([...(anaText + benText)].sort().join(''));
    await screenshot(ana.page, 'timeline-two-people');
    await screenshot(ben.page, 'timeline-notes-editing');
    const exported = (await exportJson(server, review.id, review.tokens.observer)) as { timeline: { notes: string }[] };
    // Each person's editor may have started its own paragraph in the empty notes: the export joins them with newlines.
    expect(exported.timeline[0]!.notes.replace(/\n/g, '')).toBe(final);
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });
});
