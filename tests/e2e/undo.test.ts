// Per-person undo in Chromium: a delete shows an undo notice; my Ctrl+Z brings back my deleted entry,
// another person's Ctrl+Z does not, and their change made meanwhile survives mine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, readTimeline } from './helpers/review.ts';
import { seedReview } from './helpers/meeting.ts';

// 14:00 and 14:05 in Berlin (UTC+1 in November).
const T0 = Date.UTC(2026, 10, 28, 13, 0);
const MIN = 60_000;

const summaries = async (page: Page): Promise<string[]> => (await readTimeline(page)).map((r) => r.summary);
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

describe('undo', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let ann: Person;
  let ben: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Search index stale', { startedAt: T0 });
    await seedReview(server, review.id, review.tokens.facilitator, (add) => {
      add.entry(T0, 'Indexer stopped consuming', 'observation');
      add.entry(T0 + 5 * MIN, 'Stale results reported by support', 'observation');
    });
    [ann, ben] = await Promise.all([newPerson(), newPerson()]);
    await joinReview(ann, review.links.editor, 'Ann');
    await joinReview(ben, review.links.editor, 'Ben');
  });

  afterAll(async () => {
    await Promise.all([ann?.close(), ben?.close()]);
    await server?.stop();
  });

  it('deleting shows an undo notice instead of asking, and its Undo brings the entry back', async () => {
    await ann.page.getByRole('button', { name: 'Delete the 14:05 entry' }).click();
    const notice = ann.page.getByTestId('undo-notice');
    await eventually(async () => expect(await notice.textContent()).toContain('Entry deleted'));
    await notice.getByRole('button', { name: 'Undo' }).click();
    await eventually(async () => expect(await summaries(ben.page)).toContain('Stale results reported by support'));
  });

  it("my Ctrl+Z undoes my delete only: another person's Ctrl+Z leaves it, and their entry survives mine", async () => {
    await ann.page.getByRole('button', { name: 'Delete the 14:00 entry' }).click();
    await eventually(async () => expect(await summaries(ben.page)).not.toContain('Indexer stopped consuming'));

    // Ben presses Ctrl+Z, then adds an entry; once Ann sees his entry, any undo of his has reached her too.
    await blur(ben.page);
    await ben.page.keyboard.press('Control+z');
    await addEntry(ben.page, '14:10', 'Reindex started by Ben');
    await eventually(async () => expect(await summaries(ann.page)).toContain('Reindex started by Ben'));
    expect(await summaries(ann.page)).not.toContain('Indexer stopped consuming');
    expect(await summaries(ben.page)).not.toContain('Indexer stopped consuming');

    await blur(ann.page);
    await ann.page.keyboard.press('Control+z');
    for (const page of [ann.page, ben.page]) {
      await eventually(async () =>
        expect(await summaries(page)).toEqual([
          'Indexer stopped consuming',
          'Stale results reported by support',
          'Reindex started by Ben',
        ]),
      );
    }

    // Redo deletes it again.
    await ann.page.keyboard.press('Control+Shift+z');
    await eventually(async () => expect(await summaries(ben.page)).not.toContain('Indexer stopped consuming'));
    expect(await summaries(ben.page)).toContain('Reindex started by Ben');
  });
});
