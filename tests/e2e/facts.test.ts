// Incident facts after creation: markers set from a timeline entry (keyboard) and in the facts
// panel, followed by the header's durations and the replay's "as known at T".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson, startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, screenshot } from './helpers/review.ts';
import { rowOf, seedReview } from './helpers/meeting.ts';

const T0 = Date.UTC(2026, 10, 28, 13, 0);
const MIN = 60_000;

describe('incident facts and markers', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let dee: Person;
  let reader: Person;
  let alertId = '';

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Payments queue backed up', { startedAt: T0 });
    await seedReview(server, review.id, review.tokens.facilitator, (add) => {
      alertId = add.entry(T0 + 12 * MIN, 'Queue depth alert fired', 'alert');
      add.entry(T0 + 40 * MIN, 'Consumers scaled from 4 to 12', 'action');
    });
    [dee, reader] = await Promise.all([newPerson(), newPerson()]);
    // An editor, not the facilitator: markers, title and severity are editors' too.
    await joinReview(dee, review.links.editor, 'Dee Responder');
  });

  afterAll(async () => {
    await Promise.all([dee?.close(), reader?.close()]);
    await server?.stop();
  });

  it('marks an entry as detected with the keyboard; the header shows time to detect', async () => {
    const { page } = dee;
    const menu = rowOf(page, alertId).getByTestId('mark-as');
    await menu.focus();
    await menu.selectOption('detected');
    await rowOf(page, alertId).getByTestId('marker-badge').getByText('Detected').waitFor();
    const durations = page.getByTestId('incident-durations');
    await eventually(async () => expect(await durations.textContent()).toContain('12 min'));
  });

  it('corrects the title and severity and sets the resolved marker in the facts panel', async () => {
    const { page } = dee;
    await page.getByTestId('open-facts').click();
    const panel = page.getByTestId('facts-panel');
    await panel.getByLabel('Title').fill('Payments queue backed up after consumer deploy');
    await panel.getByLabel('Title').press('Enter');
    await panel.getByLabel('Severity').fill('SEV2');
    await panel.getByLabel('Severity').press('Enter');
    // Berlin is UTC+1: 15:10 there is 14:10 UTC, 70 minutes after the start.
    await page.getByTestId('fact-resolved').fill('15:10');
    await page.getByTestId('fact-resolved').press('Enter');
    await eventually(async () =>
      expect(await panel.getByTestId('incident-durations').textContent()).toContain('1 h 10 min'),
    );
    await screenshot(page, 'facts-panel');
    await panel.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { level: 1, name: 'Payments queue backed up after consumer deploy' }).waitFor();
    await eventually(async () => {
      const fresh = (await exportJson(server, review.id, review.tokens.facilitator)) as unknown as { title: string };
      expect(fresh.title).toBe('Payments queue backed up after consumer deploy');
    });
  });

  it('the replay knows the markers: detected reached after the alert, resolved not yet', async () => {
    const at = new Date(T0 + 20 * MIN).toISOString();
    await reader.page.goto(
      `${server.origin}/replay/${review.id}?at=${encodeURIComponent(at)}#t=${review.tokens.observer}`,
    );
    const detected = reader.page.getByTestId('marker-detected');
    await eventually(async () => expect(await detected.getAttribute('class')).toContain('is-reached'));
    expect(await reader.page.getByTestId('marker-resolved').textContent()).toContain('not yet');
  });
});
