// Builds the report model from a review document through packages/doc's read
// models; nothing here reads the Y types' layout directly except the rich
// notes, which are converted to a RichNode tree.
import type * as Y from 'yjs';
import {
  FACTOR_CATEGORIES,
  type WhyNodeView,
  flattenWhys,
  findEntryNotes,
  incidentDurations,
  readActionsModel,
  readAnnotations,
  readEarlierReviews,
  readHumanFactors,
  readMeta,
  readNarrative,
  readTimeline,
  readWhysTree,
  roots,
} from '@hindsight/doc';
import { buildTimelineAnalysis } from './analysis.ts';
import { richFromFragment } from './rich.ts';
import { type ReportSections, reportSectionsOf } from '../template/template.ts';
import type { ReportEntry, ReportModel, ReportWhy } from './types.ts';

export interface BuildOptions {
  /** `starred`: starred entries only; `all`; `auto` (default): starred when any entry is starred, else all. */
  timeline?: 'starred' | 'all' | 'auto';
  /** Review id when the document does not carry one. */
  id?: string;
  /** Section titles from the review's template (reportSectionsOf); default: every section, built-in titles. */
  sections?: ReportSections;
  /**
   * When given, the only titles the earlier reviews get (the server's, for the ones
   * whose pasted link is still valid; the others show their id). Without it, the
   * titles written in the document.
   */
  earlierTitles?: ReadonlyMap<string, string>;
}

function whyTree(nodes: WhyNodeView[]): ReportWhy[] {
  return nodes.map((n) => ({
    id: n.id,
    text: n.text,
    status: n.status,
    factor: n.factor,
    evidence: n.evidence,
    children: whyTree(n.children),
  }));
}

function plainNotes(text: string): ReportEntry['notes'] {
  return text.length === 0
    ? []
    : text.split('\n').map((line) => ({
        type: 'element' as const,
        name: 'paragraph',
        children: line ? [{ type: 'text' as const, text: line, marks: {} }] : [],
      }));
}

/** The whole report as plain data, in the method's order. */
export function buildReportModel(doc: Y.Doc, options: BuildOptions = {}): ReportModel {
  const meta = readMeta(doc);
  const all = readTimeline(doc);
  const scope =
    options.timeline === 'all' || options.timeline === 'starred'
      ? options.timeline
      : all.some((e) => e.starred)
        ? 'starred'
        : 'all';
  const picked = scope === 'starred' ? all.filter((e) => e.starred) : all;
  const annotations = readAnnotations(doc);
  const byTarget = new Map<string, ReportEntry['annotations']>();
  for (const a of annotations) {
    if (a.target.type !== 'entry' || !a.targetExists) continue;
    const list = byTarget.get(a.target.id) ?? [];
    list.push({ kind: a.kind, text: a.text, author: a.author, resolved: a.resolved });
    byTarget.set(a.target.id, list);
  }
  const entries: ReportEntry[] = picked.map((e) => {
    // An entry without a notes fragment (SPEC 3.4's minimal entry) or with plain-string notes reads as text.
    const fragment = findEntryNotes(doc, e.id);
    const notes: ReportEntry['notes'] = fragment ? richFromFragment(fragment) : plainNotes(e.notes);
    return {
      id: e.id,
      at: e.at,
      precision: e.precision,
      approxMinutes: e.approxMinutes,
      kind: e.kind,
      summary: e.summary,
      notes,
      tags: e.tags,
      source: e.source,
      starred: e.starred,
      createdBy: e.createdBy,
      author: e.author,
      annotations: byTarget.get(e.id) ?? [],
    };
  });
  const tree = readWhysTree(doc);
  const flat = flattenWhys(tree);
  const textOf = new Map(flat.map((n) => [n.id, n.text]));
  const categories = new Map<string, { id: string; text: string; status: string }[]>();
  for (const n of flat) {
    if (n.factor === null) continue;
    const list = categories.get(n.factor) ?? [];
    list.push({ id: n.id, text: n.text, status: n.status });
    categories.set(n.factor, list);
  }
  const standard: readonly string[] = FACTOR_CATEGORIES;
  const order = [
    ...standard.filter((c) => categories.has(c)),
    ...[...categories.keys()].filter((c) => !standard.includes(c)).sort(),
  ];
  const actions = readActionsModel(doc);
  const narrative = readNarrative(doc);
  const people: string[] = [];
  const seen = (name: string | null): void => {
    if (name && name.trim() && !people.includes(name.trim())) people.push(name.trim());
  };
  // Authors of imported entries are not added here: importers declare the people
  // they found (recordPeople), and a bot's name is not a person's.
  for (const e of all) seen(e.createdBy);
  for (const a of annotations) seen(a.author);
  for (const a of actions.items) seen(a.owner);
  const m = meta.markers;
  return {
    id: options.id ?? meta.id ?? '',
    sections: options.sections ?? reportSectionsOf(null),
    title: meta.title,
    severity: meta.severity,
    status: meta.status,
    timeZone: meta.timeZone,
    createdAt: meta.createdAt,
    publishedAt: meta.publishedAt,
    markers: m,
    durations: incidentDurations(meta),
    summary: richFromFragment(roots(doc).report),
    impact: narrative.impact,
    timeline: { scope, total: all.length, entries },
    analysis: buildTimelineAnalysis(doc, all, annotations),
    whys: whyTree(tree),
    factors: order.map((category) => ({ category, items: categories.get(category) ?? [] })),
    humanFactors: readHumanFactors(doc).map((q) => ({ id: q.id, prompt: q.prompt, answer: q.answer })),
    narrative: { wentWell: narrative.wentWell, wentWrong: narrative.wentWrong, gotLucky: narrative.gotLucky },
    actions: {
      items: actions.items.map((a) => ({
        id: a.id,
        title: a.title,
        owner: a.owner,
        due: a.due,
        priority: a.priority,
        status: a.status,
        impactLevel: a.impact,
        effortLevel: a.effort,
        link: a.link,
        factors: a.factorIds.map((id) => textOf.get(id) ?? '').filter((t) => t.length > 0),
      })),
      total: actions.items.length,
      openCount: actions.openCount,
      doneCount: actions.items.filter((a) => a.status === 'done').length,
      overLimit: actions.overLimit,
      factorsWithoutAction: actions.factorsWithoutAction.map((id) => textOf.get(id) ?? '').filter((t) => t.length > 0),
    },
    earlierReviews: readEarlierReviews(doc).map((r) => ({
      reviewId: r.reviewId,
      title: options.earlierTitles ? (options.earlierTitles.get(r.reviewId) ?? null) : r.title,
    })),
    people,
  };
}
