// What a typed time means before it is saved, read by the importers' parser
// (packages/importers `parseWrittenTime`): a bare time of day goes through the
// incident-aware resolver (`resolveBareTime`), anything else (dates, `+5m`)
// through `parseTypedTime`. The entry box and the time cells show the result,
// and the choice when it could be two days.
import { readMeta, type TimePrecision } from '@hindsight/doc';
import { parseTypedTime, parseWrittenTime, resolveBareTime } from '@hindsight/importers';
import type * as Y from 'yjs';

export interface TimeReading {
  at: number;
  precision: TimePrecision;
  /** The days a bare time could mean, earliest first; one unless ambiguous. */
  options: number[];
  ambiguous: boolean;
}

/**
 * Reads `input` typed in `zone`. `previousAt` is the entry written just before
 * (bare times land nearest it) and the reference of `+5m`. Null when unreadable.
 */
export function readTypedTime(
  doc: Y.Doc,
  input: string,
  { zone, previousAt, now }: { zone: string; previousAt: number | null; now: number },
): TimeReading | null {
  const meta = readMeta(doc);
  const startedAt = meta.markers.started ?? meta.markers.detected ?? meta.createdAt ?? now;
  const written = parseWrittenTime(input.trim().replace(/\s+/g, ' '));
  // A time of day alone, in the viewer's zone or in UTC (`21:50 UTC`); one at another offset is read as typed.
  const bare = written?.type === 'local' && !written.date && (written.offsetMinutes ?? 0) === 0 ? written : null;
  if (bare) {
    const r = resolveBareTime(bare.time, {
      zone: bare.offsetMinutes === 0 ? 'UTC' : zone,
      startedAt,
      windowEndsAt: meta.collectionEndsAt,
      previousAt,
      now,
    });
    return { at: r.at, precision: bare.precision, options: r.options, ambiguous: r.ambiguous };
  }
  const parsed = parseTypedTime(input, { reference: previousAt ?? startedAt, timeZone: zone, now: () => now });
  return parsed && { ...parsed, options: [parsed.at], ambiguous: false };
}
