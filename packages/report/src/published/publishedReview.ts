// The published review as a later reader gets it: the last publication's
// document, anonymised with the review's own settings (its pseudonyms fixed
// at the first publication), as the report HTML plus plain data for the
// incident replay. Nothing here reads the live document.
import type * as Y from 'yjs';
import type { DelayThresholds, IncidentMarker } from '@hindsight/doc';
import { anonymise, type AnonymiseOptions } from '../anonymise/anonymise.ts';
import { buildReportModel } from '../model/build.ts';
import { richText } from '../model/rich.ts';
import type { ReportModel, ReportWhy } from '../model/types.ts';
import { renderHtml } from '../render/html.ts';
import { reviewAnonymiseOptions } from '../report.ts';
import type { ReportSections } from '../template/template.ts';

/** One timeline entry of the published review (anonymised; no author, no recorder). */
export interface PublishedEntry {
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  precision: string;
  approxMinutes: number | null;
  kind: string;
  summary: string;
  /** Plain text. */
  notes: string;
  tags: string[];
  starred: boolean;
}

/** The published, anonymised review as JSON: the shape of `export.json` for a reader link. */
export interface PublishedExport {
  id: string;
  title: string;
  status: string;
  severity: string | null;
  startedAt: string | null;
  markers: Record<IncidentMarker, string | null>;
  timeZone: string;
  publishedAt: string | null;
  /** Every entry, sorted by time. */
  timeline: PublishedEntry[];
  whys: { id: string; parentId: string | null; text: string; factor: string | null; status: string }[];
  actions: {
    id: string;
    title: string;
    owner: string | null;
    due: string | null;
    priority: string | null;
    status: string;
  }[];
  humanFactors: { id: string; prompt: string; answer: string }[];
}

export interface PublishedReview {
  /** The anonymised report as one self-contained HTML page. */
  html: string;
  review: PublishedExport;
  /** The review's delay thresholds, for the replay's delays. */
  thresholds: DelayThresholds;
  /** `earlierTexts` anonymised like the review, in their order. */
  earlierTexts: string[];
}

const iso = (ms: number | null): string | null =>
  ms === null || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15 ? null : new Date(ms).toISOString();

function flatWhys(nodes: ReportWhy[], parentId: string | null, out: PublishedExport['whys']): PublishedExport['whys'] {
  for (const n of nodes) {
    out.push({ id: n.id, parentId, text: n.text, factor: n.factor, status: n.status });
    flatWhys(n.children, n.id, out);
  }
  return out;
}

/** The JSON shape of an (already anonymised) report model. */
export function publishedExport(model: ReportModel): PublishedExport {
  return {
    id: model.id,
    title: model.title,
    status: model.status,
    severity: model.severity,
    startedAt: iso(model.markers.started),
    markers: Object.fromEntries(Object.entries(model.markers).map(([k, v]) => [k, iso(v)])) as Record<
      IncidentMarker,
      string | null
    >,
    timeZone: model.timeZone,
    publishedAt: iso(model.publishedAt),
    timeline: model.timeline.entries.map((e) => ({
      id: e.id,
      at: iso(e.at) ?? new Date(0).toISOString(),
      precision: e.precision,
      approxMinutes: e.approxMinutes,
      kind: e.kind,
      summary: e.summary,
      notes: richText(e.notes),
      tags: e.tags,
      starred: e.starred,
    })),
    whys: flatWhys(model.whys, null, []),
    actions: model.actions.items.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      due: a.due,
      priority: a.priority,
      status: a.status,
    })),
    humanFactors: model.humanFactors,
  };
}

/**
 * The published review from a publication's document: the report (the
 * timeline as the report shows it, with the `sections` of the review's
 * template version) and every entry for the replay, both anonymised the same way.
 * `earlierTitles`: the earlier reviews the reader may see named (the others show their id).
 * `earlierTexts`: what the page shows of those earlier reviews beside the report
 * (titles, unfinished actions), anonymised with the review's own people so that
 * a reader gets no names from them either.
 */
export function publishedReview(
  doc: Y.Doc,
  id: string,
  extra: AnonymiseOptions = {},
  sections?: ReportSections,
  earlierTitles?: ReadonlyMap<string, string>,
  earlierTexts: readonly string[] = [],
): PublishedReview {
  const options = reviewAnonymiseOptions(doc, extra);
  const report = anonymise(buildReportModel(doc, { id, sections, earlierTitles }), options).model;
  // The earlier texts ride along as extra earlier reviews, after the real ones, and are split off again.
  const model = buildReportModel(doc, { id, timeline: 'all', earlierTitles });
  const linked = model.earlierReviews.length;
  const carried = [...model.earlierReviews, ...earlierTexts.map((title) => ({ reviewId: '', title }))];
  const anonymised = anonymise({ ...model, earlierReviews: carried }, options).model;
  const full = { ...anonymised, earlierReviews: anonymised.earlierReviews.slice(0, linked) };
  return {
    html: renderHtml(report),
    review: publishedExport(full),
    thresholds: full.analysis.thresholds,
    earlierTexts: anonymised.earlierReviews.slice(linked).map((r) => r.title ?? ''),
  };
}
