// The Hindsight review document: names of the root shared types, the keys and
// enumerations of the records inside them, and the operation context/origin.
// Prose description in docs/document.md.
import type * as Y from 'yjs';

/**
 * Bumped when the document layout changes; `migrate()` upgrades older documents.
 * v1: tags as a plain string array. v2: tags as a Y.Map set, whys/actions/
 * human factors/annotations records, collection window and time zone in meta.
 * v3 (lean records): no field repeating the map key, defaults absent rather
 * than written, sets and notes created on first write, no `updatedAt`.
 */
export const SCHEMA_VERSION = 3;

/**
 * Names of the top-level shared types of a review's Y.Doc: every root is named
 * here and nowhere else (the narrative sections' Y.Texts below, too).
 */
export const Root = {
  meta: 'meta',
  timeline: 'timeline',
  whys: 'whys',
  actions: 'actions',
  annotations: 'annotations',
  humanFactors: 'humanFactors',
  report: 'report',
  /** The meeting, the timeline freeze and the reminder (facilitation.ts); facilitators only. */
  facilitation: 'facilitation',
  /** Names and terms to redact in the anonymised report (publishing.ts). */
  redactions: 'redactions',
  /** Links to earlier reviews of related incidents (publishing.ts). */
  earlierReviews: 'earlierReviews',
  /** Blameless-language findings dismissed by the team (language.ts). */
  languageDismissals: 'languageDismissals',
  /** The team's own blame terms (language.ts). */
  languageTerms: 'languageTerms',
} as const;

/** Name of the root map holding the meeting, the freeze and the reminder. */
export const FACILITATION_ROOT = Root.facilitation;
/** Root names of the publishing settings. */
export const PublishingRoot = { redactions: Root.redactions, earlierReviews: Root.earlierReviews } as const;
/** Root names of the blameless-language settings. */
export const LanguageRoot = { dismissals: Root.languageDismissals, terms: Root.languageTerms } as const;

/** The plain-text narrative sections of the report, in the report's order. */
export const NARRATIVE_SECTIONS = ['impact', 'wentWell', 'wentWrong', 'gotLucky'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

/** Root name of a section's Y.Text: `narrative.<section>`. */
export function narrativeRoot(section: NarrativeSection): string {
  return `narrative.${section}`;
}

/** Every root name a review document may hold: Root's and the narrative sections'. */
export const ROOT_NAMES: readonly string[] = [...Object.values(Root), ...NARRATIVE_SECTIONS.map(narrativeRoot)];

export const REVIEW_STATUSES = ['collecting', 'reviewing', 'published'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Incident milestones kept in `meta` as `<marker>At` epoch milliseconds. */
export const INCIDENT_MARKERS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type IncidentMarker = (typeof INCIDENT_MARKERS)[number];

/** The data-collection window the method asks for: 24 hours from creation. */
export const COLLECTION_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Keys of the `meta` map. Incident markers are `startedAt`, `detectedAt`, ... */
export const MetaKey = {
  schemaVersion: 'schemaVersion',
  id: 'id',
  title: 'title',
  severity: 'severity',
  status: 'status',
  timeZone: 'timeZone',
  createdAt: 'createdAt',
  collectionEndsAt: 'collectionEndsAt',
  publishedAt: 'publishedAt',
  /** The window end the server last closed collection for (see closeExpiredCollection). */
  collectionClosedFor: 'collectionClosedFor',
  /** Delay thresholds in ms (see delays.ts); absent = the defaults. */
  delayAlertResponseMs: 'delayAlertResponseMs',
  delayDetectMitigateMs: 'delayDetectMitigateMs',
  /** The instance template version the review started from (absent: made before templates). */
  templateVersion: 'templateVersion',
} as const;

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

/** How precisely an entry's time is known; `approximate` carries ± `approxMinutes`. */
export const TIME_PRECISIONS = ['exact', 'minute', 'approximate'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** Where an entry came from. */
export const ENTRY_SOURCES = ['manual', 'chat', 'alert', 'log', 'deploy'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/**
 * A timeline entry is a Y.Map with these keys. `summary` is a Y.Text, `notes` a
 * Y.XmlFragment (bound to Tiptap), `tags` a Y.Map<true> used as a set.
 */
export const EntryKey = {
  /** The map key; written by v2 and accepted (SPEC 3.4), never written by v3. */
  id: 'id',
  at: 'at',
  precision: 'precision',
  approxMinutes: 'approxMinutes',
  kind: 'kind',
  summary: 'summary',
  notes: 'notes',
  source: 'source',
  sourceRef: 'sourceRef',
  sourceUrl: 'sourceUrl',
  importKey: 'importKey',
  author: 'author',
  replyTo: 'replyTo',
  tags: 'tags',
  starred: 'starred',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
  /** v2 only: bumped by every operation; v3 neither writes nor reads it (migrate deletes it). */
  updatedAt: 'updatedAt',
} as const;

export const WHY_STATUSES = ['hypothesis', 'supported', 'refuted'] as const;
export type WhyStatus = (typeof WHY_STATUSES)[number];

/** Standard contributing-factor categories; any other short label is a custom category. */
export const FACTOR_CATEGORIES = ['process', 'technology', 'people'] as const;
export type FactorCategory = (typeof FACTOR_CATEGORIES)[number];

/** A whys node is a Y.Map with these keys. `text` is a Y.Text, `evidence` a Y.Map<true> of entry ids. */
export const WhyKey = {
  id: 'id',
  parentId: 'parentId',
  order: 'order',
  text: 'text',
  status: 'status',
  evidence: 'evidence',
  factor: 'factor',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
} as const;

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

/** An action item is a Y.Map with these keys. `title` is a Y.Text, `factorIds` a Y.Map<true> of whys node ids. */
export const ActionKey = {
  id: 'id',
  title: 'title',
  owner: 'owner',
  due: 'due',
  impact: 'impact',
  effort: 'effort',
  status: 'status',
  factorIds: 'factorIds',
  link: 'link',
  completedAt: 'completedAt',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
  /** v2 only: migrate turns a closed item's into its `completedAt`, then deletes it. */
  updatedAt: 'updatedAt',
} as const;

/** A human-factors question is a Y.Map with these keys. `answer` is a Y.Text. */
export const QuestionKey = {
  id: 'id',
  prompt: 'prompt',
  order: 'order',
  standard: 'standard',
  answer: 'answer',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
} as const;

/** `question` (added later, additive) marks an open question for the meeting's parking lot. */
export const ANNOTATION_KINDS = ['delay', 'missing_information', 'automation_failed', 'question', 'comment'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const ANNOTATION_TARGETS = ['entry', 'why'] as const;
export type AnnotationTargetType = (typeof ANNOTATION_TARGETS)[number];

/** An annotation is a Y.Map with these keys. `text` is a Y.Text. */
export const AnnotationKey = {
  id: 'id',
  targetType: 'targetType',
  targetId: 'targetId',
  kind: 'kind',
  text: 'text',
  author: 'author',
  at: 'at',
  resolved: 'resolved',
} as const;

export type EntryMap = Y.Map<unknown>;
export type RecordMap = Y.Map<unknown>;

export interface ReviewRoots {
  meta: Y.Map<unknown>;
  timeline: Y.Map<EntryMap>;
  whys: Y.Map<RecordMap>;
  actions: Y.Map<RecordMap>;
  annotations: Y.Map<RecordMap>;
  humanFactors: Y.Map<RecordMap>;
  report: Y.XmlFragment;
}

/** The review's root types. Getting them is idempotent and safe on any replica. */
export function roots(doc: Y.Doc): ReviewRoots {
  return {
    meta: doc.getMap(Root.meta),
    timeline: doc.getMap<EntryMap>(Root.timeline),
    whys: doc.getMap<RecordMap>(Root.whys),
    actions: doc.getMap<RecordMap>(Root.actions),
    annotations: doc.getMap<RecordMap>(Root.annotations),
    humanFactors: doc.getMap<RecordMap>(Root.humanFactors),
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

/** The origin object passed to `doc.transact` by every operation. */
export function origin(op: string, ctx: OpContext): OpOrigin {
  return { op, actor: ctx.actor };
}

/** True when a transaction origin was produced by `origin()` (a local packages/doc operation). */
export function isOpOrigin(value: unknown): value is OpOrigin {
  return typeof value === 'object' && value !== null && typeof (value as { op?: unknown }).op === 'string';
}

/** Default context for callers without their own clock or id source. */
export function defaultContext(actor?: string): OpContext {
  return {
    now: () => Date.now(),
    newId: () => globalThis.crypto.randomUUID(),
    actor,
  };
}

/** A deterministic context for tests and fixtures: ids `<prefix>1, <prefix>2...`, a clock advancing `step` ms per call. */
export function sequenceContext(
  options: { prefix?: string; start?: number; step?: number; actor?: string } = {},
): OpContext {
  const prefix = options.prefix ?? 'id';
  let clock = options.start ?? Date.UTC(2026, 0, 1);
  const step = options.step ?? 0;
  let seq = 0;
  return {
    now: () => {
      const t = clock;
      clock += step;
      return t;
    },
    newId: () => `${prefix}${String(++seq).padStart(4, '0')}`,
    actor: options.actor,
  };
}
