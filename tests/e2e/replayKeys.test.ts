// The replay's clock read and moved with the keyboard: signs before the start, a date across midnight,
// arrows by the minute (Shift: ten), Home and End.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually } from './helpers/review.ts';
import { seedReview } from './helpers/meeting.ts';

// 23:50 in Berlin (the browsers' zone, UTC+1 in November): the incident runs past midnight.
const T0 = Date.UTC(2026, 10, 28, 22, 50);
const MIN = 60_000;

describe('replay keyboard and clock', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let reader: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Night batch stalled', { startedAt: T0 });
    await seedReview(server, review.id, review.tokens.facilitator, (add) => {
      add.entry(T0 - 8 * MIN, 'Disk usage warning on batch-01', 'alert');
      add.entry(T0 + 20 * MIN, 'Batch restarted on batch-02', 'action');
      add.entry(T0 + 40 * MIN, 'Batch finished', 'marker');
    });
    reader = await newPerson({ width: 1366 });
  });

  afterAll(async () => {
    await reader?.close();
    await server?.stop();
  });

  it('before the start, the header, the row and the slider all say T−8:00, with the date', async () => {
    const { page } = reader;
    const at = new Date(T0 - 8 * MIN).toISOString();
    await page.goto(`${server.origin}/replay/${review.id}?at=${encodeURIComponent(at)}#t=${review.tokens.observer}`);
    const clock = page.getByTestId('replay-clock');
    await eventually(async () => expect(await clock.textContent()).toContain('T−8:00'));
    // The span crosses midnight in Berlin, so the clock carries the day.
    expect(await page.getByTestId('replay-time').textContent()).toBe('Sat 28 Nov 23:42:00');
    expect(await page.getByTestId('replay-entry').first().textContent()).toContain('T−8:00');
    expect(await page.getByTestId('replay-scrubber').getAttribute('aria-valuetext')).toContain('T−8:00');
  });

  it('arrow keys step one minute, Shift ten, Home and End jump to the ends', async () => {
    const { page } = reader;
    const scrubber = page.getByTestId('replay-scrubber');
    const clock = page.getByTestId('replay-clock');
    const says = async (text: string) => eventually(async () => expect(await clock.textContent()).toContain(text));
    await scrubber.focus();
    await scrubber.press('ArrowRight');
    await says('T−7:00');
    await scrubber.press('Shift+ArrowRight');
    await says('T+3:00');
    await scrubber.press('ArrowLeft');
    await says('T+2:00');
    await scrubber.press('End');
    await says('T+40:00');
    expect(await page.getByTestId('replay-time').textContent()).toBe('Sun 29 Nov 00:30:00');
    expect(await page.getByTestId('replay-entry').count()).toBe(3);
    await scrubber.press('Home');
    await says('T−8:00');
    expect(await page.getByTestId('replay-entry').count()).toBe(1);
  });
});
