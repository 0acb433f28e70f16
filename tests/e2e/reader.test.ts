// A reader link in Chromium: before publication the page says only that the review is being written;
// after, the anonymised report and the replay of the published timeline, with no real name anywhere on the
// page, no way into the live review and no edit history. The reader's browser never opens the sync socket.
// Also the facilitator's share dialog, which says who each link is for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAction, addEntry as addEntryOp, defaultContext, deleteEntry } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, screenshot } from './helpers/review.ts';

const T0 = Date.UTC(2026, 10, 3, 21, 4);
const MIN = 60_000;
const REAL_NAMES = /Priya|Natarajan|Fay|Okafor|Marco|Rossi/i;

/** Everything a person can read on the page, the report frame's text included. */
async function pageText(page: Page): Promise<string> {
  const frames = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '')));
  return [await page.title(), ...frames].join('\n');
}

describe('reader link (the published review)', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let reader: Person;
  const sockets: string[] = [];

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout outage after Priya Natarajan’s failover', {
      startedAt: T0,
      facilitatorName: 'Fay Okafor',
    });
    const client = connect(server, review.id, review.tokens.editor);
    await synced(client);
    const ctx = defaultContext('Priya Natarajan');
    addEntryOp(client.doc, { at: T0 + 2 * MIN, summary: 'Checkout error rate alert fired', kind: 'alert' }, ctx);
    addEntryOp(client.doc, { at: T0 + 9 * MIN, summary: 'Priya Natarajan failed over the primary database' }, ctx);
    addEntryOp(client.doc, { at: T0 + 30 * MIN, summary: 'Marco Rossi confirmed checkout recovered' }, ctx);
    addAction(client.doc, { title: 'Alert on replica lag before failover', owner: 'Priya Natarajan' }, ctx);
    // A password pasted into the notes and deleted again: gone from the review, still in the edit history.
    const pasted = addEntryOp(client.doc, { at: T0 + 31 * MIN, summary: 'DB_PASSWORD=Tr0ub4dor-3-leaked' }, ctx);
    const check = connect(server, review.id, review.tokens.observer);
    await waitFor(() => check.doc.getMap('timeline').size === 4, 'the seeded entries to be stored');
    deleteEntry(client.doc, pasted, ctx);
    await waitFor(() => check.doc.getMap('timeline').size === 3, 'the pasted password to be deleted');
    check.destroy();
    client.destroy();
    reader = await newPerson();
    reader.page.on('websocket', (ws) => sockets.push(ws.url()));
  });

  afterAll(async () => {
    await reader?.close();
    await server?.stop();
  });

  it('before publication: the review is being written, since when, and nothing of it', async () => {
    expect(review.links.reader).toContain(`/read/${review.id}#t=`);
    await reader.page.goto(review.links.reader);
    const card = reader.page.getByTestId('review-in-progress');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/This review is being written.*It was started/);
    const text = await pageText(reader.page);
    expect(text).not.toMatch(REAL_NAMES);
    expect(text).not.toMatch(/Checkout|failover|failed over|replica/i);
    await screenshot(reader.page, 'reader-before-publication');
  });

  it('after publication: the anonymised report and replay, no real name, no live review, no history', async () => {
    const res = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(res.status).toBe(200);
    await reader.page.getByRole('button', { name: 'Check again' }).click();
    const frame = reader.page.frameLocator('[data-testid="report-frame"]');
    await frame.getByText('failed over the primary database').first().waitFor({ timeout: 20_000 });
    expect(await reader.page.getByTestId('published-version').textContent()).toMatch(/Version 1, published/);
    expect(await pageText(reader.page)).not.toMatch(REAL_NAMES);
    expect(await reader.page.getByText('Open the review').count()).toBe(0);
    expect(await reader.page.getByRole('tab', { name: 'How the review was built' }).count()).toBe(0);
    await screenshot(reader.page, 'reader-published-report');

    await reader.page.getByRole('tab', { name: 'Incident replay' }).click();
    await reader.page.getByTestId('replay-scrubber').waitFor();
    // Play to the end: every published entry, anonymised.
    await reader.page.getByRole('radio', { name: '600×' }).check({ force: true });
    await reader.page.getByTestId('replay-play').click();
    await eventually(async () => expect(await reader.page.getByTestId('replay-entry').count()).toBe(3), 20_000);
    const shown = (await reader.page.getByTestId('replay-entry').allTextContents()).join('\n');
    expect(shown).toContain('failed over the primary database');
    expect(shown).toContain('confirmed checkout recovered');
    expect(await pageText(reader.page)).not.toMatch(REAL_NAMES);
    await screenshot(reader.page, 'reader-published-replay');

    // The reader's browser never opened the live review's socket, and saw no error.
    expect(sockets).toEqual([]);
    expect(reader.errors).toEqual([]);
  });

  it('the share dialog says who each link is for; an observer link can be minted and revoked', async () => {
    const facilitator = await newPerson();
    try {
      await joinReview(facilitator, review.links.facilitator, 'Fay Okafor');
      const page = facilitator.page;
      await page.getByRole('button', { name: 'Share' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Observers' }).waitFor();
      expect(await dialog.getByTestId('share-editor').textContent()).toMatch(/Responders.*involved/);
      expect(await dialog.getByTestId('share-observer').textContent()).toMatch(/manager in the meeting/);
      expect(await dialog.getByTestId('share-reader').textContent()).toMatch(/published report/);
      // The helper minted one observer link already; mint another and revoke it.
      const observers = dialog.getByTestId('share-observer').getByRole('button', { name: /^Revoke/ });
      await eventually(async () => expect(await observers.count()).toBe(1));
      await dialog.getByRole('button', { name: 'Create a new observer link' }).click();
      const link = await dialog.getByTestId('observer-link').inputValue();
      expect(link).toContain(`/r/${review.id}#t=`);
      await eventually(async () => expect(await observers.count()).toBe(2));
      await screenshot(page, 'share-dialog');
      await observers.first().click();
      await eventually(async () => expect(await observers.count()).toBe(1));
      // The revoked link (the newest) no longer opens anything.
      const token = new URL(link).hash.replace(/^#t=/, '');
      const session = await server.fetch(`/api/reviews/${review.id}/session`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(session.status).toBe(403);
      // The publish panel warns that deleted text in the edit history looks like a secret, masked.
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('tab', { name: 'Report' }).click();
      const warning = page.getByTestId('deleted-secrets');
      await warning.waitFor({ timeout: 20_000 });
      expect(await warning.textContent()).toContain('DB_PASSWORD=Tr••');
      expect(await warning.textContent()).not.toContain('Tr0ub4dor');
      await page.getByRole('button', { name: 'Purge the edit history…' }).click();
      await warning.scrollIntoViewIfNeeded();
      await screenshot(page, 'publish-history-purge');
      expect(facilitator.errors).toEqual([]);
    } finally {
      await facilitator.close();
    }
  });
});
