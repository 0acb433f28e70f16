// Bare times typed into the entry box land on the day nearest the incident, show that day
// before Enter, and ask when they could mean two days (the browser's zone is Europe/Berlin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson, startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview } from './helpers/review.ts';
import { seedReview } from './helpers/meeting.ts';

// 2026-11-28 21:58 in Berlin (UTC+1).
const STARTED = Date.UTC(2026, 10, 28, 20, 58);

interface Exported {
  timeline: { at: string; summary: string }[];
}

async function atOf(server: RunningServer, review: ReviewHandle, summary: string): Promise<string> {
  return eventually(async () => {
    const json = (await exportJson(server, review.id, review.tokens.facilitator)) as unknown as Exported;
    const entry = json.timeline.find((e) => e.summary === summary);
    if (!entry) throw new Error(`no entry "${summary}" yet`);
    return entry.at;
  });
}

describe('typing bare times', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let fran: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Checkout latency', { startedAt: STARTED });
    // Someone's later entry, the next afternoon: the old box read bare times on the last entry's day.
    await seedReview(server, review.id, review.tokens.facilitator, (add) =>
      add.entry(Date.UTC(2026, 10, 29, 15, 0), 'Status page updated', 'communication'),
    );
    fran = await newPerson();
    await joinReview(fran, review.links.facilitator, 'Fran Ortiz');
  });

  afterAll(async () => {
    await fran?.close();
    await server?.stop();
  });

  it('files "21:50" in a review started 21:58 on the start day, and says so before Enter', async () => {
    const { page } = fran;
    await page.getByTestId('composer-time').fill('21:50');
    await expect.poll(() => page.getByTestId('composer-when').textContent()).toContain('Sat 28 Nov 2026, 21:50');
    expect(await page.getByTestId('composer-when').textContent()).toContain('8 min before the start');
    await page.getByTestId('composer-summary').fill('Deploy of checkout 4.2 finished');
    await page.getByTestId('composer-summary').press('Enter');
    expect(await atOf(server, review, 'Deploy of checkout 4.2 finished')).toBe('2026-11-28T20:50:00.000Z');
  });

  it('crosses midnight forward, then files "22:10" typed after "00:04" back on the start evening', async () => {
    const { page } = fran;
    await addEntry(page, '00:04', 'Error rate above 5 %');
    expect(await atOf(server, review, 'Error rate above 5 %')).toBe('2026-11-28T23:04:00.000Z');
    await page.getByTestId('composer-time').fill('22:10');
    await expect.poll(() => page.getByTestId('composer-when').textContent()).toContain('Sat 28 Nov 2026, 22:10');
    await page.getByTestId('composer-summary').fill('First customer complaint');
    await page.getByTestId('composer-summary').press('Enter');
    expect(await atOf(server, review, 'First customer complaint')).toBe('2026-11-28T21:10:00.000Z');
    // The timeline shows the day it landed on.
    await page.getByRole('rowheader', { name: 'Sun 29 Nov 2026' }).waitFor();
  });

  it('asks which day a time twelve hours away either way means, and files the one picked', async () => {
    const { page } = fran;
    await addEntry(page, '10:00', 'Rollback started');
    expect(await atOf(server, review, 'Rollback started')).toBe('2026-11-29T09:00:00.000Z');
    await page.getByTestId('composer-time').fill('22:00');
    const choice = page.getByTestId('composer-choice');
    await choice.waitFor();
    expect(await choice.textContent()).toContain('could be either day');
    await choice.getByLabel(/Sun 29 Nov 2026, 22:00/).check();
    await page.getByTestId('composer-summary').fill('Incident declared over');
    await page.getByTestId('composer-summary').press('Enter');
    expect(await atOf(server, review, 'Incident declared over')).toBe('2026-11-29T21:00:00.000Z');
  });
});
