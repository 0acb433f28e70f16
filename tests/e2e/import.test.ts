// Import and live ingest in real Chromium: paste a table, pick rows, add them, and a second browser sees the
// entries in order with their sources; alerts posted to the ingest endpoint appear for both; the window banner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, readTimeline, screenshot } from './helpers/review.ts';

const TABLE = [
  'Time\tWhat happened\tNotes\tKind',
  '14:02\tDeploy 4812 rolls out to checkout\tCanary skipped\tdeploy',
  '14:05\tCheckoutErrorRate fires\tPaged the old rota\talert',
  '14:06\tSynthetic check flaps\tNoise\talert',
  '16:07\tBen acknowledges the page\tPager app was muted\taction',
  '16:15\tRollback of 4812 complete\t\taction',
].join('\n');

const sources = (p: Person): Promise<string[]> => p.page.getByTestId('entry-source').allTextContents();

describe('importing evidence into the timeline', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let ana: Person;
  let ben: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout errors after deploy 4812', {
      startedAt: Date.UTC(2026, 10, 28, 13, 0),
      collectionEndsAt: Date.now() + 2 * 3_600_000,
    });
    [ana, ben] = await Promise.all([newPerson(), newPerson()]);
    await joinReview(ana, review.links.facilitator, 'Ana Lopez');
    await joinReview(ben, review.links.editor, 'Ben Okafor');
  });

  afterAll(async () => {
    await Promise.all([ana?.close(), ben?.close()]);
    await server?.stop();
  });

  it('shows the collection banner in the last hours, with the facilitator’s extend buttons', async () => {
    await ana.page.getByText('left to collect').waitFor();
    expect(await ana.page.getByRole('button', { name: 'Extend by 3 h' }).count()).toBe(1);
    await ben.page.getByText('left to collect').waitFor();
    expect(await ben.page.getByRole('button', { name: 'Extend by 3 h' }).count()).toBe(0);
  });

  it('pastes a table, leaves one row out, adds the rest; the other browser sees them in order with sources', async () => {
    const { page } = ana;
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-paste').fill(TABLE);
    expect(await page.getByLabel('What it is').inputValue()).toBe('table');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-row').count()).toBe(5);
    await page.getByLabel('Filter rows').fill('flaps');
    await page.getByRole('checkbox', { name: /Synthetic check flaps/ }).uncheck();
    await page.getByLabel('Filter rows').fill('');
    await screenshot(page, 'import-preview');
    await page.getByRole('button', { name: 'Add 4 entries' }).click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();

    const expected = [
      'Deploy 4812 rolls out to checkout',
      'CheckoutErrorRate fires',
      'Ben acknowledges the page',
      'Rollback of 4812 complete',
    ];
    const rows = await eventually(async () => {
      const seen = await readTimeline(ben.page);
      expect(seen.map((r) => r.summary)).toEqual(expected);
      return seen;
    });
    // The review's zone is UTC; Ben's browser shows Berlin time (UTC+1 in November).
    expect(rows.map((r) => r.time)).toEqual(['15:02', '15:05', '17:07', '17:15']);
    expect(await sources(ben)).toEqual([
      'imported · row 2',
      'imported · row 3',
      'imported · row 5',
      'imported · row 6',
    ]);
    await screenshot(ben.page, 'import-seen-by-second-browser');
  });

  it('importing the same table again adds nothing and greys what is already in', async () => {
    const { page } = ana;
    await page.getByRole('button', { name: 'Import…' }).click();
    await page.getByTestId('import-paste').fill(TABLE);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.locator('tr.is-present').count()).toBe(4);
    await page.getByRole('button', { name: 'Add 1 entry' }).waitFor();
    await screenshot(page, 'import-reimport-greyed');
    await page.keyboard.press('Escape');
  });

  it('an ingest link from the settings posts alerts that both browsers see live', async () => {
    const { page } = ana;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Create an ingest link' }).click();
    const url = await page.getByTestId('ingest-url').inputValue();
    const token = await page.getByTestId('ingest-token').inputValue();
    expect(url).toBe(`${server.origin}/api/reviews/${review.id}/ingest/alertmanager`);
    await screenshot(page, 'ingest-settings');
    await page.getByRole('button', { name: 'Done' }).click();

    const res = await fetch(url.replace(/alertmanager$/, 'alerts'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        alerts: [
          { id: 'db-1', at: '2026-11-28T14:04:00Z', title: 'OrdersDBConnectionsHigh', severity: 'critical' },
          { id: 'db-1', at: '2026-11-28T15:20:00Z', title: 'OrdersDBConnectionsHigh', status: 'resolved' },
        ],
      }),
    });
    expect(res.status).toBe(200);
    for (const p of [ana, ben]) {
      await eventually(async () => {
        const summaries = (await readTimeline(p.page)).map((r) => r.summary);
        expect(summaries).toHaveLength(6);
        expect(summaries[1]).toContain('OrdersDBConnectionsHigh');
      });
    }
    // The first page (14:04 UTC) went unanswered until Ben acknowledged at 16:07: flagged at both ends.
    const flags = await eventually(async () => {
      const seen = await ben.page.getByTestId('delay-flag').allTextContents();
      expect(seen).toHaveLength(2);
      return seen;
    });
    expect(flags.join(' | ')).toBe(
      'Delay 2 h 03 min until the first response | Delay First response 2 h 03 min after the alert at 15:04',
    );
    await screenshot(ben.page, 'ingest-alerts-and-delay');
  });
});
