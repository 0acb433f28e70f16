// The quarterly process review as Markdown, for the meeting that reviews the
// process: every figure of the page; charts (Mermaid) where people would
// rather look than read, each followed by its table as the text alternative.
import { FEEDBACK_SCALES } from '@hindsight/protocol';
import { mdText } from '../render/escape.ts';
import { factorLabel } from '@hindsight/doc';
import type { QuarterReport } from './quarter.ts';
import { factorsChart, feedbackChart } from './quarterCharts.ts';

const h = (v: number | null): string => (v === null ? '—' : `${v} h`);
const pct = (v: number | null): string => (v === null ? '—' : `${Math.round(v * 100)} %`);
const cell = (t: string): string => mdText(t.replace(/\s+/g, ' ').trim());

/** `version 2`, `built-in (version 0)`, or `none (before templates)`. */
export const templateName = (v: number | null): string =>
  v === null ? 'none (before templates)' : v === 0 ? 'built-in (version 0)' : `version ${v}`;

/** The quarter as GitHub-flavoured Markdown (ends with a newline). */
export function quarterMarkdown(q: QuarterReport): string {
  const a = q.actions;
  const lines = [
    `# Process review ${q.quarter}`,
    '',
    `_Reviews of incidents from ${q.from} up to ${q.until} (UTC), as Hindsight counts them._`,
    '',
    '## Reviews',
    '',
    '| Figure | Value |',
    '| --- | --- |',
    `| Reviews held | ${q.reviews.held} |`,
    `| Published | ${q.reviews.published} |`,
    `| Median time from incident to first timeline entry | ${h(q.medianHours.toFirstEntry)} |`,
    `| Median time from incident to the meeting | ${h(q.medianHours.toMeeting)} |`,
    `| Median time from incident to publication | ${h(q.medianHours.toPublication)} |`,
    `| Collection started within 24 hours | ${pct(q.collectionWithin24h.share)} (${q.collectionWithin24h.count} of ${q.collectionWithin24h.of}) |`,
    '',
    '## Action items',
    '',
    '| Total | Done | Open | Overdue | Won’t do | Completion |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${a.total} | ${a.done} | ${a.open} | ${a.overdue} | ${a.wontDo} | ${pct(a.completionRate)} |`,
    '',
    '## How participants felt',
    '',
    `_${q.answers} survey ${q.answers === 1 ? 'answer' : 'answers'}; a month with fewer than three shows no means._`,
    '',
    ...feedbackChart(q),
    `| Month | Answers | ${FEEDBACK_SCALES.map((s) => s.question).join(' | ')} |`,
    `| --- | --- | ${FEEDBACK_SCALES.map(() => '---').join(' | ')} |`,
    ...q.feedbackTrend.map(
      (t) =>
        `| ${t.month} | ${t.answers} | ${FEEDBACK_SCALES.map((s) => (t.means[s.key] === null ? '—' : t.means[s.key]!.toFixed(1))).join(' | ')} |`,
    ),
    '',
    '## Most frequent contributing factors',
    '',
    ...factorsChart(q),
    ...(q.factorCategories.length
      ? [
          '| Category | Factors |',
          '| --- | --- |',
          ...q.factorCategories.map((f) => `| ${cell(factorLabel(f.category))} | ${f.count} |`),
        ]
      : ['_No contributing factors marked this quarter._']),
    '',
    '## Repeat incidents',
    '',
    ...(q.repeatIncidents.length
      ? q.repeatIncidents.map(
          (r) =>
            `- ${cell(r.title || r.reviewId)}, after ${r.earlier.map((e) => cell(e.title ?? e.reviewId)).join('; ')}`,
        )
      : ['_No review this quarter links an earlier one._']),
    '',
    '## Template versions in use',
    '',
    ...(q.templateVersions.length
      ? [
          '| Template | Reviews |',
          '| --- | --- |',
          ...q.templateVersions.map((t) => `| ${templateName(t.version)} | ${t.reviews} |`),
        ]
      : ['_No reviews this quarter._']),
    '',
    '## What participants would change',
    '',
    ...(q.whatToChange.length
      ? q.whatToChange.map((t) => `- ${cell(t)}`)
      : [q.answers < 3 ? '_Shown from three answers in the quarter on._' : '_Nobody wrote a change._']),
    '',
  ];
  return `${lines.join('\n')}`;
}
