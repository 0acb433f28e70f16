// A review run by its template version in Chromium: the meeting's agenda names its phases and plans its
// length as the version does (the facilitator's guide still follows phase by phase), and the published
// page's report uses the version's section titles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { joinReview, screenshot } from './helpers/review.ts';
import { seedReview } from './helpers/meeting.ts';

const T0 = Date.UTC(2026, 10, 28, 13, 0);

interface TemplateContent {
  reportSections: { id: string; title: string }[];
  agenda: { phase: string; title?: string; minutes: number }[];
}

describe('a review follows its template version', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let fac: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    const builtIn = ((await (await server.fetch('/api/templates/0')).json()) as { content: TemplateContent }).content;
    const names: Record<string, [string, number]> = {
      overview: ['Setting the scene', 10],
      timeline: ['Walk the timeline', 30],
      whys: ['Dig into the whys', 20],
      factors: ['Name the factors', 10],
      actions: ['Agree what changes', 10],
    };
    const content = {
      ...builtIn,
      reportSections: builtIn.reportSections.map((s) =>
        s.id === 'actions' ? { ...s, title: 'What we will change' } : s,
      ),
      agenda: builtIn.agenda.map((p) => ({ phase: p.phase, title: names[p.phase]![0], minutes: names[p.phase]![1] })),
    };
    const saved = await server.fetch('/api/templates', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.teamToken ?? ''}` },
      body: JSON.stringify({ note: 'Our own words for the meeting', content }),
    });
    expect(saved.status).toBe(201);
    review = await server.createReview('Card reader outage', { startedAt: T0 });
    await seedReview(server, review.id, review.tokens.facilitator, (add) => {
      add.entry(T0, 'Card readers stop authorising');
    });
    fac = await newPerson({ width: 1366 });
    await joinReview(fac, review.links.facilitator, 'Fay Facilitator');
  });

  afterAll(async () => {
    await fac?.close();
    await server?.stop();
  });

  it('the agenda, its length and the guide follow the version’s phases', async () => {
    const { page } = fac;
    await expect.poll(() => page.getByTestId('agenda').textContent()).toContain('Walk the timeline 30 min');
    expect(await page.getByLabel('Meeting length').inputValue()).toBe('80');
    await page.getByRole('button', { name: 'Start meeting' }).click();
    await expect.poll(() => page.getByTestId('meeting-timer').textContent()).toMatch(/^Meeting1:(1\d:\d\d|20:00) left/);
    const steps = page.getByTestId('meeting-phases');
    expect(await steps.getByRole('listitem').allTextContents()).toEqual([
      '1 Setting the scene',
      '2 Walk the timeline',
      '3 Dig into the whys',
      '4 Name the factors',
      '5 Agree what changes',
    ]);
    await page.getByRole('button', { name: 'Next: Walk the timeline' }).click();
    await expect.poll(() => page.locator('[aria-current="step"]').textContent()).toContain('Walk the timeline');
    // The guide is still the timeline phase's, under the team's name for it.
    const guide = page.getByTestId('phase-guide');
    await guide.getByText('Guide: Walk the timeline').click();
    await guide.getByText('What did you know at that moment, and what did you not know yet?').waitFor();
    await screenshot(page, 'template-agenda-renamed');
  });

  it('the published page’s report uses the version’s section titles', async () => {
    const res = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(res.status).toBe(200);
    const reader = await newPerson({ width: 1366 });
    try {
      await reader.page.goto(review.links.reader);
      const frame = reader.page.frameLocator('[data-testid="report-frame"]');
      await frame.getByRole('heading', { name: 'What we will change' }).waitFor({ timeout: 20_000 });
      expect(await frame.getByRole('heading', { name: 'Action items' }).count()).toBe(0);
      await screenshot(reader.page, 'template-published-sections');
    } finally {
      await reader.close();
    }
  });
});
