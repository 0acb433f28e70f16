// The review meeting in Chromium with three people: timer and agenda for all, spotlight, annotations, freeze.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, screenshot } from './helpers/review.ts';
import { holdableSync, rowOf, seedReview } from './helpers/meeting.ts';

const T0 = Date.UTC(2026, 10, 28, 13, 0);
const MIN = 60_000;

describe('running the review meeting', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let fac: Person;
  let ben: Person;
  let cleo: Person;
  let benSocket: { hold(on: boolean): void };
  const ids: string[] = [];
  let whyId = '';
  const everyone = (): Person[] => [fac, ben, cleo];

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout errors after the 14:00 deploy', { startedAt: T0, severity: 'SEV2' });
    await seedReview(server, review.id, review.tokens.facilitator, (add) => {
      for (let i = 0; i < 60; i++) ids.push(add.entry(T0 + i * 3 * MIN, `Step ${i}: checkout worker log line`));
      whyId = add.why('The canary did not cover the checkout path');
    });
    [fac, ben, cleo] = await Promise.all([newPerson(), newPerson(), newPerson({ colorScheme: 'dark' })]);
    benSocket = await holdableSync(ben.context);
    await joinReview(fac, review.links.facilitator, 'Fay Facilitator');
    await joinReview(ben, review.links.editor, 'Ben Okafor');
    await joinReview(cleo, review.links.editor, 'Cleo Ng');
  });

  afterAll(async () => {
    await Promise.all([fac?.close(), ben?.close(), cleo?.close()]);
    await server?.stop();
  });

  it('the facilitator starts a 60-minute meeting; everyone sees the timer and the phase; Alt+. advances it', async () => {
    await fac.page.getByLabel('Meeting length').selectOption('60');
    await fac.page.getByRole('button', { name: 'Start meeting' }).click();
    for (const p of everyone()) {
      await expect
        .poll(() => p.page.getByTestId('meeting-timer').textContent())
        .toMatch(/^Meeting(59:\d\d|1:00:00) left/);
      await expect.poll(() => p.page.locator('[aria-current="step"]').textContent()).toContain('Overview');
    }
    // Ben is looking at the actions; the next phase brings him (a follower) to the timeline tab.
    await ben.page.getByRole('tab', { name: 'Actions' }).click();
    await fac.page.locator('body').press('Alt+Period');
    for (const p of everyone())
      await expect.poll(() => p.page.locator('[aria-current="step"]').textContent()).toContain('Timeline walk-through');
    await expect.poll(() => ben.page.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');
    // Responders see the agenda but cannot move it.
    expect(await ben.page.getByTestId('meeting-phases').getByRole('button').count()).toBe(0);
  });

  it('the spotlight brings an entry into every follower’s view; one can stop following and resume', async () => {
    await cleo.page.getByRole('button', { name: 'Meeting panel' }).waitFor();
    const last = ids[55]!;
    // The facilitator scrolls to the end of a 60-entry timeline and spotlights one entry there.
    await fac.page.getByTestId('timeline').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await rowOf(fac.page, last)
      .getByRole('button', { name: /^Spotlight the .* entry for everyone/ })
      .click();
    // Ben (following, at the top of the list) is scrolled there and sees it highlighted.
    await rowOf(ben.page, last).getByTestId('spotlight-mark').waitFor();
    await screenshot(ben.page, 'meeting-follower-spotlight');
    await screenshot(fac.page, 'meeting-facilitator');
    // Cleo stops following; the next spotlight does not move her view.
    await rowOf(cleo.page, last).getByTestId('spotlight-mark').waitFor();
    await cleo.page.getByRole('button', { name: 'Stop following' }).click();
    // Cleo stays at the end of the list; the next spotlight points at the top.
    await cleo.page.getByTestId('timeline').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const early = ids[1]!;
    await fac.page.getByTestId('timeline').evaluate((el) => (el.scrollTop = 0));
    await rowOf(fac.page, early)
      .getByRole('button', { name: /^Spotlight the .* entry for everyone/ })
      .click();
    await rowOf(ben.page, early).getByTestId('spotlight-mark').waitFor();
    // The positive signal: Cleo's bar names the new spotlight, so the render that would have moved her view
    // (the follow effect runs in that same commit) has happened; two frames later any scroll has landed.
    await eventually(async () =>
      expect(await cleo.page.getByTestId('spotlight-status').textContent()).toContain('Step 1:'),
    );
    await cleo.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
    );
    expect(await cleo.page.getByTestId('timeline').evaluate((el) => el.scrollTop)).toBeGreaterThan(500);
    await cleo.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await rowOf(cleo.page, early).getByTestId('spotlight-mark').waitFor();
    // A whys node: followers switch to the whys view and see it lit.
    await fac.page.getByRole('tab', { name: 'Whys' }).click();
    await fac.page.getByRole('button', { name: /^Spotlight the why/ }).click();
    await ben.page.locator(`[data-why-id="${whyId}"]`).getByTestId('spotlight-mark').waitFor();
    expect(await ben.page.getByRole('tab', { name: 'Whys' }).getAttribute('aria-selected')).toBe('true');
    await screenshot(cleo.page, 'meeting-follower-why-dark');
    await fac.page.getByRole('button', { name: 'Turn off' }).click();
    await eventually(async () => expect(await ben.page.getByTestId('spotlight-mark').count()).toBe(0));
    await fac.page.getByRole('tab', { name: 'Timeline' }).click();
  });

  it('a responder parks a question on an entry; the facilitator sees it and resolves it', async () => {
    for (const p of [ben, cleo]) await p.page.getByRole('tab', { name: 'Timeline' }).click();
    await ben.page.getByTestId('timeline').evaluate((el) => (el.scrollTop = 0));
    await rowOf(ben.page, ids[2]!)
      .getByRole('button', { name: /^Annotate the/ })
      .click();
    await ben.page.getByTestId('annotation-text').fill('Why did the pager go to the old rota?');
    await ben.page.getByTestId('annotation-text').press('Enter');
    const lot = fac.page.getByTestId('parking-lot');
    await lot.getByText('Why did the pager go to the old rota?').waitFor();
    expect(await lot.getByTestId('annotation').textContent()).toContain('Ben Okafor');
    await expect
      .poll(() =>
        rowOf(fac.page, ids[2]!)
          .getByRole('button', { name: /1 open annotation/ })
          .count(),
      )
      .toBe(1);
    // The facilitator annotates a delay, then resolves the question.
    await fac.page.getByTestId('timeline').evaluate((el) => (el.scrollTop = 0));
    await rowOf(fac.page, ids[3]!)
      .getByRole('button', { name: /^Annotate the/ })
      .click();
    await fac.page.getByTestId('target-annotations').getByLabel('Kind').selectOption('delay');
    await fac.page.getByTestId('annotation-text').fill('12 minutes before anyone acknowledged');
    await fac.page.getByTestId('annotation-text').press('Enter');
    await lot.getByRole('button', { name: 'Resolve' }).click();
    await ben.page.getByTestId('parking-lot').getByText('No open questions').waitFor();
  });

  it('a pinned reminder shows for everyone', async () => {
    await fac.page.getByRole('button', { name: /^Pin for everyone: Systems, not individuals/ }).click();
    for (const p of [ben, cleo])
      await expect
        .poll(() => p.page.getByTestId('pinned-reminder').textContent())
        .toContain('Systems, not individuals');
  });

  it('freeze makes the timeline read-only for responders, with the reason; unfreeze restores editing', async () => {
    await fac.page.getByRole('button', { name: 'Freeze timeline', exact: true }).click();
    for (const p of [ben, cleo]) {
      await p.page
        .getByTestId('frozen-banner')
        .getByText(/The facilitator froze the timeline/)
        .waitFor();
      expect(await p.page.getByTestId('composer-summary').count()).toBe(0);
      expect(await p.page.locator('[data-entry-id] [data-field="summary"]').count()).toBe(0);
    }
    // The facilitator still edits.
    expect(await fac.page.getByTestId('composer-summary').count()).toBe(1);
    await screenshot(ben.page, 'meeting-frozen-responder');
    await fac.page.getByRole('button', { name: 'Unfreeze timeline', exact: true }).click();
    await ben.page.getByTestId('composer-summary').waitFor();
    expect(await ben.page.getByTestId('frozen-banner').count()).toBe(0);
  });

  it('a change the server refuses (frozen under a stalled socket) resets the responder’s copy and says why', async () => {
    // Ben stops hearing from the server, so he misses the freeze and edits the timeline.
    benSocket.hold(true);
    await fac.page.getByRole('button', { name: 'Freeze timeline', exact: true }).click();
    // The server relays only what it has committed: once Cleo sees the freeze, it is stored, and
    // Ben's edit below reaches the server after it (however slow the machine).
    await cleo.page.getByTestId('frozen-banner').waitFor();
    const summary = rowOf(ben.page, ids[0]!).locator('[data-field="summary"]');
    await summary.click();
    await summary.press('End');
    await ben.page.keyboard.type(' (edited while frozen)');
    benSocket.hold(false);
    await ben.page
      .getByTestId('change-refused')
      .getByText(/Your change to the entry “Step 0: .*” was not saved: the facilitator froze the timeline/)
      .waitFor({
        timeout: 20_000,
      });
    await ben.page.getByTestId('frozen-banner').waitFor();
    const text = await rowOf(ben.page, ids[0]!).textContent();
    expect(text).not.toContain('edited while frozen');
    await screenshot(ben.page, 'meeting-change-refused');
    await ben.page.getByTestId('change-refused').getByRole('button', { name: 'OK' }).click();
    await fac.page.getByRole('button', { name: 'Unfreeze timeline', exact: true }).click();
  });

  it('the facilitator moves the review to reviewing; everyone sees the status', async () => {
    await fac.page.locator('label.segment', { hasText: 'Reviewing' }).click();
    expect(await fac.page.getByRole('radio', { name: 'Reviewing' }).isChecked()).toBe(true);
    for (const p of [ben, cleo]) await p.page.locator('.badge-reviewing').waitFor();
    await fac.page.getByRole('button', { name: 'End meeting' }).click();
    await expect.poll(() => ben.page.getByTestId('meeting-timer').textContent()).toMatch(/ended after/);
    for (const p of everyone()) expect(p.errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  });
});
