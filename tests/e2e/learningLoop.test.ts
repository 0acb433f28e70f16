// Closing the learning loop in Chromium: three participants answer the survey
// after the meeting, the facilitator sees the aggregate but never who gave it,
// the quarterly page and its Markdown export show it; the template is changed
// in its editor, a new review starts from the new version, and the quarterly
// page links the versions in use to their differences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext, endMeeting, startMeeting } from '@hindsight/doc';
import { connect, synced } from '../helpers/clients.ts';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { eventually, joinReview, screenshot } from './helpers/review.ts';

const PARTICIPANTS = [
  { name: 'Ana Quist', scores: [5, 4, 4], keep: 'The timeline walk-through', change: 'Invite the vendor next time' },
  { name: 'Ben Ortega', scores: [4, 5, 3], keep: 'Short phases', change: 'Start the meeting on time' },
  { name: 'Cleo Park', scores: [3, 3, 2], keep: 'The parking lot', change: 'Share the timeline a day earlier' },
];

describe('the learning loop', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  const people: Person[] = [];
  const person = async (options?: { height?: number }) => {
    const p = await newPerson(options);
    people.push(p);
    return p;
  };

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Payment queue backlog', { facilitatorName: 'Fay Okafor' });
    // The meeting ran and ended (through a stock client): the survey's first round opens.
    const client = connect(server, review.id, review.tokens.facilitator);
    await synced(client);
    const ctx = defaultContext('Fay Okafor');
    startMeeting(client.doc, { minutes: 60 }, ctx);
    endMeeting(client.doc, ctx);
    await eventually(async () => {
      const res = await server.fetch(`/api/reviews/${review.id}/feedback`, {
        headers: { authorization: `Bearer ${review.tokens.facilitator}` },
      });
      expect(res.status).toBe(200);
    });
    client.destroy();
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await server?.stop();
  });

  it('three participants answer; the facilitator and the quarterly page see the aggregate, never who', async () => {
    const browsers = await Promise.all(PARTICIPANTS.map(() => person()));
    await Promise.all(
      PARTICIPANTS.map(async (who, i) => {
        const { page } = browsers[i]!;
        await joinReview(browsers[i]!, review.links.editor, who.name);
        await page.getByRole('tab', { name: 'Report' }).click();
        const survey = page.getByTestId('feedback-survey');
        await survey.waitFor({ timeout: 20_000 });
        for (const [k, key] of ['usefulness', 'safety', 'timeWellSpent'].entries()) {
          await page.locator(`input[name="feedback-${key}"][value="${who.scores[k]}"]`).check();
        }
        await page.getByTestId('feedback-keep').fill(who.keep);
        await page.getByTestId('feedback-change').fill(who.change);
        await page.getByRole('button', { name: 'Send anonymously' }).click();
        await page.getByTestId('feedback-thanks').waitFor({ timeout: 20_000 });
      }),
    );

    const facilitator = await person({ height: 1300 });
    await joinReview(facilitator, review.links.facilitator, 'Fay Okafor');
    await facilitator.page.getByRole('tab', { name: 'Report' }).click();
    const round = facilitator.page.getByTestId('feedback-round-meeting');
    await eventually(async () => expect(await round.textContent()).toContain('3 answers'), 20_000);
    // Means of 5,4,3 / 4,5,3 / 4,3,2: 4.0, 4.0, 3.0.
    expect(await facilitator.page.getByTestId('feedback-mean-usefulness').textContent()).toBe('4.0');
    expect(await facilitator.page.getByTestId('feedback-mean-safety').textContent()).toBe('4.0');
    expect(await facilitator.page.getByTestId('feedback-mean-timeWellSpent').textContent()).toBe('3.0');
    const summary = (await facilitator.page.getByTestId('feedback-summary').textContent())!;
    for (const who of PARTICIPANTS) {
      expect(summary).toContain(who.change);
      // Who answered never shows: not their names, not which text goes with which score.
      expect(summary).not.toContain(who.name);
      expect(summary).not.toContain(who.name.split(' ')[0]);
    }
    await screenshot(facilitator.page, 'learning-loop-feedback-aggregate');

    // Cross-review pages need the instance's team link (printed at first start).
    await facilitator.page.goto(`${server.origin}/insights/quarter#t=${server.teamToken!}`);
    const change = facilitator.page.getByTestId('quarter-change');
    await eventually(async () => {
      const text = (await change.textContent())!;
      for (const who of PARTICIPANTS) expect(text).toContain(who.change);
    }, 20_000);
    const figures = (await facilitator.page.getByTestId('quarter-figures').textContent())!;
    expect(figures).toContain('Reviews held1');
    const md = await (
      await server.fetch('/api/insights/quarter.md', { headers: { authorization: `Bearer ${server.teamToken!}` } })
    ).text();
    for (const who of PARTICIPANTS) {
      expect(md).toContain(`- ${who.change}`);
      expect(md).not.toContain(who.name);
    }
    expect(md).toMatch(/\| \d{4}-\d{2} \| 3 \| 4\.0 \| 4\.0 \| 3\.0 \|/);
    expect(md).toContain('| built-in (version 0) | 1 |');
  });

  it('a template change in the editor becomes version 1; a new review starts from it; the quarter links the diff', async () => {
    const editor = await person({ height: 2600 });
    const { page } = editor;
    // Without the team link the page still shows the template; saving asks for the team link.
    await page.goto(`${server.origin}/insights/template`);
    await page.getByRole('heading', { name: /Change the template \(now version 0\)/ }).waitFor();
    await page.getByLabel('Why it changes (kept with the version)').fill('No team link yet');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await page.getByTestId('team-link-needed').waitFor({ timeout: 15_000 });
    await screenshot(page, 'template-needs-team-link');
    await page.getByLabel('Team link or token').fill(server.teamLink!);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByTestId('team-link-needed').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Id of question 5').fill('handover');
    await page.getByLabel('Question 5', { exact: true }).fill('Was the handover between shifts clear?');
    await page.getByLabel('Title of “Where we got lucky”').fill('Where luck helped');
    await page.getByLabel('Timeline walk-through (minutes)').fill('20');
    await page.getByRole('button', { name: 'Add a term' }).click();
    await page.getByLabel('Term 1', { exact: true }).fill('sloppy');
    await page.getByLabel('Suggestion for term 1').fill('Say what the system allowed.');
    // The server refuses what does not fit and says why; nothing is saved.
    await page.getByLabel('Overview (minutes)').fill('60');
    await page.getByLabel('Why it changes (kept with the version)').fill('Handovers came up in Q4');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await expect
      .poll(async () => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toMatch(/135 minutes; a review meeting lasts 60 to 90/);
    await page.getByLabel('Overview (minutes)').fill('10');
    await screenshot(page, 'learning-loop-template-editor');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await page.getByText('Saved as version 1.').waitFor({ timeout: 15_000 });

    const next = await server.createReview('Card reader outage');
    const template = (await (
      await server.fetch(`/api/reviews/${next.id}/template`, {
        headers: { authorization: `Bearer ${next.tokens.editor}` },
      })
    ).json()) as { version: number; content: { agenda: { minutes: number }[] } };
    expect(template.version).toBe(1);
    expect(template.content.agenda.reduce((s, p) => s + p.minutes, 0)).toBe(85);

    await page.goto(`${server.origin}/insights/quarter#t=${server.teamToken!}`);
    const versions = page.getByTestId('quarter-templates');
    await eventually(async () => {
      const rows = await versions.locator('tbody tr').allTextContents();
      expect(rows).toEqual(['built-in (version 0)1', 'version 11What changed from 0']);
    }, 20_000);
    await screenshot(page, 'learning-loop-quarter');
    await versions.getByRole('link', { name: 'What changed from 0' }).click();
    await page.getByTestId('diff-humanFactorsQuestions').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('diff-humanFactorsQuestions').textContent()).toContain(
      'Was the handover between shifts clear?',
    );
    expect(await page.getByTestId('diff-agenda').textContent()).toContain('meeting length90 min85 min');
    expect(await page.getByTestId('diff-notes').textContent()).toContain('Handovers came up in Q4');
    await screenshot(page, 'learning-loop-template-diff');
    for (const p of people) expect(p.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
