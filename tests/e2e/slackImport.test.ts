// A Slack export imported in Chromium keeps who said what: authors as display names (not
// pasted into the text), thread replies under their parent (collapsible, "reply in the
// thread of …"), and a PagerDuty page in the chat is an alert, so the silence after it is a delay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, readTimeline, screenshot } from './helpers/review.ts';
import type { Page } from 'playwright-core';

/** The row whose summary reads `text` (summaries are text areas, so hasText does not see them). */
async function rowBySummary(page: Page, text: string) {
  const id = await eventually(async () => {
    const found = await page.evaluate(
      (t) =>
        [...document.querySelectorAll<HTMLElement>('[data-entry-id]')].find((row) => {
          const cell = row.querySelector<HTMLElement>('[data-cell="summary"]');
          return (
            (cell instanceof HTMLInputElement || cell instanceof HTMLTextAreaElement
              ? cell.value
              : cell?.textContent) === t
          );
        })?.dataset.entryId,
      text,
    );
    if (!found) throw new Error(`no row "${text}"`);
    return found;
  });
  return page.locator(`[data-entry-id="${id}"]`);
}

const T0 = Date.UTC(2026, 10, 28, 22, 0);
const MIN = 60_000;
const ts = (ms: number, seq = 100): string => `${Math.floor(ms / 1000)}.000${seq}`;

const THREAD = ts(T0 + 127 * MIN);
const DAY = [
  {
    type: 'message',
    subtype: 'bot_message',
    username: 'PagerDuty',
    bot_id: 'B01PD',
    text: 'Triggered #4211: Checkout error rate above 5%',
    ts: ts(T0),
  },
  { type: 'message', user: 'U01SAM', text: 'ack, looking at checkout now', ts: ts(T0 + 122 * MIN) },
  { type: 'message', user: 'U02KIM', text: 'is it the 4.2 deploy?', ts: THREAD, thread_ts: THREAD },
  {
    type: 'message',
    user: 'U01SAM',
    text: 'rolled back 4.2',
    ts: ts(T0 + 129 * MIN),
    thread_ts: THREAD,
    parent_user_id: 'U02KIM',
  },
  { type: 'message', user: 'U03LEE', text: 'customers report slow pages', ts: ts(T0 + 130 * MIN) },
  {
    type: 'message',
    user: 'U02KIM',
    text: 'error rate dropping',
    ts: ts(T0 + 132 * MIN),
    thread_ts: THREAD,
    parent_user_id: 'U02KIM',
  },
];
const USERS = [
  { id: 'U01SAM', name: 'sam', real_name: 'Sam Ortiz', profile: { display_name: 'Sam Ortiz' } },
  { id: 'U02KIM', name: 'kim', real_name: 'Kim Lee', profile: { display_name: 'Kim Lee' } },
  { id: 'U03LEE', name: 'lee', real_name: 'Lee Park', profile: { display_name: 'Lee Park' } },
];
const CHANNELS = [{ id: 'C01INC', name: 'inc-checkout' }];

const file = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value)),
});

describe('a Slack import that keeps authorship', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let fran: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout errors', { startedAt: T0 });
    fran = await newPerson();
    await joinReview(fran, review.links.facilitator, 'Fran Ortiz');
  });

  afterAll(async () => {
    await fran?.close();
    await server?.stop();
  });

  it('previews and adds messages under their senders, not the importer, with no handle in the text', async () => {
    const { page } = fran;
    await page.getByRole('button', { name: 'Import…' }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles([file('users.json', USERS), file('channels.json', CHANNELS), file('2026-11-28.json', DAY)]);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('import-preview').waitFor();
    const preview = (await page.getByTestId('import-row').allTextContents()).join('\n');
    expect(preview).toContain('Sam Ortiz: ack, looking at checkout now');
    expect(preview).not.toMatch(/Sam Ortiz: Sam Ortiz:|sam: sam:/);
    await page.getByRole('button', { name: /Add 6 entries/ }).click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();

    const rows = page.locator('[data-entry-id]');
    await eventually(async () => expect(await rows.count()).toBe(6));
    const ack = await rowBySummary(page, 'ack, looking at checkout now');
    expect(await ack.getByTestId('entry-author').textContent()).toBe('Sam Ortiz · recorded by Fran Ortiz');
    const summaries = (await readTimeline(page)).map((r) => r.summary);
    expect(summaries.join('\n')).not.toMatch(/^(sam|Sam Ortiz):/m);
  });

  it('shows thread replies right under their parent, says which thread, and folds them away', async () => {
    const { page } = fran;
    const order = async (): Promise<string[]> => (await readTimeline(page)).map((r) => r.summary);
    expect(await order()).toEqual([
      'Triggered #4211: Checkout error rate above 5%',
      'ack, looking at checkout now',
      'is it the 4.2 deploy?',
      'rolled back 4.2',
      'error rate dropping',
      'customers report slow pages',
    ]);
    const reply = await rowBySummary(page, 'rolled back 4.2');
    // 00:07 UTC is 01:07 in the browser's Berlin time.
    expect(await reply.getByTestId('entry-thread').textContent()).toBe('reply in the thread of 01:07');
    expect(await reply.getByTestId('entry-source').textContent()).not.toMatch(/\d{10}\.\d{6}/);
    await screenshot(page, 'slack-import-thread');
    const toggle = page.getByTestId('thread-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    await eventually(async () => expect(await order()).not.toContain('rolled back 4.2'));
    expect(await toggle.textContent()).toContain('2 replies (hidden)');
    await toggle.click();
    await eventually(async () => expect(await order()).toContain('rolled back 4.2'));
  });

  it('reads the PagerDuty page as an alert and flags the 2 h 2 min until the first answer', async () => {
    const page = await rowBySummary(fran.page, 'Triggered #4211: Checkout error rate above 5%');
    expect(await page.locator('[aria-label="Kind"]').inputValue()).toBe('alert');
    await eventually(async () =>
      expect(await page.getByTestId('delay-flag').textContent()).toContain('2 h 02 min until the first response'),
    );
  });
});
