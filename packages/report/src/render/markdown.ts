// The report as GitHub-flavoured Markdown, in the method's order. Every piece
// of user text is escaped (mdText/mdLines) so it renders literally and no raw
// HTML or link a participant typed becomes live.
import type { ReportModel, ReportWhy } from '../model/types.ts';
import { analysisMarkdown } from './analysisMarkdown.ts';
import { richToMarkdown } from './richMarkdown.ts';
import { mdLines, mdLink, mdText } from './escape.ts';
import { actionStatusLabel, annotationKindLabel, factorLabel } from '@hindsight/doc';
import { MARKER_LABELS } from './labels.ts';
import type { ReportSectionId } from '../template/template.ts';
import { formatWhen } from './time.ts';
import { durationsLine } from './labels.ts';

const para = (text: string, empty = '_Not written yet._'): string => (text.trim() ? mdLines(text.trim()) : empty);

function header(m: ReportModel): string[] {
  const facts = [
    m.severity ? `**Severity:** ${mdText(m.severity)}` : null,
    `**Status:** ${m.status}`,
    m.publishedAt !== null ? `**Published:** ${formatWhen(m.publishedAt, m.timeZone)}` : null,
    `**Time zone:** ${mdText(m.timeZone)}`,
  ].filter((f): f is string => f !== null);
  return [`# ${mdText(m.title || 'Untitled review')}`, '', facts.join(' · ')];
}

function summary(m: ReportModel): string[] {
  const out = [`## ${m.sections.summary}`, '', m.summary.length ? richToMarkdown(m.summary) : '_No summary yet._', ''];
  out.push('### Impact', '', para(m.impact), '');
  const rows = (Object.keys(MARKER_LABELS) as (keyof typeof MARKER_LABELS)[])
    .filter((k) => m.markers[k] !== null)
    .map((k) => `| ${MARKER_LABELS[k]} | ${formatWhen(m.markers[k]!, m.timeZone)} |`);
  if (rows.length > 0) out.push('| Milestone | Time |', '| --- | --- |', ...rows, '');
  const d = m.durations;
  if (d.detect !== null || d.resolve !== null) {
    out.push(`${durationsLine(d)}`, '');
  }
  return out;
}

function timeline(m: ReportModel): string[] {
  const t = m.timeline;
  const out = [`## ${m.sections.timeline}`, ''];
  out.push(
    t.scope === 'starred' ? `_Starred entries: ${t.entries.length} of ${t.total}._` : `_All ${t.total} entries._`,
    '',
  );
  if (t.entries.length === 0) return [...out, '_No entries._', ''];
  out.push('| Time | Kind | What happened | Notes |', '| --- | --- | --- | --- |');
  for (const e of t.entries) {
    const approx = e.precision === 'approximate' && e.approxMinutes !== null ? ` ±${e.approxMinutes} min` : '';
    const what = [mdLines(e.summary, { cell: true })];
    if (e.source.url) what.push(mdLink(e.source.ref ?? 'source', e.source.url));
    if (e.tags.length) what.push(e.tags.map((tag) => `\`${tag.replace(/[`|]/g, '')}\``).join(' '));
    const notes = [richToMarkdown(e.notes, { cell: true })];
    for (const a of e.annotations) notes.push(`**${annotationKindLabel(a.kind)}:** ${mdLines(a.text, { cell: true })}`);
    out.push(
      `| ${formatWhen(e.at, m.timeZone)}${approx} | ${mdLines(e.kind, { cell: true })} | ${what.filter(Boolean).join('<br>')} | ${notes.filter(Boolean).join('<br>')} |`,
    );
  }
  return [...out, ''];
}

function whyLines(nodes: readonly ReportWhy[], depth: number): string[] {
  return nodes.flatMap((n) => {
    const tags = [
      n.status !== 'hypothesis' ? n.status : null,
      n.factor ? `factor: ${mdText(factorLabel(n.factor))}` : null,
    ].filter(Boolean);
    const line = `${'  '.repeat(depth)}- ${mdText(n.text.replace(/\s+/g, ' ').trim() || '(empty)')}${tags.length ? ` _(${tags.join(', ')})_` : ''}`;
    return [line, ...whyLines(n.children, depth + 1)];
  });
}

function whys(m: ReportModel): string[] {
  return [`## ${m.sections.whys}`, '', ...(m.whys.length ? whyLines(m.whys, 0) : ['_No whys yet._']), ''];
}

function factors(m: ReportModel): string[] {
  const out = [`## ${m.sections.factors}`, ''];
  if (m.factors.length === 0) out.push('_No contributing factors marked._', '');
  for (const group of m.factors) {
    out.push(
      `### ${mdText(factorLabel(group.category))}`,
      '',
      ...group.items.map((f) => `- ${mdText(f.text.replace(/\s+/g, ' '))}`),
      '',
    );
  }
  return out;
}

function humanFactors(m: ReportModel): string[] {
  const out = [`## ${m.sections.humanFactors}`, ''];
  for (const q of m.humanFactors) out.push(`**${mdText(q.prompt)}**`, '', para(q.answer, '_No answer._'), '');
  return out;
}

const narrative =
  (key: 'wentWell' | 'wentWrong' | 'gotLucky') =>
  (m: ReportModel): string[] => [`## ${m.sections[key]}`, '', para(m.narrative[key]), ''];

function actions(m: ReportModel): string[] {
  const a = m.actions;
  const out = [`## ${m.sections.actions}`, '', `${a.openCount} open · ${a.doneCount} done · ${a.total} in total`, ''];
  if (a.items.length === 0) return [...out, '_No action items._', ''];
  out.push('| Priority | Action | Owner | Due | Status | Addresses |', '| --- | --- | --- | --- | --- | --- |');
  for (const i of a.items) {
    const title = i.link ? mdLink(i.title, i.link) : mdText(i.title);
    out.push(
      `| ${i.priority ?? '–'} | ${title} | ${i.owner ? mdText(i.owner) : '_unassigned_'} | ${i.due ?? '–'} | ${actionStatusLabel(i.status)} | ${i.factors.map((f) => mdText(f.replace(/\s+/g, ' '))).join('<br>')} |`,
    );
  }
  out.push('');
  if (a.factorsWithoutAction.length) {
    out.push(`Factors without an action: ${a.factorsWithoutAction.map((f) => mdText(f)).join('; ')}`, '');
  }
  return out;
}

function earlier(m: ReportModel): string[] {
  if (m.earlierReviews.length === 0) return [];
  return [
    `## ${m.sections.earlier}`,
    '',
    ...m.earlierReviews.map((r) => {
      const id = `\`${r.reviewId.replace(/[`|]/g, '')}\``;
      return r.title === null ? `- ${id}` : `- ${mdText(r.title)} (${id})`;
    }),
    '',
  ];
}

/** The sections in the method's order; the review's template may leave some out. */
const SECTIONS: [ReportSectionId, (m: ReportModel) => string[]][] = [
  ['summary', summary],
  ['timeline', timeline],
  ['analysis', analysisMarkdown],
  ['whys', whys],
  ['factors', factors],
  ['humanFactors', humanFactors],
  ['wentWell', narrative('wentWell')],
  ['wentWrong', narrative('wentWrong')],
  ['gotLucky', narrative('gotLucky')],
  ['actions', actions],
  ['earlier', earlier],
];

/** The report as GitHub-flavoured Markdown (ends with a newline). */
export function renderMarkdown(model: ReportModel): string {
  const lines = [
    ...header(model),
    '',
    ...SECTIONS.flatMap(([id, render]) => (model.sections[id] === null ? [] : render(model))),
    `---`,
    '',
    `_Blameless learning review exported by Hindsight (review \`${model.id.replace(/[`|]/g, '')}\`)._`,
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
