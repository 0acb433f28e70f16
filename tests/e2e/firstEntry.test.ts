// The first entry without detours: the review is usable behind the name banner and beside the invite
// panel, and a writer can type before giving a name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, readTimeline, screenshot, waitForConnection } from './helpers/review.ts';

describe('first entry', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let sam: Person;
  let fran: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Login failures in EU');
    [sam, fran] = await Promise.all([newPerson({ width: 1366 }), newPerson({ width: 1366 })]);
  });

  afterAll(async () => {
    await Promise.all([sam?.close(), fran?.close()]);
    await server?.stop();
  });

  it('an editor sees the review behind a name banner and can add an entry before naming themself', async () => {
    const { page } = sam;
    await page.goto(review.links.editor);
    await waitForConnection(page, 'Live');
    await page.getByTestId('name-banner').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Login failures in EU' }).waitFor();
    await addEntry(page, '10:02', 'Login error rate alert');
    await eventually(async () =>
      expect((await readTimeline(page)).map((r) => r.summary)).toEqual(['Login error rate alert']),
    );
    await page.getByLabel('Display name').fill('Sam (on-call)');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByTestId('name-banner').count()).toBe(0);
    // The same session carries on (no reload): the entry is still there and the connection live.
    await waitForConnection(page, 'Live');
    expect((await readTimeline(page)).length).toBe(1);
  });

  it('after creating a review, the invite panel leaves the entry box usable', async () => {
    const { page } = fran;
    await page.goto(`${server.origin}/`);
    await page.getByLabel('Incident title').fill('Checkout 500s');
    await page.getByRole('button', { name: 'Create review' }).click();
    await page.getByRole('dialog', { name: 'Invite people to this review' }).waitFor();
    await page.getByLabel('Display name').fill('Fran (facilitator)');
    await page.getByLabel('Display name').press('Enter');
    await addEntry(page, '11:15', 'Checkout 500s reported by support');
    await eventually(async () =>
      expect((await readTimeline(page)).map((r) => r.summary)).toEqual(['Checkout 500s reported by support']),
    );
    await screenshot(page, 'first-entry-invite-panel');
    await page
      .getByRole('dialog', { name: 'Invite people to this review' })
      .getByRole('button', { name: 'Done' })
      .click();
  });
});
