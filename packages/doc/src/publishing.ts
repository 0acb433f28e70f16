// What the facilitator sets up for publishing: extra names and terms to redact
// in the anonymised report, and links to earlier reviews of related (repeat)
// incidents. Root Y.Maps of flat records with deterministic keys.
import * as Y from 'yjs';
import { type OpContext, PublishingRoot, type RecordMap, origin } from './schema.ts';
import { label, oneOf } from './validate.ts';

/** Declared in schema.ts with every other root; re-exported for importers of this module. */
export { PublishingRoot } from './schema.ts';

/**
 * `name`: a person (pseudonymised by role); `term`: anything else to hide
 * (replaced by [redacted]); `keep`: a word the anonymiser suspected to be a
 * name that the facilitator says is not a person (left in place, no longer flagged).
 */
export const REDACTION_KINDS = ['name', 'term', 'keep'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export interface RedactionView {
  term: string;
  kind: RedactionKind;
  /** For names: the person's role in the incident (e.g. `responder`, `facilitator`); null = responder. */
  role: string | null;
  by: string | null;
  at: number;
}

export interface EarlierReviewView {
  reviewId: string;
  /** Title as known when linked (the server may show the current one). */
  title: string | null;
  by: string | null;
  at: number;
}

const str = (m: RecordMap, k: string): string | null => {
  const v = m.get(k);
  return typeof v === 'string' && v.length > 0 ? v : null;
};
const num = (m: RecordMap, k: string): number => {
  const v = m.get(k);
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};
const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Adds a name or term the anonymised report must hide. Keyed by the lower-cased term. */
export function addRedaction(
  doc: Y.Doc,
  input: { term: string; kind: RedactionKind; role?: string },
  ctx: OpContext,
): void {
  const term = label('term', input.term, 120);
  const kind = oneOf('redaction kind', REDACTION_KINDS, input.kind);
  const role = input.role === undefined ? null : label('role', input.role, 40).toLowerCase();
  doc.transact(
    () => {
      const rec: RecordMap = new Y.Map();
      doc.getMap<RecordMap>(PublishingRoot.redactions).set(term.toLowerCase(), rec);
      rec.set('term', term);
      rec.set('kind', kind);
      if (role !== null) rec.set('role', role);
      rec.set('by', ctx.actor ?? null);
      rec.set('at', ctx.now());
    },
    origin('addRedaction', ctx),
  );
}

/** Removes a redaction by its term (any case). */
export function removeRedaction(doc: Y.Doc, term: string, ctx: OpContext): void {
  const key = String(term).trim().toLowerCase();
  doc.transact(() => doc.getMap(PublishingRoot.redactions).delete(key), origin('removeRedaction', ctx));
}

/** Redactions sorted by term. */
export function readRedactions(doc: Y.Doc): RedactionView[] {
  const out: RedactionView[] = [];
  doc.getMap<RecordMap>(PublishingRoot.redactions).forEach((rec) => {
    if (!(rec instanceof Y.Map)) return;
    const term = str(rec, 'term');
    if (term === null) return;
    out.push({
      term,
      kind: (REDACTION_KINDS as readonly unknown[]).includes(rec.get('kind'))
        ? (rec.get('kind') as RedactionKind)
        : 'term',
      role: str(rec, 'role'),
      by: str(rec, 'by'),
      at: num(rec, 'at'),
    });
  });
  return out.sort(byKey((r) => r.term.toLowerCase()));
}

/** Links an earlier review (a repeat or related incident) by its id. */
export function linkEarlierReview(doc: Y.Doc, input: { reviewId: string; title?: string }, ctx: OpContext): void {
  const reviewId = label('review id', input.reviewId, 100);
  const title = input.title === undefined ? null : label('title', input.title, 200);
  doc.transact(
    () => {
      const rec: RecordMap = new Y.Map();
      doc.getMap<RecordMap>(PublishingRoot.earlierReviews).set(reviewId, rec);
      rec.set('reviewId', reviewId);
      if (title !== null) rec.set('title', title);
      rec.set('by', ctx.actor ?? null);
      rec.set('at', ctx.now());
    },
    origin('linkEarlierReview', ctx),
  );
}

/** Removes the link to an earlier review. */
export function unlinkEarlierReview(doc: Y.Doc, reviewId: string, ctx: OpContext): void {
  doc.transact(() => doc.getMap(PublishingRoot.earlierReviews).delete(reviewId), origin('unlinkEarlierReview', ctx));
}

/** Linked earlier reviews, oldest link first. */
export function readEarlierReviews(doc: Y.Doc): EarlierReviewView[] {
  const out: EarlierReviewView[] = [];
  doc.getMap<RecordMap>(PublishingRoot.earlierReviews).forEach((rec, reviewId) => {
    if (!(rec instanceof Y.Map)) return;
    out.push({ reviewId, title: str(rec, 'title'), by: str(rec, 'by'), at: num(rec, 'at') });
  });
  return out.sort((a, b) => a.at - b.at || (a.reviewId < b.reviewId ? -1 : 1));
}
