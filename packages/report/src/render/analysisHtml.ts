// The timeline analysis section as HTML: durations, delays and annotated moments, each a table.
import type { ReportModel } from '../model/types.ts';
import { escapeHtml as h } from './escape.ts';
import { DURATION_LABELS, delayLabel } from './labels.ts';
import { annotationKindLabel, formatDuration } from '@hindsight/doc';
import { formatWhen } from './time.ts';

/** The body of the `#analysis` section. */
export function analysisHtml(m: ReportModel): string {
  const a = m.analysis;
  const d = a.durations;
  const durations = `<h3>Incident durations</h3>
<table class="durations"><thead><tr>${DURATION_LABELS.map(([, label, span]) => `<th scope="col">${h(label)} <span class="note">(${h(span)})</span></th>`).join('')}</tr></thead>
<tbody><tr>${DURATION_LABELS.map(([key]) => `<td class="time">${h(formatDuration(d[key]))}</td>`).join('')}</tr></tbody></table>`;
  const t = a.thresholds;
  const rule = `<p class="note">Flagged: ${formatDuration(t.alertResponseMs)} or more from an alert to the first response, ${formatDuration(t.detectMitigateMs)} or more from detection to mitigation.</p>`;
  const end = (at: number, summary: string | null): string =>
    `<span class="time">${h(formatWhen(at, m.timeZone))}</span>${summary ? `<br>${h(summary)}` : ''}`;
  const delays = a.delays.length
    ? `<table class="delays"><thead><tr><th>Delay</th><th>From</th><th>To</th><th>Length</th></tr></thead>
<tbody>
${a.delays
  .map(
    (x) =>
      `<tr><td>${h(delayLabel(x.kind))}</td><td>${end(x.fromAt, x.from)}</td><td>${x.answered ? end(x.toAt, x.to) : `<span class="empty">no response yet</span> (measured to <span class="time">${h(formatWhen(x.toAt, m.timeZone))}</span>)`}</td><td class="time">${h(formatDuration(x.gapMs))}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '<p class="empty">No delays over the thresholds.</p>';
  const moments = a.moments.length
    ? `<table class="moments"><thead><tr><th>Time</th><th>Annotation</th><th>Entry</th><th>Note</th></tr></thead>
<tbody>
${a.moments
  .map(
    (x) =>
      `<tr><td class="time">${h(formatWhen(x.entryAt, m.timeZone))}</td><td><span class="chip">${h(annotationKindLabel(x.kind))}</span>${x.resolved ? ' (resolved)' : ''}</td><td>${h(x.entrySummary)}</td><td>${x.text.trim() ? h(x.text) : '<span class="empty">no note</span>'}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '<p class="empty">No entry was annotated as a delay, missing information or failed automation.</p>';
  return `${durations}\n<h3>Delays</h3>\n${delays}\n${rule}\n<h3>Annotated moments</h3>\n${moments}`;
}
