// The one schema every stored record must fit: for each root shared type, the
// shape of its records and of their fields. The server validates every record
// an update touched against it (recordValidation.ts) before the update is
// stored (validate on write); read models stay tolerant of anything older
// (tolerate on read).
//
// Deliberate choices: a timeline entry needs only `at` and `summary` (SPEC
// §3.4's minimal entry; `id`, when present, must equal its key); `kind` is any
// short label, so an unknown kind is stored and shown as such; `notes` is
// created when someone first writes notes. Unknown fields are refused: a new
// field is declared here first, with its type and size.
import {
  ACTION_STATUSES,
  ANNOTATION_KINDS,
  ANNOTATION_TARGETS,
  ENTRY_SOURCES,
  INCIDENT_MARKERS,
  LEVELS,
  REVIEW_STATUSES,
  Root,
  TIME_PRECISIONS,
  WHY_STATUSES,
} from './schema.ts';
import { FACILITATION_ROOT, MEETING_PHASES } from './facilitation.ts';
import { LanguageRoot } from './language.ts';
import { NARRATIVE_SECTIONS, narrativeRoot } from './narrative.ts';
import { PeopleRoot } from './people.ts';
import { PublishingRoot, REDACTION_KINDS } from './publishing.ts';

/** The type and bounds of one field. */
export type FieldSpec =
  | { type: 'string'; max: number; nullable?: boolean }
  | { type: 'enum'; values: readonly string[]; nullable?: boolean }
  | { type: 'number'; min?: number; max?: number; integer?: boolean; nullable?: boolean }
  | { type: 'boolean' }
  /** A Y.Text of at most `max` characters. */
  | { type: 'text'; max: number }
  /** A Y.XmlFragment (rich text bound to Tiptap). */
  | { type: 'xml' }
  /** A Y.Map<true> used as a set of short strings. */
  | { type: 'set'; maxMembers: number };

interface FieldRule {
  spec: FieldSpec;
  required?: boolean;
}

/** A record root: a Y.Map of Y.Map records keyed by id. */
export interface RecordRootSchema {
  kind: 'records';
  fields: Readonly<Record<string, FieldRule>>;
  /** The record field that must equal its key, when present. */
  keyField?: string;
  maxKeyLength: number;
}

/** A settings root: a Y.Map whose keys are fields. */
export interface FieldsRootSchema {
  kind: 'fields';
  fields: Readonly<Record<string, FieldRule>>;
}

/** A root Y.Text of at most `max` characters. */
export interface TextRootSchema {
  kind: 'text';
  max: number;
}

/** A root Y.XmlFragment; `unused` ones must stay empty. */
export interface XmlRootSchema {
  kind: 'xml';
  unused?: boolean;
}

/** A Y.Map from free keys to plain values (e.g. fixed pseudonyms). */
export interface ValuesRootSchema {
  kind: 'values';
  value: FieldSpec;
  maxKeyLength: number;
}

export type RootSchema = RecordRootSchema | FieldsRootSchema | TextRootSchema | XmlRootSchema | ValuesRootSchema;

const LONG_TEXT = 100_000;
const epoch: FieldSpec = { type: 'number', min: -8.64e15, max: 8.64e15 };
const optionalEpoch: FieldSpec = { ...epoch, nullable: true };
const person: FieldSpec = { type: 'string', max: 200, nullable: true };
const id: FieldSpec = { type: 'string', max: 200 };
const opt = (spec: FieldSpec): FieldRule => ({ spec });
const req = (spec: FieldSpec): FieldRule => ({ spec, required: true });

const entry: RecordRootSchema = {
  kind: 'records',
  keyField: 'id',
  maxKeyLength: 200,
  fields: {
    id: opt(id),
    at: req(epoch),
    summary: req({ type: 'text', max: 2_000 }),
    kind: opt({ type: 'string', max: 40 }),
    precision: opt({ type: 'enum', values: TIME_PRECISIONS }),
    approxMinutes: opt({ type: 'number', min: 0, max: 24 * 60 }),
    notes: opt({ type: 'xml' }),
    source: opt({ type: 'enum', values: ENTRY_SOURCES }),
    sourceRef: opt({ type: 'string', max: 2_000 }),
    sourceUrl: opt({ type: 'string', max: 2_000 }),
    importKey: opt({ type: 'string', max: 400 }),
    tags: opt({ type: 'set', maxMembers: 50 }),
    starred: opt({ type: 'boolean' }),
    /** Who said or did it, when that is not who recorded it (imports). */
    author: opt(person),
    /** The import key of the message this one replies to (a chat thread). */
    replyTo: opt({ type: 'string', max: 400 }),
    createdAt: opt(epoch),
    createdBy: opt(person),
    updatedAt: opt(epoch),
  },
};

const why: RecordRootSchema = {
  kind: 'records',
  keyField: 'id',
  maxKeyLength: 200,
  fields: {
    id: opt(id),
    parentId: opt({ type: 'string', max: 200, nullable: true }),
    order: opt({ type: 'string', max: 200 }),
    text: req({ type: 'text', max: 5_000 }),
    status: opt({ type: 'enum', values: WHY_STATUSES }),
    evidence: opt({ type: 'set', maxMembers: 200 }),
    factor: opt({ type: 'string', max: 40, nullable: true }),
    createdAt: opt(epoch),
    createdBy: opt(person),
  },
};

const action: RecordRootSchema = {
  kind: 'records',
  keyField: 'id',
  maxKeyLength: 200,
  fields: {
    id: opt(id),
    title: req({ type: 'text', max: 1_000 }),
    owner: opt({ type: 'string', max: 100, nullable: true }),
    due: opt({ type: 'string', max: 10, nullable: true }),
    impact: opt({ type: 'enum', values: LEVELS, nullable: true }),
    effort: opt({ type: 'enum', values: LEVELS, nullable: true }),
    status: opt({ type: 'enum', values: ACTION_STATUSES }),
    factorIds: opt({ type: 'set', maxMembers: 200 }),
    link: opt({ type: 'string', max: 2_000, nullable: true }),
    completedAt: opt(optionalEpoch),
    createdAt: opt(epoch),
    createdBy: opt(person),
    updatedAt: opt(epoch),
  },
};

const annotation: RecordRootSchema = {
  kind: 'records',
  keyField: 'id',
  maxKeyLength: 200,
  fields: {
    id: opt(id),
    targetType: req({ type: 'enum', values: ANNOTATION_TARGETS }),
    targetId: req(id),
    kind: req({ type: 'enum', values: ANNOTATION_KINDS }),
    text: opt({ type: 'text', max: 5_000 }),
    author: opt(person),
    at: opt(epoch),
    resolved: opt({ type: 'boolean' }),
  },
};

const question: RecordRootSchema = {
  kind: 'records',
  keyField: 'id',
  maxKeyLength: 200,
  fields: {
    id: opt(id),
    prompt: req({ type: 'string', max: 500 }),
    order: opt({ type: 'string', max: 200 }),
    standard: opt({ type: 'boolean' }),
    answer: opt({ type: 'text', max: LONG_TEXT }),
    createdAt: opt(epoch),
    createdBy: opt(person),
  },
};

const dismissal: RecordRootSchema = {
  kind: 'records',
  keyField: 'key',
  maxKeyLength: 1_000,
  fields: {
    key: opt({ type: 'string', max: 1_000 }),
    rule: req({ type: 'string', max: 100 }),
    match: opt({ type: 'string', max: 500 }),
    reason: opt({ type: 'string', max: 500 }),
    by: opt(person),
    at: opt(epoch),
  },
};

const term: RecordRootSchema = {
  kind: 'records',
  keyField: 'term',
  maxKeyLength: 120,
  fields: {
    term: opt({ type: 'string', max: 120 }),
    suggestion: opt({ type: 'string', max: 300, nullable: true }),
    by: opt(person),
    at: opt(epoch),
  },
};

const redaction: RecordRootSchema = {
  kind: 'records',
  maxKeyLength: 120,
  fields: {
    term: req({ type: 'string', max: 120 }),
    kind: req({ type: 'enum', values: REDACTION_KINDS }),
    role: opt({ type: 'string', max: 40, nullable: true }),
    by: opt(person),
    at: opt(epoch),
  },
};

const earlierReview: RecordRootSchema = {
  kind: 'records',
  keyField: 'reviewId',
  maxKeyLength: 100,
  fields: {
    reviewId: opt({ type: 'string', max: 100 }),
    title: opt({ type: 'string', max: 200, nullable: true }),
    by: opt(person),
    at: opt(epoch),
  },
};

const person_: RecordRootSchema = {
  kind: 'records',
  maxKeyLength: 120,
  fields: {
    realName: opt({ type: 'string', max: 200 }),
    displayName: opt({ type: 'string', max: 200 }),
    handle: opt({ type: 'string', max: 200 }),
    email: opt({ type: 'string', max: 200 }),
    title: opt({ type: 'string', max: 200 }),
    bot: opt({ type: 'boolean' }),
  },
};

const metaFields: Record<string, FieldRule> = {
  schemaVersion: opt({ type: 'number', min: 1, max: 1_000, integer: true }),
  id: opt(id),
  title: opt({ type: 'string', max: 200 }),
  severity: opt({ type: 'string', max: 40, nullable: true }),
  status: opt({ type: 'enum', values: REVIEW_STATUSES }),
  timeZone: opt({ type: 'string', max: 64 }),
  createdAt: opt(epoch),
  collectionEndsAt: opt(epoch),
  publishedAt: opt(epoch),
  collectionClosedFor: opt(epoch),
  delayAlertResponseMs: opt({ type: 'number', min: 0, max: 7 * 24 * 3_600_000 }),
  delayDetectMitigateMs: opt({ type: 'number', min: 0, max: 7 * 24 * 3_600_000 }),
  /** The instance template version the review started from. */
  templateVersion: opt({ type: 'number', min: 0, max: 1e9, integer: true, nullable: true }),
};
for (const marker of INCIDENT_MARKERS) metaFields[`${marker}At`] = opt(epoch);

const facilitationFields: Record<string, FieldRule> = {
  meetingStartedAt: opt(epoch),
  meetingMinutes: opt({ type: 'number', min: 1, max: 600, integer: true }),
  meetingEndedAt: opt(epoch),
  phase: opt({ type: 'enum', values: MEETING_PHASES }),
  phaseStartedAt: opt(epoch),
  frozen: opt({ type: 'boolean' }),
  frozenAt: opt(epoch),
  reminder: opt({ type: 'string', max: 300, nullable: true }),
};

/** Every root a review document may have, and what lives in it. */
export const ROOT_SCHEMAS: ReadonlyMap<string, RootSchema> = new Map<string, RootSchema>([
  [Root.meta, { kind: 'fields', fields: metaFields }],
  [Root.timeline, entry],
  [Root.whys, why],
  [Root.actions, action],
  [Root.annotations, annotation],
  [Root.humanFactors, question],
  [Root.report, { kind: 'xml', unused: true }],
  [FACILITATION_ROOT, { kind: 'fields', fields: facilitationFields }],
  [LanguageRoot.dismissals, dismissal],
  [LanguageRoot.terms, term],
  [PublishingRoot.redactions, redaction],
  [PublishingRoot.earlierReviews, earlierReview],
  [PeopleRoot.people, person_],
  [PeopleRoot.pseudonyms, { kind: 'values', value: { type: 'string', max: 200 }, maxKeyLength: 200 }],
  ...NARRATIVE_SECTIONS.map((s): [string, RootSchema] => [narrativeRoot(s), { kind: 'text', max: LONG_TEXT }]),
]);
