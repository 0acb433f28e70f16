// Unit tests: delays as known at a moment of the replay.
import { describe, expect, it } from 'vitest';
import type { EntryView } from '@hindsight/doc';
import { delaysAt } from './delaysAt.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 28, 13, 0);
const entry = (id: string, minute: number, kind: EntryView['kind']): EntryView =>
  ({ id, at: T0 + minute * MIN, kind, source: { type: 'manual' } }) as unknown as EntryView;
const NO_MARKERS = { started: null, detected: null, acknowledged: null, mitigated: null, resolved: null };
const THRESHOLDS = { alertResponseMs: 15 * MIN, detectMitigateMs: 60 * MIN };

describe('delaysAt', () => {
  const entries = [
    entry('a1', 0, 'alert'),
    entry('a2', 5, 'alert'),
    entry('r1', 22, 'action'),
    entry('x', 40, 'observation'),
  ];

  it('is empty before the alert has waited the threshold, then an ongoing delay growing with T', () => {
    expect(delaysAt(entries, NO_MARKERS, THRESHOLDS, T0 + 14 * MIN)).toEqual([]);
    const at16 = delaysAt(entries, NO_MARKERS, THRESHOLDS, T0 + 16 * MIN);
    expect(at16).toEqual([
      expect.objectContaining({
        kind: 'alert_response',
        fromEntryId: 'a1',
        toEntryId: null,
        gapMs: 16 * MIN,
        ongoing: true,
      }),
    ]);
  });

  it('closes the delay at the first response after the alert run', () => {
    expect(delaysAt(entries, NO_MARKERS, THRESHOLDS, T0 + 30 * MIN)).toEqual([
      expect.objectContaining({ fromEntryId: 'a1', toEntryId: 'r1', gapMs: 22 * MIN, ongoing: false }),
    ]);
  });

  it('does not flag a quick response', () => {
    const quick = [entry('a', 0, 'alert'), entry('r', 4, 'action')];
    expect(delaysAt(quick, NO_MARKERS, THRESHOLDS, T0 + 60 * MIN)).toEqual([]);
  });

  it('counts detection to mitigation only from markers already reached', () => {
    const markers = { ...NO_MARKERS, detected: T0, mitigated: T0 + 90 * MIN };
    expect(delaysAt([], markers, THRESHOLDS, T0 + 30 * MIN)).toEqual([]);
    expect(delaysAt([], markers, THRESHOLDS, T0 + 70 * MIN)).toEqual([
      expect.objectContaining({ kind: 'detect_mitigate', gapMs: 70 * MIN, ongoing: true }),
    ]);
    expect(delaysAt([], markers, THRESHOLDS, T0 + 120 * MIN)).toEqual([
      expect.objectContaining({ kind: 'detect_mitigate', gapMs: 90 * MIN, ongoing: false }),
    ]);
  });
});
