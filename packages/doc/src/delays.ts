// Delays found automatically (a read model): long gaps between an alert and the
// first human response after it, and between detection and mitigation, with
// per-review thresholds kept in `meta` (docs/document.md, "Delays").
import type * as Y from 'yjs';
import {
  MetaKey,
  origin,
  roots,
  type EntryKind,
  type EntrySource,
  type IncidentMarker,
  type OpContext,
} from './schema.ts';
import { readMeta } from './meta.ts';
import { readTimeline, type EntryView } from './readModel.ts';

/** Which gap a delay is. */
export const DELAY_KINDS = ['alert_response', 'detect_mitigate'] as const;
export type DelayKind = (typeof DELAY_KINDS)[number];

/** Per-review thresholds: a gap at least this long is flagged. */
export interface DelayThresholds {
  /** From an alert to the first response after it. */
  alertResponseMs: number;
  /** From the `detected` marker to the `mitigated` marker. */
  detectMitigateMs: number;
}

export const DEFAULT_DELAY_THRESHOLDS: DelayThresholds = {
  alertResponseMs: 15 * 60_000,
  detectMitigateMs: 60 * 60_000,
};

/** Largest threshold accepted: one week. */
const MAX_THRESHOLD_MS = 7 * 24 * 3_600_000;

export interface Delay {
  kind: DelayKind;
  /** The alert (alert_response) or the first entry at or after detection (detect_mitigate); null if none. */
  fromEntryId: string | null;
  /** The first response, or the first entry at or after mitigation; null when there is none (yet). */
  toEntryId: string | null;
  /** Start and end of the gap, epoch ms UTC (`toAt` of an unanswered alert: the last entry's time). */
  fromAt: number;
  toAt: number;
  gapMs: number;
}

/** Entries a person (not a machine) wrote or said: what counts as responding to an alert (an unknown kind does not). */
const RESPONSE_KINDS: ReadonlySet<string> = new Set<EntryKind>(['action', 'decision', 'communication', 'observation']);
const MACHINE_SOURCES: ReadonlySet<EntrySource> = new Set(['alert', 'log', 'deploy']);

/** A recovery notice ("Resolved: …", as the importers write it) needs no response. */
const isAlert = (e: EntryView): boolean =>
  (e.kind === 'alert' || e.source.type === 'alert') && !/^\s*resolved\b/i.test(e.summary ?? '');
const isResponse = (e: EntryView): boolean => RESPONSE_KINDS.has(e.kind) && !MACHINE_SOURCES.has(e.source.type);

function threshold(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The review's thresholds (defaults for missing or malformed values). */
export function readDelayThresholds(doc: Y.Doc): DelayThresholds {
  const { meta } = roots(doc);
  return {
    alertResponseMs: threshold(meta.get(MetaKey.delayAlertResponseMs), DEFAULT_DELAY_THRESHOLDS.alertResponseMs),
    detectMitigateMs: threshold(meta.get(MetaKey.delayDetectMitigateMs), DEFAULT_DELAY_THRESHOLDS.detectMitigateMs),
  };
}

/** Sets one or both thresholds (1 minute to 7 days each); null resets one to its default. */
export function setDelayThresholds(
  doc: Y.Doc,
  input: { alertResponseMs?: number | null; detectMitigateMs?: number | null },
  ctx: OpContext,
): void {
  const check = (what: string, v: number | null | undefined): void => {
    if (v === undefined || v === null) return;
    if (!Number.isFinite(v) || v < 60_000 || v > MAX_THRESHOLD_MS) {
      throw new Error(`${what} must be between 1 minute and 7 days (in ms), got ${String(v)}`);
    }
  };
  check('alertResponseMs', input.alertResponseMs);
  check('detectMitigateMs', input.detectMitigateMs);
  const keys = [
    [MetaKey.delayAlertResponseMs, input.alertResponseMs],
    [MetaKey.delayDetectMitigateMs, input.detectMitigateMs],
  ] as const;
  doc.transact(
    () => {
      const { meta } = roots(doc);
      for (const [key, v] of keys) {
        if (v === null) meta.delete(key);
        else if (v !== undefined) meta.set(key, Math.round(v));
      }
    },
    origin('setDelayThresholds', ctx),
  );
}

/**
 * The delays in already sorted `entries` (as `readTimeline` gives them).
 * Alert → response: a run of alerts with no response in between counts once,
 * from its first alert to the first response after it; an alert still without
 * a response is measured to the last entry (`toEntryId` null). Detection →
 * mitigation comes from the incident markers.
 */
export function delaysOf(
  entries: readonly EntryView[],
  markers: Readonly<Record<IncidentMarker, number | null>>,
  thresholds: DelayThresholds,
): Delay[] {
  const delays: Delay[] = [];
  let pending: EntryView | null = null;
  for (const e of entries) {
    if (isAlert(e)) {
      pending ??= e;
      continue;
    }
    if (!pending || !isResponse(e)) continue;
    const gapMs = e.at - pending.at;
    if (gapMs >= thresholds.alertResponseMs) {
      delays.push({
        kind: 'alert_response',
        fromEntryId: pending.id,
        toEntryId: e.id,
        fromAt: pending.at,
        toAt: e.at,
        gapMs,
      });
    }
    pending = null;
  }
  const last = entries[entries.length - 1];
  if (pending && last && last.at - pending.at >= thresholds.alertResponseMs) {
    const gapMs = last.at - pending.at;
    delays.push({
      kind: 'alert_response',
      fromEntryId: pending.id,
      toEntryId: null,
      fromAt: pending.at,
      toAt: last.at,
      gapMs,
    });
  }
  const { detected, mitigated } = markers;
  if (detected !== null && mitigated !== null && mitigated - detected >= thresholds.detectMitigateMs) {
    const firstAt = (t: number): string | null => entries.find((e) => e.at >= t)?.id ?? null;
    delays.push({
      kind: 'detect_mitigate',
      fromEntryId: firstAt(detected),
      toEntryId: firstAt(mitigated),
      fromAt: detected,
      toAt: mitigated,
      gapMs: mitigated - detected,
    });
  }
  return delays.sort((a, b) => a.fromAt - b.fromAt || a.kind.localeCompare(b.kind));
}

/** The review's delays, by its own thresholds. */
export function findDelays(doc: Y.Doc): Delay[] {
  return delaysOf(readTimeline(doc), readMeta(doc).markers, readDelayThresholds(doc));
}
