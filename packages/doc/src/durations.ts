// The incident's durations (time to detect, acknowledge, mitigate, resolve),
// from the incident markers in `meta`: the one definition used by the app's
// header, the report and the follow-up insights.
import type { IncidentMarker } from './schema.ts';

/**
 * Each span, from one marker to a later one, with its labels.
 *
 * Two definitions of "time to acknowledge" are in use and both are named here:
 * - `acknowledge` (the product's, shown in the app): detected → acknowledged,
 *   how long the page waited for a person once the problem was known;
 * - `acknowledgeFromStart` (the seed method's, where every span is counted from
 *   the incident start): started → acknowledged.
 */
export const DURATION_SPANS = {
  detect: {
    from: 'started',
    to: 'detected',
    short: 'TTD',
    label: 'Time to detect',
    explain: 'incident start to detection',
  },
  acknowledge: {
    from: 'detected',
    to: 'acknowledged',
    short: 'TTA',
    label: 'Time to acknowledge',
    explain: 'detection to a person acknowledging',
  },
  acknowledgeFromStart: {
    from: 'started',
    to: 'acknowledged',
    short: 'TTA (from start)',
    label: 'Time to acknowledge from start',
    explain: 'incident start to a person acknowledging',
  },
  mitigate: {
    from: 'started',
    to: 'mitigated',
    short: 'TTM',
    label: 'Time to mitigate',
    explain: 'incident start to mitigation',
  },
  resolve: {
    from: 'started',
    to: 'resolved',
    short: 'TTR',
    label: 'Time to resolve',
    explain: 'incident start to resolution',
  },
} as const satisfies Record<
  string,
  { from: IncidentMarker; to: IncidentMarker; short: string; label: string; explain: string }
>;

export type DurationSpan = keyof typeof DURATION_SPANS;

/** Milliseconds per span; null when a marker is missing or the later one is before the earlier. */
export type IncidentDurations = Record<DurationSpan, number | null>;

/**
 * Milliseconds from `from` to `to`: null when either is unknown, and null (not
 * a negative number) when `to` is before `from`, which means a marker was set
 * wrongly rather than that time ran backwards.
 */
export function markerSpan(from: number | null, to: number | null): number | null {
  return from === null || to === null || to < from ? null : to - from;
}

/** Every span of DURATION_SPANS for these markers (see markerSpan for null). */
export function incidentDurations(meta: {
  markers: Readonly<Record<IncidentMarker, number | null>>;
}): IncidentDurations {
  const m = meta.markers;
  const of = (span: DurationSpan): number | null =>
    markerSpan(m[DURATION_SPANS[span].from], m[DURATION_SPANS[span].to]);
  return {
    detect: of('detect'),
    acknowledge: of('acknowledge'),
    acknowledgeFromStart: of('acknowledgeFromStart'),
    mitigate: of('mitigate'),
    resolve: of('resolve'),
  };
}

/**
 * A duration as people read it: `20 s`, `45 min`, `1 h 05 min`, `2 h`, `3 d 4 h`;
 * `unknown` for null. A negative span keeps its sign. The one format for the app
 * and the report.
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'unknown';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${Math.round(abs / 1000)} s`;
  const minutes = Math.round(abs / 60_000);
  if (minutes < 60) return `${sign}${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${sign}${hours} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, '0')} min` : ''}`;
  return `${sign}${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}
