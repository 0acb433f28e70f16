// The report's timeline analysis (method step 2): the delays packages/doc finds,
// the moments the group annotated as a delay, missing information or failed
// automation, and the incident durations from the one durations function.
import type * as Y from 'yjs';
import {
  type AnnotationView,
  type EntryView,
  findDelays,
  incidentDurations,
  readDelayThresholds,
  readMeta,
} from '@hindsight/doc';
import type { TimelineAnalysis } from './types.ts';

/** Annotation kinds that belong in the analysis (questions and comments stay with their entries). */
export const ANALYSIS_ANNOTATION_KINDS = ['delay', 'missing_information', 'automation_failed'] as const;
const ANALYSED: ReadonlySet<string> = new Set(ANALYSIS_ANNOTATION_KINDS);

/**
 * The analysis of one review. `entries` is the whole timeline (not only the
 * starred part the report prints), so a delay between two unstarred entries
 * still shows; `annotations` are all of the review's annotations.
 */
export function buildTimelineAnalysis(
  doc: Y.Doc,
  entries: readonly EntryView[],
  annotations: readonly AnnotationView[],
): TimelineAnalysis {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const summaryOf = (id: string | null): string | null => (id === null ? null : (byId.get(id)?.summary ?? null));
  const moments = annotations
    .filter((a) => ANALYSED.has(a.kind) && a.target.type === 'entry' && byId.has(a.target.id))
    .map((a) => {
      const entry = byId.get(a.target.id)!;
      return {
        kind: a.kind,
        entryAt: entry.at,
        entrySummary: entry.summary,
        text: a.text,
        author: a.author,
        resolved: a.resolved,
      };
    })
    .sort((x, y) => x.entryAt - y.entryAt);
  return {
    delays: findDelays(doc).map((d) => ({
      kind: d.kind,
      fromAt: d.fromAt,
      toAt: d.toAt,
      gapMs: d.gapMs,
      from: summaryOf(d.fromEntryId),
      to: summaryOf(d.toEntryId),
      answered: d.toEntryId !== null,
    })),
    thresholds: readDelayThresholds(doc),
    moments,
    durations: incidentDurations(readMeta(doc)),
  };
}
