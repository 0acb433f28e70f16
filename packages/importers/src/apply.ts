// Applying chosen candidates to a review: one transaction, all or nothing, and
// idempotent (a candidate whose key an entry already has is skipped), plus the
// defaults an import dialog starts from.
import type * as Y from 'yjs';
import { addEntries, readImportKeys, readMeta, type NewEntry, type OpContext } from '@hindsight/doc';
import { formatDate, localDateOf } from './zone.ts';
import type { Candidate, TimeOptions } from './types.ts';

export interface ApplyResult {
  /** Ids of the new entries, in candidate order. */
  added: string[];
  /** Candidates skipped because the review already has them (or they repeat one in this batch). */
  alreadyPresent: number;
}

/** The entry a candidate becomes. */
export function candidateToEntry(c: Candidate): NewEntry {
  return {
    at: c.at,
    precision: c.precision,
    kind: c.kind,
    summary: c.summary,
    notes: c.notes,
    tags: c.tags,
    source: c.source,
    sourceRef: c.ref,
    ...(c.url ? { sourceUrl: c.url } : {}),
    starred: c.starred,
    importKey: c.key,
    ...(c.author?.trim() ? { author: c.author.trim().slice(0, 100) } : {}),
    ...(c.parentKey ? { replyTo: c.parentKey } : {}),
  };
}

/** The keys among `candidates` that the review already has (to grey them out in a preview). */
export function alreadyImported(doc: Y.Doc, candidates: readonly Candidate[]): Set<string> {
  const existing = readImportKeys(doc);
  return new Set(candidates.filter((c) => existing.has(c.key)).map((c) => c.key));
}

/**
 * Adds the candidates as timeline entries in ONE transaction (origin op
 * `addEntries`): every entry is validated first and a bad one throws before
 * anything is written. Candidates already in the review (same key) are
 * skipped, so importing the same source twice adds nothing the second time.
 */
export function applyImport(doc: Y.Doc, candidates: readonly Candidate[], ctx: OpContext): ApplyResult {
  const existing = readImportKeys(doc);
  const fresh: NewEntry[] = [];
  let alreadyPresent = 0;
  for (const c of candidates) {
    if (existing.has(c.key)) {
      alreadyPresent++;
      continue;
    }
    existing.add(c.key);
    fresh.push(candidateToEntry(c));
  }
  return { added: addEntries(doc, fresh, ctx), alreadyPresent };
}

/**
 * What an import reads zone-less and date-less times with, by default: the
 * review's time zone, and the incident's date in it (started, else detected,
 * else the review's creation; omitted when none is known).
 */
export function importDefaults(doc: Y.Doc): Required<Pick<TimeOptions, 'timeZone'>> & Pick<TimeOptions, 'date'> {
  const meta = readMeta(doc);
  const timeZone = meta.timeZone || 'UTC';
  const when = meta.markers.started ?? meta.markers.detected ?? meta.createdAt;
  return when === null ? { timeZone } : { timeZone, date: formatDate(localDateOf(when, timeZone)) };
}

/**
 * The incident a review's dateless times are read against (`TimeOptions.incident`):
 * its start (else detection, else the review's creation), the collection
 * window's end, and `now`. Undefined while the review has none of those.
 */
export function incidentClockOf(doc: Y.Doc, now: number): TimeOptions['incident'] {
  const meta = readMeta(doc);
  const startedAt = meta.markers.started ?? meta.markers.detected ?? meta.createdAt;
  return startedAt === null ? undefined : { startedAt, windowEndsAt: meta.collectionEndsAt, now };
}
