// While the facilitator has the timeline frozen (issue 12): a responder who added an entry offline is
// told, on reconnect, exactly what was not saved, with its text to copy; a responder typing fast into
// a human-factors answer has every keystroke stored (the freeze is about the timeline only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, readTimeline, screenshot, waitForConnection } from './helpers/review.ts';

const T0 = Date.UTC(2026, 10, 28, 13, 0);

describe('changes refused while the timeline is frozen', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let fac: Person;
  let ben: Person;
  let cleo: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout errors', { startedAt: T0 });
    [fac, ben, cleo] = await Promise.all([newPerson(), newPerson(), newPerson()]);
    await joinReview(fac, review.links.facilitator, 'Fay Facilitator');
    await joinReview(ben, review.links.editor, 'Ben Okafor');
    await joinReview(cleo, review.links.editor, 'Cleo Ng');
    await addEntry(fac.page, '14:00', 'Error rate alert fired');
    await eventually(async () => expect(await readTimeline(ben.page)).toHaveLength(1));
    await ben.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  afterAll(async () => {
    await Promise.all([fac?.close(), ben?.close(), cleo?.close()]);
    await server?.stop();
  });

  it('an entry added offline while the facilitator froze the timeline is reported to its author with its text', async () => {
    await ben.context.setOffline(true);
    await ben.page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await waitForConnection(ben.page, 'Offline — saved locally');
    await fac.page.getByRole('button', { name: 'Freeze timeline', exact: true }).click();
    await cleo.page.getByTestId('frozen-banner').waitFor();
    await addEntry(ben.page, '14:05', 'DB failover started');
    await ben.context.setOffline(false);
    await ben.page.evaluate(() => window.dispatchEvent(new Event('online')));
    const item = ben.page.getByTestId('unsaved-item');
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain(
      'Your new entry “DB failover started” was not saved: the facilitator froze the timeline',
    );
    expect(await ben.page.getByTestId('change-refused').getAttribute('role')).toBe('alert');
    // The review was reloaded from the server: the entry is not in the timeline.
    await ben.page.getByTestId('frozen-banner').waitFor();
    expect((await readTimeline(ben.page)).map((r) => r.summary)).toEqual(['Error rate alert fired']);
    await screenshot(ben.page, 'refused-change-notice');
    // Keyboard: Tab reaches the copy button; Enter copies the text.
    const copy = item.getByRole('button', { name: 'Copy the text of “DB failover started”' });
    await copy.focus();
    await ben.page.keyboard.press('Enter');
    await expect.poll(() => copy.textContent()).toContain('Copied');
    expect(await ben.page.evaluate(() => navigator.clipboard.readText())).toBe('DB failover started');
    await ben.page.getByTestId('change-refused').getByRole('button', { name: 'OK' }).click();
  });

  it('fast typing in a human-factors answer while the timeline is frozen is stored whole', async () => {
    // Depends on the server judging writes by their effect (issue 12's write gate).
    const answer = Array.from({ length: 200 }, (_, i) => 'blameless review '[i % 17]).join('');
    await cleo.page.getByRole('tab', { name: 'Human factors' }).click();
    const field = cleo.page.getByRole('textbox', { name: 'Were the people involved rested?' });
    await field.click();
    await field.pressSequentially(answer, { delay: 8 });
    await cleo.page.getByRole('tab', { name: 'Timeline' }).click();
    await cleo.page.getByRole('tab', { name: 'Human factors' }).click();
    expect(await cleo.page.getByTestId('change-refused').count()).toBe(0);
    await fac.page.reload();
    await waitForConnection(fac.page, 'Live');
    await fac.page.getByRole('tab', { name: 'Human factors' }).click();
    await eventually(
      async () =>
        expect(await fac.page.getByRole('textbox', { name: 'Were the people involved rested?' }).inputValue()).toBe(
          answer,
        ),
      30_000,
    );
  });
});
