// Publishing in Chromium: findings while typing, a fix, the anonymised preview, Publish, the reader's report page,
// amendments, the follow-up pages — and participant-typed script that never runs on the report page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addAction, addEntry as addEntryTo, defaultContext, setNarrative } from '@hindsight/doc';
import { connect, synced } from '../helpers/clients.ts';
import { exportJson, startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, screenshot } from './helpers/review.ts';

const XSS_SUMMARY = `<script>window.__xss = 1; alert('xss')</script><img src=x onerror="window.__xss = 2; alert('xss')">`;
const XSS_NOTES = `[click me](javascript:alert('xss')) <a href="javascript:alert('xss')">link</a>`;
const PAGED = 'Paged oncall via alice@example.com, rolled back from 10.1.2.3';
const IMPACT = 'Checkout failed for 18 minutes for about 30% of customers.';

// Each test opens its own review (and its own browser profiles), so any one of them can run alone
// (`-t`) or fail without taking the others along. What a test only needs as a starting point is
// written through a stock client (seed) or the HTTP API (publish), not through another test's UI.
describe('publishing a review', () => {
  let server: RunningServer;
  const people: Person[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startServer({ withClient: true, env: { COMPACT_DEBOUNCE_MS: '200' } });
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.stop();
  });

  async function person(): Promise<Person> {
    const p = await newPerson();
    p.page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    people.push(p);
    return p;
  }

  /** A new review whose document `write` fills through a stock client, stored before this returns. */
  async function seededReview(write: (doc: Y.Doc) => void): Promise<ReviewHandle> {
    const review = await server.createReview('Checkout outage');
    const client = connect(server, review.id, review.tokens.facilitator);
    try {
      await synced(client);
      const before = JSON.stringify(await exportJson(server, review.id, review.tokens.observer));
      write(client.doc);
      await eventually(async () =>
        expect(JSON.stringify(await exportJson(server, review.id, review.tokens.observer))).not.toBe(before),
      );
    } finally {
      client.destroy();
    }
    return review;
  }

  const writeIncident = (doc: Y.Doc): void => {
    const ctx = defaultContext('seed');
    addEntryTo(doc, { at: Date.UTC(2026, 0, 1, 9, 45), summary: XSS_SUMMARY }, ctx);
    addEntryTo(doc, { at: Date.UTC(2026, 0, 1, 9, 50), summary: PAGED }, ctx);
    setNarrative(doc, { section: 'impact', text: IMPACT }, ctx);
  };

  async function publish(review: ReviewHandle): Promise<void> {
    const res = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(res.status).toBe(200);
  }

  it('shows blameless findings while typing, and one disappears once fixed', async () => {
    const review = await server.createReview('Checkout outage');
    const facilitator = await person();
    await joinReview(facilitator, review.links.facilitator, 'Chen Wu');
    const page = facilitator.page;
    await addEntry(page, '09:41', 'Checkout error rate alert fired');
    const summary = page.locator('[data-entry-id] [data-field="summary"]').first();
    await summary.click();
    await summary.press('End');
    await page.keyboard.type('; the engineer forgot to check the dashboard, human error');
    const marker = page.locator('[data-entry-id] [data-testid="lang-marker"]').first();
    await marker.waitFor();
    expect(await marker.getAttribute('aria-label')).toMatch(/2 wording suggestions/);
    // The underline sits in place, and the suggestion shows on keyboard focus.
    expect(await page.locator('[data-entry-id] .lang-mirror .lang-flag').count()).toBe(2);
    await marker.focus();
    const popover = page.getByTestId('lang-popover');
    await popover.waitFor();
    expect(await popover.textContent()).toContain('Try:');
    await screenshot(page, 'publish-findings-while-typing');
    await page.keyboard.press('Escape');
    // Fix one: rewrite "human error" as a description of the system.
    await summary.fill(
      'Checkout error rate alert fired; the engineer forgot to check the dashboard, which had no alert',
    );
    await eventually(async () => expect(await marker.getAttribute('aria-label')).toMatch(/^1 wording suggestion:/));
    // Dismiss the other one, with a reason.
    await marker.click();
    await popover.getByRole('button', { name: 'Dismiss…' }).click();
    await popover.getByLabel(/Why is/).fill('Quoting the responder’s own words from the chat');
    await popover.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await eventually(async () =>
      expect(await page.locator('[data-entry-id] [data-testid="lang-marker"]').count()).toBe(0),
    );
  });

  it('typed payloads stay text: script, javascript: links and event attributes', async () => {
    const review = await server.createReview('Checkout outage');
    const facilitator = await person();
    await joinReview(facilitator, review.links.facilitator, 'Chen Wu');
    const page = facilitator.page;
    await addEntry(page, '09:45', XSS_SUMMARY);
    await page.locator('[data-entry-id] .tl-notes').first().click();
    await page.keyboard.type(XSS_NOTES);
    // Stored exactly as typed, shown as text in the editor, never run.
    await eventually(async () => {
      const stored = JSON.stringify(await exportJson(server, review.id, review.tokens.observer));
      expect(stored).toContain(JSON.stringify(XSS_SUMMARY).slice(1, -1));
      expect(stored).toContain('javascript:alert');
    });
    expect(await page.locator('[data-entry-id] [data-field="summary"]').first().inputValue()).toBe(XSS_SUMMARY);
    const live = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      images: document.querySelectorAll('main img[src="x"]').length,
      scripts: [...document.querySelectorAll('main script')].length,
      jsLinks: document.querySelectorAll('main a[href^="javascript:"]').length,
    }));
    expect(live).toEqual({ xss: undefined, images: 0, scripts: 0, jsLinks: 0 });
    expect(dialogs).toEqual([]);
    expect(facilitator.errors).toEqual([]);
  });

  it('flags low-leverage action items as they are written', async () => {
    const review = await server.createReview('Checkout outage');
    const facilitator = await person();
    await joinReview(facilitator, review.links.facilitator, 'Chen Wu');
    const page = facilitator.page;
    await page.getByRole('tab', { name: 'Actions' }).click();
    await page.getByLabel('New action item').fill('Be more careful when deploying');
    await page.getByLabel('New action item').press('Enter');
    await page.getByTestId('action-warnings').waitFor();
    expect(await page.getByTestId('action-warnings').textContent()).toMatch(/Low leverage/);
    await screenshot(page, 'publish-low-leverage-action');
  });

  it('writes the narrative, previews the anonymised report and publishes', async () => {
    const review = await seededReview((doc) =>
      addEntryTo(doc, { at: Date.UTC(2026, 0, 1, 9, 50), summary: PAGED }, defaultContext('seed')),
    );
    const facilitator = await person();
    await joinReview(facilitator, review.links.facilitator, 'Chen Wu');
    const page = facilitator.page;
    await page.getByRole('tab', { name: 'Report' }).click();
    await page.getByTestId('report-view').waitFor();
    await page.getByTestId('narrative-impact').fill(IMPACT);
    await page
      .getByTestId('narrative-wentWell')
      .fill('The rollback runbook worked on the first try; we paired with Kestrel on it.');
    const checklist = page.getByTestId('checklist');
    await checklist.waitFor();
    await page.getByRole('button', { name: 'Preview anonymised report' }).click();
    const preview = page.getByTestId('anonymised-preview');
    await eventually(async () => expect(await preview.textContent()).toContain('alice@example.com'));
    // A word that may be a name is listed, left in place, until the facilitator decides.
    const suspects = preview.getByTestId('suspects');
    await eventually(async () => expect(await suspects.textContent()).toContain('Kestrel'));
    await suspects.getByRole('button', { name: '“Kestrel” is not a person' }).click();
    await eventually(async () => expect(await suspects.textContent()).not.toContain('Kestrel'));
    expect(await preview.getByRole('list', { name: 'Hidden in the anonymised report' }).textContent()).toContain(
      'Kestrel (not a person)',
    );
    await preview.getByLabel('Name or term').fill('oncall');
    await preview.getByRole('combobox', { name: 'As' }).selectOption('term');
    await preview.getByRole('button', { name: 'Add', exact: true }).click();
    await eventually(async () =>
      expect(await preview.locator('ins', { hasText: '[redacted]' }).count()).toBeGreaterThan(0),
    );
    await preview.getByTestId('report-frame').scrollIntoViewIfNeeded();
    // The frame has drawn the anonymised report (its title and a redaction) before the picture is taken.
    const frame = preview.frameLocator('[data-testid="report-frame"]');
    await frame.getByRole('heading', { name: 'Checkout outage' }).first().waitFor();
    await frame.getByText('[redacted]').first().waitFor();
    // The app's CSP (secureHeaders) lets the sandboxed report frame draw its inline styles: nothing was refused.
    expect(facilitator.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    // The report's own <style> applied (body text 15px, not the browser's 16px default).
    expect(await frame.locator('body').evaluate((b) => getComputedStyle(b).fontSize)).toBe('15px');
    await screenshot(page, 'publish-anonymised-preview');
    const publish = page.getByRole('button', { name: /^Publish/ });
    await publish.click();
    if (await page.getByRole('button', { name: /Publish with/ }).count()) await publish.click();
    await page.getByTestId('publish-result').waitFor();
    expect(await page.getByTestId('publish-result').textContent()).toMatch(/Published version 1/);
    await page.getByTestId('open-report').getByText('Open the report page').waitFor();
    await page.getByRole('button', { name: 'Hide anonymised preview' }).click();
    await screenshot(page, 'publish-published');
  });

  it('a reader opens the published report; nothing typed runs as script', async () => {
    const review = await seededReview(writeIncident);
    await publish(review);
    const reader = await person();
    const page = reader.page;
    const link = `${server.origin}/r/${review.id}/report#t=${review.tokens.observer}`;
    await page.goto(link);
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await frame.getByRole('heading', { name: 'Checkout outage' }).first().waitFor({ timeout: 20_000 });
    const html = await page.getByTestId('report-frame').getAttribute('srcdoc');
    expect(html).toContain('Checkout failed for 18 minutes');
    expect(html).not.toContain('alice@example.com');
    expect(html).toContain('window.__xss'); // the payload is there, as text
    // Parsed (never run): no script element, no event attribute, no javascript: URL anywhere in the report.
    const dangerous = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source ?? '', 'text/html');
      const all = [...doc.querySelectorAll('*')];
      return {
        scripts: doc.querySelectorAll('script').length,
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        jsUrls: all.flatMap((el) =>
          [...el.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName}@${a.name}`),
        ),
      };
    }, html);
    expect(dangerous).toEqual({ scripts: 0, handlers: [], jsUrls: [] });
    // sandbox="" lets the frame run no script at all; the page itself never ran the payload either.
    expect(await page.getByTestId('report-frame').getAttribute('sandbox')).toBe('');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await screenshot(page, 'publish-reader-report');
  });

  it('shows later edits as amendments', async () => {
    const review = await seededReview(writeIncident);
    await publish(review);
    const [facilitator, reader] = [await person(), await person()];
    await joinReview(facilitator, review.links.facilitator, 'Chen Wu');
    await facilitator.page.getByRole('tab', { name: 'Report' }).click();
    await facilitator.page.getByTestId('narrative-gotLucky').fill('The incident began outside peak hours.');
    const page = reader.page;
    await page.goto(`${server.origin}/r/${review.id}/report#t=${review.tokens.observer}`);
    await eventually(async () => {
      await page.reload();
      await page.getByTestId('amendments').waitFor({ timeout: 3000 });
    }, 20_000);
    expect(await page.getByTestId('amendments').textContent()).toMatch(
      /What went well \/ What went wrong \/ Where we got lucky/,
    );
    await screenshot(page, 'publish-reader-amended');
    expect(dialogs).toEqual([]);
    expect(reader.errors).toEqual([]);
  });

  it('lists action items across reviews and charts the metrics', async () => {
    // Its own server: the counts cover every review on it.
    const own = await startServer({ withClient: true });
    const review = await own.createReview('Checkout outage');
    const client = connect(own, review.id, review.tokens.facilitator);
    try {
      await synced(client);
      addAction(client.doc, { title: 'Alert on checkout error rate per region' }, defaultContext('seed'));
      await eventually(async () =>
        expect(JSON.stringify(await exportJson(own, review.id, review.tokens.observer))).toContain('per region'),
      );
    } finally {
      client.destroy();
    }
    const published = await own.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(published.status).toBe(200);
    const facilitator = await person();
    const page = facilitator.page;
    // The team link opens the cross-review pages (the browser keeps its token for /insights).
    await page.goto(own.teamLink!);
    await eventually(async () => expect(await page.locator('.actions-table tbody tr').count()).toBe(1), 20_000);
    expect(await page.getByTestId('overdue-count').textContent()).toBe('0');
    expect(await page.getByTestId('completion-rate').textContent()).toBe('0 %');
    await screenshot(page, 'publish-actions-page');
    await page.goto(`${own.origin}/insights`);
    await page.getByTestId('chart-reviews').locator('canvas').first().waitFor();
    await screenshot(page, 'publish-insights-page');
    expect(facilitator.errors).toEqual([]);
    await own.stop();
  });
});
