// The pre-publish checklist: runs the blameless checker over every text of a
// review (entry summaries and notes, whys, human-factors answers, annotations,
// the report narrative, action titles) and the low-leverage check over the
// action items, honouring the review's dismissals and own terms.
import type * as Y from 'yjs';
import {
  type DismissalView,
  NARRATIVE_SECTIONS,
  fragmentText,
  readActionsModel,
  readAnnotations,
  readDismissals,
  readHumanFactors,
  readLanguageTerms,
  readNarrative,
  readRedactions,
  readTimeline,
  readWhys,
  roots,
} from '@hindsight/doc';
import { type ActionWarning, checkAction } from '../followup/lowLeverage.ts';
import { type Finding, checkBlameless, findingKey } from './checker.ts';

/** Which text of the review a finding is in. */
export interface TextTarget {
  type: 'entry-summary' | 'entry-notes' | 'why' | 'answer' | 'annotation' | 'narrative' | 'report' | 'action';
  /** Record id (entry, node, question, annotation, action) or narrative section; '' for the report. */
  id: string;
}

export interface ReviewFinding extends Finding {
  /** Stable id of the text: `entry:<id>:summary`, `entry:<id>:notes`, `why:<id>`, `answer:<id>`, `annotation:<id>`, `narrative:<section>`, `report`, `action:<id>`. */
  textId: string;
  target: TextTarget;
  /** Key for dismissFinding / restoreFinding. */
  key: string;
  /** The dismissal, when dismissed. */
  dismissal: DismissalView | null;
}

export interface ReviewCheck {
  /** Open findings, in document order (timeline first). */
  findings: ReviewFinding[];
  /** Findings someone dismissed, with their reason. */
  dismissed: ReviewFinding[];
  /** Low-leverage or incomplete action items. */
  actions: { id: string; title: string; warnings: ActionWarning[] }[];
  /** True when nothing is open: no findings and no low-leverage action. */
  clean: boolean;
}

/** Names the checker should treat as participants: authors, owners, annotators, redacted names. */
export function reviewNames(doc: Y.Doc): string[] {
  const names = new Set<string>();
  const add = (n: string | null): void => {
    if (n && n.trim().length >= 2) names.add(n.trim());
  };
  for (const e of readTimeline(doc)) add(e.createdBy);
  for (const a of readActionsModel(doc).items) add(a.owner);
  for (const a of readAnnotations(doc)) add(a.author);
  for (const r of readRedactions(doc)) if (r.kind === 'name') add(r.term);
  const generic = new Set(['responder', 'facilitator', 'reader', 'server', 'system', 'importer']);
  return [...names].filter((n) => !generic.has(n.toLowerCase())).sort();
}

/** Runs the checklist over the whole review. `names` adds participants the document does not name. */
export function checkReview(doc: Y.Doc, options: { names?: readonly string[] } = {}): ReviewCheck {
  const names = [...new Set([...reviewNames(doc), ...(options.names ?? [])])];
  const customTerms = readLanguageTerms(doc).map((t) => ({ term: t.term, suggestion: t.suggestion }));
  const dismissals = new Map(readDismissals(doc).map((d) => [d.key, d]));
  const findings: ReviewFinding[] = [];
  const dismissed: ReviewFinding[] = [];
  const check = (text: string, textId: string, target: TextTarget): void => {
    for (const f of checkBlameless(text, { names, customTerms })) {
      const key = findingKey(textId, f);
      const dismissal = dismissals.get(key) ?? null;
      (dismissal ? dismissed : findings).push({ ...f, textId, target, key, dismissal });
    }
  };
  for (const e of readTimeline(doc)) {
    check(e.summary, `entry:${e.id}:summary`, { type: 'entry-summary', id: e.id });
    check(e.notes, `entry:${e.id}:notes`, { type: 'entry-notes', id: e.id });
  }
  for (const a of readAnnotations(doc))
    if (a.targetExists) check(a.text, `annotation:${a.id}`, { type: 'annotation', id: a.id });
  for (const w of readWhys(doc)) check(w.text, `why:${w.id}`, { type: 'why', id: w.id });
  for (const q of readHumanFactors(doc)) check(q.answer, `answer:${q.id}`, { type: 'answer', id: q.id });
  check(fragmentText(roots(doc).report), 'report', { type: 'report', id: '' });
  const narrative = readNarrative(doc);
  for (const s of NARRATIVE_SECTIONS) check(narrative[s], `narrative:${s}`, { type: 'narrative', id: s });
  const actions: ReviewCheck['actions'] = [];
  for (const a of readActionsModel(doc).items) {
    check(a.title, `action:${a.id}`, { type: 'action', id: a.id });
    if (a.status === 'done' || a.status === 'wont_do') continue;
    const warnings = checkAction(a);
    if (warnings.length > 0) actions.push({ id: a.id, title: a.title, warnings });
  }
  const lowLeverage = actions.some((a) => a.warnings.some((w) => w.kind !== 'no-owner' && w.kind !== 'no-due'));
  return { findings, dismissed, actions, clean: findings.length === 0 && !lowLeverage };
}
