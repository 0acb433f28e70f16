// What a typed time means before it is saved: a bare time of day goes through
// the incident-aware resolver (packages/importers `resolveBareTime`), anything
// else (dates, `+5m`) through `parseTime`. The entry box and the time cells
// show the result, and the choice when it could be two days.
import { readMeta } from '@hindsight/doc';
import { resolveBareTime } from '@hindsight/importers';
import type * as Y from 'yjs';
import { parseBareClock, parseTime, type TimePrecision } from './parseTime.ts';

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
  const bare = parseBareClock(input);
  if (bare) {
    const r = resolveBareTime(bare.time, {
      zone: bare.utc ? 'UTC' : zone,
      startedAt,
      windowEndsAt: meta.collectionEndsAt,
      previousAt,
      now,
    });
    return { at: r.at, precision: bare.precision, options: r.options, ambiguous: r.ambiguous };
  }
  const parsed = parseTime(input, { reference: previousAt ?? startedAt, timeZone: zone });
  return parsed && { ...parsed, options: [parsed.at], ambiguous: false };
}
