// An observer link in Chromium: sees every change live, and the page offers no way to edit anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, readTimeline, screenshot, waitForConnection } from './helpers/review.ts';

/** Controls that would change the document (view filters and tabs are fine). */
const EDITING = [
  '[data-field="time"]',
  '[data-field="summary"]',
  '[data-field="tags"]',
  '[contenteditable="true"]',
  'textarea',
  'input.why-text',
  '[data-testid="composer-summary"]',
  'button[aria-label^="Delete"]',
  'button[aria-label^="Star"]',
].join(', ');

describe('observer link', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let editor: Person;
  let observer: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Payments webhook backlog');
    [editor, observer] = await Promise.all([newPerson(), newPerson()]);
    await joinReview(editor, review.links.editor, 'Chen Wu');
    // The observer link opens the live review, read-only.
    expect(review.observerLink).toContain(`/r/${review.id}#t=`);
    // Observers are never asked for a name: the review opens live at once.
    await observer.page.goto(review.observerLink);
    await waitForConnection(observer.page, 'Live');
  });

  afterAll(async () => {
    await Promise.all([editor?.close(), observer?.close()]);
    await server?.stop();
  });

  it('sees entries and typing appear live', async () => {
    await addEntry(editor.page, '09:41', 'Webhook queue depth alert');
    await eventually(async () =>
      expect((await readTimeline(observer.page))[0]?.summary).toBe('Webhook queue depth alert'),
    );
    const summary = editor.page.locator('[data-entry-id] [data-field="summary"]').first();
    await summary.click();
    await summary.press('End');
    await editor.page.keyboard.type(' (p1)');
    await eventually(async () =>
      expect((await readTimeline(observer.page))[0]?.summary).toBe('Webhook queue depth alert (p1)'),
    );
    await editor.page.locator('[data-entry-id] .tl-notes').first().click();
    await editor.page.keyboard.type('Consumer pods were OOM-killed');
    await eventually(async () =>
      expect((await readTimeline(observer.page))[0]?.notes).toBe('Consumer pods were OOM-killed'),
    );
  });

  it('has no editing affordance in any view', async () => {
    const page = observer.page;
    await page.getByText('Read-only (observer)').waitFor();
    expect(await page.locator(EDITING).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add entry' }).count()).toBe(0);
    await screenshot(page, 'observer-timeline');
    await page.locator('[data-entry-id] .tl-notes').first().click();
    expect(await page.locator('[contenteditable="true"]').count()).toBe(0);
    for (const [tab, view, button] of [
      ['Whys', 'whys', 'Add a why'],
      ['Actions', 'actions', 'Add action'],
      ['Human factors', 'human-factors', 'Add question'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      // The positive signal: the lazily loaded view itself has rendered (not the "Loading…" fallback).
      await page.getByRole('tabpanel').getByTestId(view).waitFor();
      expect(await page.getByRole('button', { name: button }).count()).toBe(0);
      expect(await page.locator(EDITING).count()).toBe(0);
      expect(await page.locator('main select, main input:not([type="checkbox"])').count()).toBe(0);
    }
    await screenshot(page, 'observer-human-factors');
    expect(observer.errors).toEqual([]);
  });
});
