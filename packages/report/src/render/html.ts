// The report as one self-contained HTML file: inline CSS, no scripts, no
// external resources, and a Content-Security-Policy that forbids scripts even
// if something slipped through. User text is escaped; rich text is sanitized.
import type { ReportModel, ReportWhy } from '../model/types.ts';
import { analysisHtml } from './analysisHtml.ts';
import { REPORT_CSS } from './css.ts';
import { escapeHtml as h, safeUrl } from './escape.ts';
import { actionStatusLabel, annotationKindLabel, factorLabel } from '@hindsight/doc';
import { MARKER_LABELS } from './labels.ts';
import { richToHtml } from './richHtml.ts';
import { formatWhen } from './time.ts';
import { durationsLine } from './labels.ts';

/** The CSP of the exported file: styles inline, nothing else may load or run. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const paras = (text: string, empty = 'Not written yet.'): string =>
  text.trim()
    ? text
        .trim()
        .split(/\n\s*\n/)
        .map((p) => `<p>${h(p).replace(/\n/g, '<br>')}</p>`)
        .join('\n')
    : `<p class="empty">${empty}</p>`;

const link = (text: string, url: string | null): string => {
  const href = safeUrl(url);
  return href === null ? h(text) : `<a href="${h(href)}" rel="noopener noreferrer nofollow">${h(text)}</a>`;
};

/** A section, or nothing when the review's template leaves it out (title null). */
const section = (id: string, title: string | null, body: string): string =>
  title === null ? '' : `<section id="${id}">\n<h2>${h(title)}</h2>\n${body}\n</section>`;

function summary(m: ReportModel): string {
  const rows = (Object.keys(MARKER_LABELS) as (keyof typeof MARKER_LABELS)[])
    .filter((k) => m.markers[k] !== null)
    .map(
      (k) =>
        `<tr><th scope="row">${MARKER_LABELS[k]}</th><td class="time">${h(formatWhen(m.markers[k]!, m.timeZone))}</td></tr>`,
    );
  const d = m.durations;
  return [
    m.summary.length ? richToHtml(m.summary) : '<p class="empty">No summary yet.</p>',
    '<h3>Impact</h3>',
    paras(m.impact),
    rows.length ? `<table class="markers"><tbody>${rows.join('')}</tbody></table>` : '',
    d.detect !== null || d.resolve !== null ? `<p class="note">${durationsLine(d)}</p>` : '',
  ].join('\n');
}

function timeline(m: ReportModel): string {
  const t = m.timeline;
  const note = `<p class="note">${t.scope === 'starred' ? `Starred entries: ${t.entries.length} of ${t.total}.` : `All ${t.total} entries.`}</p>`;
  if (t.entries.length === 0) return `${note}\n<p class="empty">No entries.</p>`;
  const rows = t.entries.map((e) => {
    const approx = e.precision === 'approximate' && e.approxMinutes !== null ? ` ±${e.approxMinutes} min` : '';
    const source = e.source.url ? `<div class="note">${link(e.source.ref ?? 'source', e.source.url)}</div>` : '';
    const tags = e.tags.length
      ? `<div>${e.tags.map((tag) => `<span class="chip">${h(tag)}</span>`).join(' ')}</div>`
      : '';
    const notes = richToHtml(e.notes);
    const annotations = e.annotations
      .map((a) => `<p class="annotation"><strong>${h(annotationKindLabel(a.kind))}:</strong> ${h(a.text)}</p>`)
      .join('');
    return `<tr><td class="time">${h(formatWhen(e.at, m.timeZone))}${approx}</td><td><span class="chip">${h(e.kind)}</span></td><td>${h(e.summary).replace(/\n/g, '<br>')}${source}${tags}</td><td>${notes}${annotations}</td></tr>`;
  });
  return `${note}\n<table class="timeline"><thead><tr><th>Time</th><th>Kind</th><th>What happened</th><th>Notes</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function whys(nodes: readonly ReportWhy[]): string {
  const items = nodes.map((n) => {
    const chips = [
      n.status !== 'hypothesis' ? `<span class="chip ${h(n.status)}">${h(n.status)}</span>` : '',
      n.factor ? `<span class="chip">factor: ${h(factorLabel(n.factor))}</span>` : '',
    ].join(' ');
    return `<li>${h(n.text.trim() || '(empty)')} ${chips}${n.children.length ? whys(n.children) : ''}</li>`;
  });
  return `<ul class="whys">${items.join('')}</ul>`;
}

function analysis(m: ReportModel): string[] {
  const factors = m.factors.length
    ? m.factors
        .map(
          (g) =>
            `<h3>${h(factorLabel(g.category))}</h3><ul>${g.items.map((f) => `<li>${h(f.text)}</li>`).join('')}</ul>`,
        )
        .join('\n')
    : '<p class="empty">No contributing factors marked.</p>';
  const qa = m.humanFactors.map((q) => `<dt>${h(q.prompt)}</dt><dd>${paras(q.answer, 'No answer.')}</dd>`).join('\n');
  return [
    section('whys', m.sections.whys, m.whys.length ? whys(m.whys) : '<p class="empty">No whys yet.</p>'),
    section('factors', m.sections.factors, factors),
    section('human-factors', m.sections.humanFactors, `<dl class="qa">${qa}</dl>`),
  ];
}

function actions(m: ReportModel): string {
  const a = m.actions;
  const head = `<p class="note">${a.openCount} open · ${a.doneCount} done · ${a.total} in total</p>`;
  if (a.items.length === 0) return `${head}\n<p class="empty">No action items.</p>`;
  const rows = a.items.map(
    (i) =>
      `<tr><td>${h(i.priority ?? '–')}</td><td>${link(i.title, i.link)}</td><td>${i.owner ? h(i.owner) : '<span class="empty">unassigned</span>'}</td><td class="time">${h(i.due ?? '–')}</td><td><span class="chip ${h(i.status)}">${h(actionStatusLabel(i.status))}</span></td><td>${i.factors.map((f) => h(f)).join('<br>')}</td></tr>`,
  );
  const uncovered = a.factorsWithoutAction.length
    ? `<p class="note">Factors without an action: ${a.factorsWithoutAction.map((f) => h(f)).join('; ')}</p>`
    : '';
  return `${head}\n<table class="actions"><thead><tr><th>Priority</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Addresses</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>${uncovered}`;
}

/** The report as a complete, self-contained HTML document. */
export function renderHtml(model: ReportModel): string {
  const m = model;
  const title = m.title || 'Untitled review';
  const facts = [
    m.severity ? `<li><strong>Severity</strong> ${h(m.severity)}</li>` : '',
    `<li><strong>Status</strong> ${h(m.status)}</li>`,
    m.publishedAt !== null ? `<li><strong>Published</strong> ${h(formatWhen(m.publishedAt, m.timeZone))}</li>` : '',
    `<li><strong>Time zone</strong> ${h(m.timeZone)}</li>`,
  ].join('');
  const earlier = m.earlierReviews.length
    ? section(
        'earlier',
        m.sections.earlier,
        `<ul>${m.earlierReviews.map((r) => `<li>${r.title === null ? '' : `${h(r.title)} `}<code>${h(r.reviewId)}</code></li>`).join('')}</ul>`,
      )
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Hindsight">
<title>${h(title)} – learning review</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${h(title)}</h1>
<ul class="facts">${facts}</ul>
</header>
${section('summary', m.sections.summary, summary(m))}
${section('timeline', m.sections.timeline, timeline(m))}
${section('analysis', m.sections.analysis, analysisHtml(m))}
${analysis(m).join('\n')}
${section('went-well', m.sections.wentWell, paras(m.narrative.wentWell))}
${section('went-wrong', m.sections.wentWrong, paras(m.narrative.wentWrong))}
${section('got-lucky', m.sections.gotLucky, paras(m.narrative.gotLucky))}
${section('actions', m.sections.actions, actions(m))}
${earlier}
<footer>Blameless learning review exported by Hindsight (review <code>${h(m.id)}</code>).</footer>
</main>
</body>
</html>
`;
}
