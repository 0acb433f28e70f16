// The review at 1,366 px with the meeting panel open: summaries wrap instead of being cut, the title is
// whole, presence initials come from names; and the in-app theme switch is remembered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, screenshot } from './helpers/review.ts';
import { connect, synced, type Client } from '../helpers/clients.ts';

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

  it('presence chips show whole names beside the meeting panel, then initials with the full name as their label', async () => {
    const { page } = fran;
    const toggle = page.getByTestId('meeting-bar').getByRole('button', { name: /meeting panel/i });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await page.locator('#meeting-panel').waitFor();
    const entryId = (await page.locator('[data-entry-id]').first().getAttribute('data-entry-id'))!;
    const join = async (name: string, editing?: string): Promise<Client> => {
      const client = connect(server, review.id, review.tokens.editor);
      await synced(client);
      client.provider.awareness.setLocalStateField('user', { name });
      if (editing) client.provider.awareness.setLocalStateField('editing', { kind: 'entry', id: editing });
      return client;
    };
    const clients = [
      await join('Sam Reyes (on-call SRE)', entryId),
      await join('Priya Natarajan'),
      await join('Ben Okafor'),
    ];
    try {
      const chips = page.getByTestId('person');
      await eventually(async () => expect(await chips.count()).toBe(4));
      const sam = chips.filter({ hasText: 'Sam Reyes' });
      await eventually(async () =>
        expect(await sam.getAttribute('aria-label')).toMatch(/editor, editing the 10:02 entry$/),
      );
      // Every name is whole on screen (nothing cut to an ellipsis), with the role beside it.
      const cut = await page
        .locator('.person-name')
        .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
      expect(cut).toEqual([]);
      expect(await sam.textContent()).toContain('Sam Reyes (on-call SRE) · editor');
      expect(await sam.locator('.person-doing').count()).toBe(1);
      await screenshot(page, 'layout-1366-presence-four');

      // A fifth person: chips become initials; each keeps the whole sentence as its name and tooltip.
      clients.push(await join('Cleo Ng'));
      await eventually(async () => expect(await chips.count()).toBe(5));
      await eventually(async () => expect(await page.locator('.person-initials').count()).toBe(5));
      expect(await chips.filter({ hasText: 'CN' }).getAttribute('title')).toBe('Cleo Ng, editor');
      const title = page.getByRole('heading', { level: 1 });
      const t = await title.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
      expect(t.sw).toBeLessThanOrEqual(t.cw);
      await screenshot(page, 'layout-1366-presence-five');
    } finally {
      for (const c of clients) c.destroy();
    }
  });

  it('an action’s title, owner and the annotation text have room beside the meeting panel', async () => {
    const { page } = fran;
    await page
      .locator('[data-entry-id]')
      .first()
      .getByRole('button', { name: /^Annotate/ })
      .click();
    const text = page.getByTestId('annotation-text');
    expect(await text.evaluate((el) => el.clientWidth)).toBeGreaterThan(200);
    await page.getByRole('tab', { name: 'Actions' }).click();
    const ACTION = 'Add a canary stage to payment-gateway deploys that checks the card tokeniser';
    await page.getByLabel('New action item').fill(ACTION);
    await page.getByRole('button', { name: 'Add action' }).click();
    const owner = page.getByLabel(/^Owner of/);
    await owner.fill('Priya Natarajan');
    await screenshot(page, 'layout-1366-actions');
    const fits = await owner.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
    expect(fits.sw).toBeLessThanOrEqual(fits.cw + 1);
    // Nothing runs past the view's right edge.
    const table = await page.locator('[data-testid="actions"] table').evaluate((el) => ({
      right: el.getBoundingClientRect().right,
      edge: el.closest('[data-testid="actions"]')!.getBoundingClientRect().right,
    }));
    expect(table.right).toBeLessThanOrEqual(table.edge);
    const action = page.getByLabel('Action', { exact: true });
    expect(await action.inputValue()).toBe(ACTION);
    const box = await action.evaluate((el) => ({ sh: el.scrollHeight, ch: el.clientHeight }));
    expect(box.sh).toBeLessThanOrEqual(box.ch + 1);
    expect(box.ch).toBeGreaterThan(40);
    await page.getByRole('tab', { name: 'Timeline' }).click();
  });
});
