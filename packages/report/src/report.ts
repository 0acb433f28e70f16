// One call from a review document to a finished report: build the model,
// optionally anonymise it with the review's own redaction settings, render.
import type * as Y from 'yjs';
import {
  type OpContext,
  type PersonRecord,
  fixPseudonyms,
  readPeople,
  readPseudonyms,
  readRedactions,
} from '@hindsight/doc';
import { type AnonymiseOptions, type Change, type Participant, anonymise } from './anonymise/anonymise.ts';
import type { PersonSource } from './anonymise/people.ts';
import { reviewNames } from './blameless/checkReview.ts';
import { type BuildOptions, buildReportModel } from './model/build.ts';
import type { ReportModel } from './model/types.ts';
import { renderHtml } from './render/html.ts';
import { renderMarkdown } from './render/markdown.ts';

/** A directory record (a Slack user) as the anonymiser's person source. */
function personSource(p: PersonRecord): PersonSource {
  const id = /^slack:([UW][A-Z0-9]+)$/.exec(p.key)?.[1];
  return {
    names: [p.realName, p.displayName].filter((n): n is string => n !== undefined),
    handles: p.handle ? [p.handle] : [],
    emails: p.email ? [p.email] : [],
    ids: id ? [id] : [],
    title: p.title ?? null,
    bot: p.bot === true,
  };
}

/**
 * What the anonymiser should hide for this review and how: the named links
 * (`extra.participants`), the names the document holds, its people directory
 * (imports), its redactions ("Also hide" names last, so adding one re-letters
 * no one), the words marked "not a person", and the pseudonyms fixed at its
 * first publication.
 */
export function reviewAnonymiseOptions(doc: Y.Doc, extra: AnonymiseOptions = {}): Required<AnonymiseOptions> {
  const redactions = readRedactions(doc);
  const participants: Participant[] = [
    ...(extra.participants ?? []),
    // reviewNames also holds the "Also hide" names: those come last (below) so adding one re-letters no one.
    ...reviewNames(doc)
      .filter((n) => !redactions.some((r) => r.term.toLowerCase() === n.toLowerCase()))
      .map((name) => ({ name, role: 'responder' })),
  ];
  const people: PersonSource[] = [
    ...(extra.people ?? []),
    ...readPeople(doc).map(personSource),
    ...redactions.filter((r) => r.kind === 'name').map((r) => ({ names: [r.term], role: r.role })),
  ];
  const extraTerms = [...(extra.extraTerms ?? []), ...redactions.filter((r) => r.kind === 'term').map((r) => r.term)];
  const notPeople = [...(extra.notPeople ?? []), ...redactions.filter((r) => r.kind === 'keep').map((r) => r.term)];
  return { participants, people, extraTerms, notPeople, fixed: { ...readPseudonyms(doc), ...extra.fixed } };
}

/**
 * Fixes the review's pseudonyms in the document (at publication): everyone
 * the anonymised report names keeps the pseudonym they have now in every
 * later version; only people new since the last publication are added.
 */
export function fixReviewPseudonyms(
  doc: Y.Doc,
  extra: AnonymiseOptions,
  ctx: OpContext,
  build: BuildOptions = {},
): number {
  const { assigned } = anonymise(
    buildReportModel(doc, { ...build, timeline: 'all' }),
    reviewAnonymiseOptions(doc, extra),
  );
  return fixPseudonyms(doc, assigned, ctx);
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
