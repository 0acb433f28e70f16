// Operations on the review's `meta` map: title, severity, status, incident
// markers, reference time zone and the 24-hour collection window.
import type * as Y from 'yjs';
import {
  COLLECTION_WINDOW_MS,
  INCIDENT_MARKERS,
  type IncidentMarker,
  MetaKey,
  type OpContext,
  REVIEW_STATUSES,
  Root,
  type ReviewStatus,
  SCHEMA_VERSION,
  origin,
  roots,
} from './schema.ts';
import { epochMs, isTimeZone, label, oneOf } from './validate.ts';
import { seedStandardQuestions, seedTemplateQuestions } from './humanFactors.ts';

export interface MetaInit {
  id: string;
  title: string;
  /** When the incident started (epoch ms UTC); stored as the `started` marker. */
  startedAt?: number;
  severity?: string;
  /** IANA zone the review reads times in; defaults to `UTC`. */
  timeZone?: string;
  /** End of the collection window; defaults to creation + 24 hours. */
  collectionEndsAt?: number;
  /**
   * The instance template the review starts from: its version (recorded in
   * meta) and its human-factors questions, which replace the standard ones.
   */
  template?: { version: number; questions: readonly { id: string; prompt: string }[] };
}

/** Meta key of an incident marker: `started` -> `startedAt`. */
export function markerKey(marker: IncidentMarker): string {
  return `${marker}At`;
}

/**
 * Initialises a fresh review document: meta at the current schema version,
 * status `collecting`, the collection window, and the standard human-factors
 * questions. Call once, by the server, at creation; throws on an initialised doc.
 */
export function initReview(doc: Y.Doc, input: MetaInit, ctx: OpContext): void {
  const title = label('title', input.title, 200);
  if (input.startedAt !== undefined) epochMs('startedAt', input.startedAt);
  if (input.collectionEndsAt !== undefined) epochMs('collectionEndsAt', input.collectionEndsAt);
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw new Error(`unknown time zone ${JSON.stringify(input.timeZone)}; use an IANA name such as Europe/Berlin`);
  }
  const severity = input.severity === undefined ? undefined : label('severity', input.severity);
  // getMap, not roots(): a first getXmlFragment opens an (empty) transaction of its own.
  if (doc.getMap(Root.meta).has(MetaKey.schemaVersion)) throw new Error('the review document is already initialised');
  doc.transact(
    () => {
      const { meta } = roots(doc);
      const now = ctx.now();
      meta.set(MetaKey.schemaVersion, SCHEMA_VERSION);
      meta.set(MetaKey.id, input.id);
      meta.set(MetaKey.title, title);
      meta.set(MetaKey.status, 'collecting' satisfies ReviewStatus);
      meta.set(MetaKey.createdAt, now);
      meta.set(MetaKey.collectionEndsAt, input.collectionEndsAt ?? now + COLLECTION_WINDOW_MS);
      meta.set(MetaKey.timeZone, input.timeZone ?? 'UTC');
      if (input.startedAt !== undefined) meta.set(markerKey('started'), input.startedAt);
      if (severity !== undefined) meta.set(MetaKey.severity, severity);
      if (input.template) {
        meta.set(MetaKey.templateVersion, input.template.version);
        seedTemplateQuestions(doc, input.template.questions, ctx);
      } else seedStandardQuestions(doc, ctx);
    },
    origin('initReview', ctx),
  );
}

/** Sets the review title (last writer wins). */
export function setTitle(doc: Y.Doc, title: string, ctx: OpContext): void {
  const clean = label('title', title, 200);
  doc.transact(() => roots(doc).meta.set(MetaKey.title, clean), origin('setTitle', ctx));
}

/** Sets the status. Any listed status is accepted (a facilitator may reopen); last writer wins. */
export function setStatus(doc: Y.Doc, status: ReviewStatus, ctx: OpContext): void {
  const clean = oneOf('status', REVIEW_STATUSES, status);
  doc.transact(() => roots(doc).meta.set(MetaKey.status, clean), origin('setStatus', ctx));
}

/**
 * Publishes the review: status `published` and, on the first publication,
 * `publishedAt = at`. A later publication (after amendments) keeps the first time.
 */
export function markPublished(doc: Y.Doc, input: { at: number }, ctx: OpContext): void {
  const at = epochMs('publishedAt', input.at);
  doc.transact(
    () => {
      const { meta } = roots(doc);
      meta.set(MetaKey.status, 'published' satisfies ReviewStatus);
      if (typeof meta.get(MetaKey.publishedAt) !== 'number') meta.set(MetaKey.publishedAt, at);
    },
    origin('markPublished', ctx),
  );
}

/** Sets or clears (null) the severity label, e.g. `SEV1`. */
export function setSeverity(doc: Y.Doc, severity: string | null, ctx: OpContext): void {
  const clean = severity === null ? null : label('severity', severity);
  doc.transact(
    () => {
      const { meta } = roots(doc);
      if (clean === null) meta.delete(MetaKey.severity);
      else meta.set(MetaKey.severity, clean);
    },
    origin('setSeverity', ctx),
  );
}

/** Sets or clears (null) one incident marker time. */
export function setIncidentTime(
  doc: Y.Doc,
  input: { marker: IncidentMarker; at: number | null },
  ctx: OpContext,
): void {
  const marker = oneOf('marker', INCIDENT_MARKERS, input.marker);
  const at = input.at === null ? null : epochMs(`${marker} time`, input.at);
  doc.transact(
    () => {
      const { meta } = roots(doc);
      if (at === null) meta.delete(markerKey(marker));
      else meta.set(markerKey(marker), at);
    },
    origin('setIncidentTime', ctx),
  );
}

/** Sets the review's reference time zone (an IANA name). */
export function setTimeZone(doc: Y.Doc, timeZone: string, ctx: OpContext): void {
  if (!isTimeZone(timeZone)) {
    throw new Error(`unknown time zone ${JSON.stringify(timeZone)}; use an IANA name such as Europe/Berlin`);
  }
  doc.transact(() => roots(doc).meta.set(MetaKey.timeZone, timeZone), origin('setTimeZone', ctx));
}

/** Moves the end of the collection window (e.g. extends it). */
export function setCollectionEndsAt(doc: Y.Doc, at: number, ctx: OpContext): void {
  const clean = epochMs('collectionEndsAt', at);
  doc.transact(() => roots(doc).meta.set(MetaKey.collectionEndsAt, clean), origin('setCollectionEndsAt', ctx));
}

export interface MetaView {
  id: string | null;
  title: string;
  status: ReviewStatus;
  severity: string | null;
  /** Same as `markers.started`; kept for callers of schema v1. */
  startedAt: number | null;
  createdAt: number | null;
  markers: Record<IncidentMarker, number | null>;
  timeZone: string;
  collectionEndsAt: number | null;
  /** First publication time (epoch ms); null while never published. */
  publishedAt: number | null;
  /** Stored schema version; null for an empty (not yet synced or initialised) doc. */
  schemaVersion: number | null;
  /** The instance template version the review started from; null for a review made before templates. */
  templateVersion: number | null;
}

/** A plain snapshot of `meta`, with defaults for missing or malformed fields. */
export function readMeta(doc: Y.Doc): MetaView {
  const { meta } = roots(doc);
  const num = (k: string): number | null => {
    const v = meta.get(k);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const text = (k: string): string | null => {
    const v = meta.get(k);
    return typeof v === 'string' ? v : null;
  };
  const status = meta.get(MetaKey.status);
  const markers = Object.fromEntries(INCIDENT_MARKERS.map((m) => [m, num(markerKey(m))])) as Record<
    IncidentMarker,
    number | null
  >;
  const createdAt = num(MetaKey.createdAt);
  const timeZone = text(MetaKey.timeZone);
  return {
    id: text(MetaKey.id),
    title: text(MetaKey.title) ?? '',
    status: REVIEW_STATUSES.includes(status as ReviewStatus) ? (status as ReviewStatus) : 'collecting',
    severity: text(MetaKey.severity),
    startedAt: markers.started,
    createdAt,
    markers,
    timeZone: timeZone !== null && isTimeZone(timeZone) ? timeZone : 'UTC',
    collectionEndsAt: num(MetaKey.collectionEndsAt) ?? (createdAt === null ? null : createdAt + COLLECTION_WINDOW_MS),
    publishedAt: num(MetaKey.publishedAt),
    schemaVersion: num(MetaKey.schemaVersion),
    templateVersion: num(MetaKey.templateVersion),
  };
}

/** Milliseconds left in the collection window at `now` (0 once over; null if unknown). */
export function collectionRemaining(meta: MetaView, now: number): number | null {
  return meta.collectionEndsAt === null ? null : Math.max(0, meta.collectionEndsAt - now);
}
