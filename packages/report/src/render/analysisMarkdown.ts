// The timeline analysis section as Markdown: durations, delays and annotated moments, each a table.
import type { ReportModel } from '../model/types.ts';
import { mdLines, mdText } from './escape.ts';
import { DURATION_LABELS, delayLabel } from './labels.ts';
import { annotationKindLabel, formatDuration } from '@hindsight/doc';
import { formatWhen } from './time.ts';

const cell = (text: string): string => mdLines(text.replace(/\s+/g, ' ').trim(), { cell: true });

/** `## Timeline analysis` with its three parts; an empty part says so instead of vanishing. */
export function analysisMarkdown(m: ReportModel): string[] {
  const a = m.analysis;
  const d = a.durations;
  if (m.sections.analysis === null) return [];
  const out = [`## ${m.sections.analysis}`, '', '### Incident durations', ''];
  out.push(
    `| ${DURATION_LABELS.map(([, label, span]) => `${label} (${span})`).join(' | ')} |`,
    `| ${DURATION_LABELS.map(() => '---').join(' | ')} |`,
    `| ${DURATION_LABELS.map(([key]) => formatDuration(d[key])).join(' | ')} |`,
    '',
    '### Delays',
    '',
  );
  const t = a.thresholds;
  const rule = `_Flagged: ${formatDuration(t.alertResponseMs)} or more from an alert to the first response, ${formatDuration(t.detectMitigateMs)} or more from detection to mitigation._`;
  if (a.delays.length === 0) out.push('_No delays over the thresholds._', '', rule, '');
  else {
    out.push('| Delay | From | To | Length |', '| --- | --- | --- | --- |');
    for (const x of a.delays) {
      const from = `${formatWhen(x.fromAt, m.timeZone)}${x.from ? `<br>${cell(x.from)}` : ''}`;
      const to = x.answered
        ? `${formatWhen(x.toAt, m.timeZone)}${x.to ? `<br>${cell(x.to)}` : ''}`
        : `_no response yet_ (measured to ${formatWhen(x.toAt, m.timeZone)})`;
      out.push(`| ${delayLabel(x.kind)} | ${from} | ${to} | ${formatDuration(x.gapMs)} |`);
    }
    out.push('', rule, '');
  }
  out.push('### Annotated moments', '');
  if (a.moments.length === 0)
    return [...out, '_No entry was annotated as a delay, missing information or failed automation._', ''];
  out.push('| Time | Annotation | Entry | Note |', '| --- | --- | --- | --- |');
  for (const x of a.moments) {
    out.push(
      `| ${formatWhen(x.entryAt, m.timeZone)} | ${mdText(annotationKindLabel(x.kind))}${x.resolved ? ' (resolved)' : ''} | ${cell(x.entrySummary)} | ${cell(x.text) || '_no note_'} |`,
    );
  }
  return [...out, ''];
}
