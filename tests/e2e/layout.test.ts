// The review at 1,366 px with the meeting panel open: summaries wrap instead of being cut, the title is
// whole, presence initials come from names; and the in-app theme switch is remembered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, screenshot } from './helpers/review.ts';

const LONG =
  'Checkout error rate alert fired for eu-west after the payment-gateway deploy; on-call opened the dashboard and saw 5xx from the card tokeniser';

describe('layout at 1,366 px', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let fran: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout errors in eu-west after the payment gateway deploy');
    fran = await newPerson({ width: 1366, height: 768 });
    await joinReview(fran, review.links.facilitator, 'Fran (facilitator)');
  });

  afterAll(async () => {
    await fran?.close();
    await server?.stop();
  });

  it('wraps a long summary with the meeting panel open, keeps the title whole, and shows initials', async () => {
    const { page } = fran;
    await addEntry(page, '10:02', LONG);
    const toggle = page.getByTestId('meeting-bar').getByRole('button', { name: /meeting panel/i });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('#meeting-panel').waitFor();
    const summary = page.locator('[data-entry-id] [data-cell="summary"]').first();
    await eventually(async () => expect(await summary.inputValue()).toBe(LONG));
    const fit = await summary.evaluate((el) => ({
      sw: el.scrollWidth,
      cw: el.clientWidth,
      sh: el.scrollHeight,
      ch: el.clientHeight,
    }));
    expect(fit.sw).toBeLessThanOrEqual(fit.cw);
    expect(fit.sh).toBeLessThanOrEqual(fit.ch + 1);
    // It wrapped: taller than one line.
    expect(fit.ch).toBeGreaterThan(40);
    const title = page.getByRole('heading', { level: 1 });
    const t = await title.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
    expect(t.sw).toBeLessThanOrEqual(t.cw);
    expect(await page.locator('.avatar').first().textContent()).toBe('F');
    await screenshot(page, 'layout-1366-meeting-panel');
  });

  it('the theme switch turns the page dark and is remembered', async () => {
    const { page } = fran;
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    expect(before).toBe('light');
    await page.getByTestId('theme-switch').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.getByTestId('theme-switch').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'layout-1366-dark');
  });
});
