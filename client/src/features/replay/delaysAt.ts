// Delays as the incident stood at a moment T: finished ones, and an alert (or detection) still waiting at T.
import { delaysOf, type Delay, type DelayThresholds, type EntryView, type IncidentMarker } from '@hindsight/doc';

export interface DelayAt extends Delay {
  /** Still waiting at T: nobody had responded (or mitigated) yet; `toAt` is T. */
  ongoing: boolean;
}

/**
 * The delays known at `t`, using only what had happened by then: entries and
 * markers at or before `t`. A gap still open at `t` is measured to `t` and counts
 * once it reaches its threshold, so a replay shows a delay growing as it happens.
 * `entries` must be sorted (as `readTimeline` gives them).
 */
export function delaysAt(
  entries: readonly EntryView[],
  markers: Readonly<Record<IncidentMarker, number | null>>,
  thresholds: DelayThresholds,
  t: number,
): DelayAt[] {
  const known = entries.filter((e) => e.at <= t);
  const knownMarkers = Object.fromEntries(
    Object.entries(markers).map(([k, v]) => [k, v !== null && v <= t ? v : null]),
  ) as Record<IncidentMarker, number | null>;
  // Every gap, however short, so the one still open at t can be measured to t.
  const all = delaysOf(known, knownMarkers, { alertResponseMs: 0, detectMitigateMs: 0 });
  const result: DelayAt[] = [];
  for (const d of all) {
    const ongoing = d.kind === 'alert_response' && d.toEntryId === null;
    const measured = ongoing ? { ...d, toAt: t, gapMs: t - d.fromAt } : d;
    const limit = d.kind === 'alert_response' ? thresholds.alertResponseMs : thresholds.detectMitigateMs;
    if (measured.gapMs >= limit) result.push({ ...measured, ongoing });
  }
  const { detected } = knownMarkers;
  if (detected !== null && knownMarkers.mitigated === null && t - detected >= thresholds.detectMitigateMs) {
    result.push({
      kind: 'detect_mitigate',
      fromEntryId: known.find((e) => e.at >= detected)?.id ?? null,
      toEntryId: null,
      fromAt: detected,
      toAt: t,
      gapMs: t - detected,
      ongoing: true,
    });
  }
  return result.sort((a, b) => a.fromAt - b.fromAt || a.kind.localeCompare(b.kind));
}
