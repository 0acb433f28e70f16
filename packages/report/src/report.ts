// One call from a review document to a finished report: build the model,
// optionally anonymise it with the review's own redaction settings, render.
import type * as Y from 'yjs';
import { readRedactions } from '@hindsight/doc';
import { type AnonymiseOptions, type Change, type Participant, anonymise } from './anonymise/anonymise.ts';
import { reviewNames } from './blameless/checkReview.ts';
import { type BuildOptions, buildReportModel } from './model/build.ts';
import type { ReportModel } from './model/types.ts';
import { renderHtml } from './render/html.ts';
import { renderMarkdown } from './render/markdown.ts';

/** What the anonymiser should hide for this review: its redactions plus the names the document holds. */
export function reviewAnonymiseOptions(doc: Y.Doc, extra: AnonymiseOptions = {}): Required<AnonymiseOptions> {
  const redactions = readRedactions(doc);
  const participants: Participant[] = [
    ...(extra.participants ?? []),
    ...redactions.filter((r) => r.kind === 'name').map((r) => ({ name: r.term, role: r.role })),
    ...reviewNames(doc).map((name) => ({ name, role: 'responder' })),
  ];
  const extraTerms = [...(extra.extraTerms ?? []), ...redactions.filter((r) => r.kind === 'term').map((r) => r.term)];
  return { participants, extraTerms };
}

export interface ExportOptions extends BuildOptions {
  format: 'md' | 'html';
  /** Anonymise with the review's redactions plus these; false (default) keeps names. */
  anonymise?: AnonymiseOptions | boolean;
}

export interface ExportedReport {
  body: string;
  model: ReportModel;
  /** The anonymiser's changes (empty when not anonymised). */
  changes: Change[];
}

/** Builds, optionally anonymises, and renders the review's report. */
export function exportReport(doc: Y.Doc, options: ExportOptions): ExportedReport {
  let model = buildReportModel(doc, options);
  let changes: Change[] = [];
  if (options.anonymise) {
    const result = anonymise(model, reviewAnonymiseOptions(doc, options.anonymise === true ? {} : options.anonymise));
    model = result.model;
    changes = result.changes;
  }
  return { body: options.format === 'md' ? renderMarkdown(model) : renderHtml(model), model, changes };
}
