// Blameless-language settings a review keeps in its document: findings people
// dismissed (with a reason) and the review's own terms to flag. Both are root
// Y.Maps of flat records keyed deterministically, so two people dismissing the
// same finding, or adding the same term, write the same key.
import * as Y from 'yjs';
import { LanguageRoot, type OpContext, type RecordMap, origin } from './schema.ts';
import { label } from './validate.ts';

/** Declared in schema.ts with every other root; re-exported for importers of this module. */
export { LanguageRoot } from './schema.ts';

export interface DismissalView {
  /** The finding's key (see @hindsight/report `findingKey`): text id, rule and matched phrase. */
  key: string;
  rule: string;
  match: string;
  reason: string;
  by: string | null;
  at: number;
}

export interface LanguageTermView {
  /** Lower-cased, trimmed; also the map key. */
  term: string;
  /** Optional system-focused rewrite shown with the finding. */
  suggestion: string | null;
  by: string | null;
  at: number;
}

const str = (m: RecordMap, k: string): string | null => {
  const v = m.get(k);
  return typeof v === 'string' ? v : null;
};
const num = (m: RecordMap, k: string): number => {
  const v = m.get(k);
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/** Dismisses a blameless-language finding with a reason (re-dismissing replaces the reason). */
export function dismissFinding(
  doc: Y.Doc,
  input: { key: string; rule: string; match: string; reason: string },
  ctx: OpContext,
): void {
  const key = label('finding key', input.key, 500);
  const rule = label('rule', input.rule, 60);
  const reason = label('reason', input.reason, 500);
  const match = typeof input.match === 'string' ? input.match.slice(0, 200) : '';
  doc.transact(
    () => {
      const rec: RecordMap = new Y.Map();
      doc.getMap<RecordMap>(LanguageRoot.dismissals).set(key, rec);
      rec.set('key', key);
      rec.set('rule', rule);
      rec.set('match', match);
      rec.set('reason', reason);
      rec.set('by', ctx.actor ?? null);
      rec.set('at', ctx.now());
    },
    origin('dismissFinding', ctx),
  );
}

/** Brings a dismissed finding back. */
export function restoreFinding(doc: Y.Doc, key: string, ctx: OpContext): void {
  doc.transact(() => doc.getMap(LanguageRoot.dismissals).delete(key), origin('restoreFinding', ctx));
}

/** Dismissed findings, by key. */
export function readDismissals(doc: Y.Doc): DismissalView[] {
  const out: DismissalView[] = [];
  doc.getMap<RecordMap>(LanguageRoot.dismissals).forEach((rec, key) => {
    if (!(rec instanceof Y.Map)) return;
    out.push({
      key,
      rule: str(rec, 'rule') ?? '',
      match: str(rec, 'match') ?? '',
      reason: str(rec, 'reason') ?? '',
      by: str(rec, 'by'),
      at: num(rec, 'at'),
    });
  });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Adds (or rewords the suggestion of) a term this review flags, e.g. a team's own blame word. */
export function addLanguageTerm(doc: Y.Doc, input: { term: string; suggestion?: string }, ctx: OpContext): void {
  const term = label('term', input.term, 80).toLowerCase();
  const suggestion = input.suggestion === undefined ? null : label('suggestion', input.suggestion, 300);
  doc.transact(
    () => {
      const rec: RecordMap = new Y.Map();
      doc.getMap<RecordMap>(LanguageRoot.terms).set(term, rec);
      rec.set('term', term);
      if (suggestion !== null) rec.set('suggestion', suggestion);
      rec.set('by', ctx.actor ?? null);
      rec.set('at', ctx.now());
    },
    origin('addLanguageTerm', ctx),
  );
}

/** Stops flagging a review term. */
export function removeLanguageTerm(doc: Y.Doc, term: string, ctx: OpContext): void {
  const key = String(term).trim().toLowerCase();
  doc.transact(() => doc.getMap(LanguageRoot.terms).delete(key), origin('removeLanguageTerm', ctx));
}

/** The review's own terms, sorted. */
export function readLanguageTerms(doc: Y.Doc): LanguageTermView[] {
  const out: LanguageTermView[] = [];
  doc.getMap<RecordMap>(LanguageRoot.terms).forEach((rec, term) => {
    if (!(rec instanceof Y.Map)) return;
    out.push({ term, suggestion: str(rec, 'suggestion'), by: str(rec, 'by'), at: num(rec, 'at') });
  });
  return out.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
