import { describe, expect, it } from 'vitest';
import { sampleReview } from '../fixture.ts';
import { buildReportModel } from '../model/build.ts';
import { anonymise } from '../anonymise/anonymise.ts';
import { exportReport } from '../report.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';

// Golden files: `npx vitest run --project unit -u packages/report` rewrites them; review the diff.
describe('golden exports of a realistic review', () => {
  it('Markdown', async () => {
    await expect(renderMarkdown(buildReportModel(sampleReview(), { timeline: 'all' }))).toMatchFileSnapshot(
      '../__golden__/review.md',
    );
  });

  it('HTML', async () => {
    await expect(renderHtml(buildReportModel(sampleReview(), { timeline: 'all' }))).toMatchFileSnapshot(
      '../__golden__/review.html',
    );
  });

  it('anonymised Markdown, starred entries only', async () => {
    const { body } = exportReport(sampleReview(), {
      format: 'md',
      anonymise: { participants: [{ name: 'Fay Okafor', role: 'facilitator' }] },
    });
    await expect(body).toMatchFileSnapshot('../__golden__/review.anonymised.md');
  });

  it('sections come in the method order', () => {
    const md = renderMarkdown(buildReportModel(sampleReview()));
    const order = [
      '## Summary and impact',
      '## Timeline',
      '## Timeline analysis',
      '## Why it happened',
      '## Contributing factors',
      '## Human factors',
      '## What went well',
      '## What went wrong',
      '## Where we got lucky',
      '## Action items',
    ];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('_Starred entries: 6 of 9._');
  });

  it('the analysis section lists the delays, the annotated moments and the durations', () => {
    const md = renderMarkdown(buildReportModel(sampleReview()));
    const section = md.slice(md.indexOf('## Timeline analysis'), md.indexOf('## Why it happened'));
    expect(section).toContain('| 6 min | 5 min | 38 min | 1 h 11 min |');
    expect(section).toMatch(/\| Alert → first response \|.*\| 5 min \|/);
    expect(section).toMatch(/\| Detected → mitigated \|.*\| 32 min \|/);
    for (const label of ['Missing information', 'Delay', 'Automation failed'])
      expect(section).toContain(`| ${label} |`);
    // Unstarred entries are analysed too: the rollback entry is not starred.
    expect(section).toContain('The deploy tool has no priority lane');
  });

  it('the anonymised model has no participant names left', () => {
    const { model } = anonymise(buildReportModel(sampleReview(), { timeline: 'all' }), {
      participants: [{ name: 'Fay Okafor', role: 'facilitator' }],
    });
    const json = JSON.stringify(model);
    for (const n of ['Dana', 'Priya', 'Fay', 'Okafor', 'Smith', 'Patel']) expect(json).not.toContain(n);
    expect(json).toMatch(/the facilitator/i);
    expect(json).toContain('Responder A');
  });
});
