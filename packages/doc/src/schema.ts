// The Hindsight review document: names of the root shared types and the shape
// of the records inside them. Prose description in docs/document.md.
import type * as Y from 'yjs';

/** Bumped when the document layout changes; see migrations in docs/document.md. */
export const SCHEMA_VERSION = 1;

/** Names of the top-level shared types of a review's Y.Doc. */
export const Root = {
  meta: 'meta',
  timeline: 'timeline',
  whys: 'whys',
  actions: 'actions',
  annotations: 'annotations',
  humanFactors: 'humanFactors',
  report: 'report',
} as const;

export const REVIEW_STATUSES = ['collecting', 'reviewing', 'published'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const ENTRY_KINDS = [
  'observation',
  'action',
  'alert',
  'decision',
  'communication',
  'automation',
  'deploy',
  'marker',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A timeline entry is a Y.Map with these keys. `summary` is a Y.Text, `notes` a Y.XmlFragment. */
export const EntryKey = {
  id: 'id',
  at: 'at',
  kind: 'kind',
  summary: 'summary',
  notes: 'notes',
  tags: 'tags',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
  updatedAt: 'updatedAt',
} as const;

export type EntryMap = Y.Map<unknown>;

export interface ReviewRoots {
  meta: Y.Map<unknown>;
  timeline: Y.Map<EntryMap>;
  whys: Y.Map<Y.Map<unknown>>;
  actions: Y.Map<Y.Map<unknown>>;
  annotations: Y.Map<Y.Map<unknown>>;
  humanFactors: Y.Map<unknown>;
  report: Y.XmlFragment;
}

/** The review's root types. Getting them is idempotent and safe on any replica. */
export function roots(doc: Y.Doc): ReviewRoots {
  return {
    meta: doc.getMap(Root.meta),
    timeline: doc.getMap<EntryMap>(Root.timeline),
    whys: doc.getMap<Y.Map<unknown>>(Root.whys),
    actions: doc.getMap<Y.Map<unknown>>(Root.actions),
    annotations: doc.getMap<Y.Map<unknown>>(Root.annotations),
    humanFactors: doc.getMap(Root.humanFactors),
    report: doc.getXmlFragment(Root.report),
  };
}

/** Who performs an operation and when: injected so operations stay pure and testable. */
export interface OpContext {
  /** Epoch milliseconds, UTC. */
  now: () => number;
  /** A new unique id (collision-free across replicas). */
  newId: () => string;
  /** Display name of the person acting, recorded on what they create. */
  actor?: string;
}

/** Typed transaction origin of a local operation, so observers can tell edits apart. */
export interface OpOrigin {
  readonly op: string;
  readonly actor: string | undefined;
}

export function origin(op: string, ctx: OpContext): OpOrigin {
  return { op, actor: ctx.actor };
}

/** Default context for callers without their own clock or id source. */
export function defaultContext(actor?: string): OpContext {
  return {
    now: () => Date.now(),
    newId: () => globalThis.crypto.randomUUID(),
    actor,
  };
}
