import { describe, expect, it } from 'vitest';
import { DEFAULT_DELAY_THRESHOLDS, delaysOf, findDelays, readDelayThresholds, setDelayThresholds } from './delays.ts';
import { setIncidentTime } from './meta.ts';
import { addEntry } from './timeline.ts';
import type { EntryKind, EntrySource } from './schema.ts';
import { T0, ctxFor, exchange, fork, newReview } from './testSupport.ts';

const ctx = ctxFor('d', 'Dee');
const MIN = 60_000;

function add(
  doc: ReturnType<typeof newReview>,
  minute: number,
  kind: EntryKind,
  source: EntrySource = 'manual',
): string {
  return addEntry(doc, { at: T0 + minute * MIN, summary: `${kind} at ${minute}`, kind, source }, ctx);
}

describe('findDelays', () => {
  it('flags the unwatched pager: two hours from an alert to the first response', () => {
    const doc = newReview();
    const alert = add(doc, 0, 'alert', 'alert');
    add(doc, 30, 'alert', 'alert'); // the same storm: counted from the first alert
    add(doc, 60, 'automation', 'log'); // machines do not count as a response
    addEntry(doc, { at: T0 + 70 * MIN, summary: 'Resolved: DiskFull', kind: 'alert', source: 'alert' }, ctx);
    const ack = add(doc, 120, 'action');
    add(doc, 125, 'alert', 'alert');
    add(doc, 130, 'communication'); // 5 minutes: no delay
    expect(findDelays(doc)).toEqual([
      {
        kind: 'alert_response',
        fromEntryId: alert,
        toEntryId: ack,
        fromAt: T0,
        toAt: T0 + 120 * MIN,
        gapMs: 120 * MIN,
      },
    ]);
  });

  it('measures an alert nobody answered to the last entry, with no response id', () => {
    const doc = newReview();
    const alert = add(doc, 0, 'alert', 'alert');
    add(doc, 40, 'deploy', 'deploy');
    // A recovery notice is not a page: it starts no wait of its own.
    addEntry(doc, { at: T0 + 50 * MIN, summary: 'Resolved: CPU high', kind: 'alert', source: 'alert' }, ctx);
    expect(findDelays(doc)).toEqual([
      { kind: 'alert_response', fromEntryId: alert, toEntryId: null, fromAt: T0, toAt: T0 + 50 * MIN, gapMs: 50 * MIN },
    ]);
  });

  it('flags detection → mitigation from the markers, anchored to the entries at those times', () => {
    const doc = newReview();
    const first = add(doc, 0, 'observation');
    const fix = add(doc, 90, 'action');
    setIncidentTime(doc, { marker: 'detected', at: T0 }, ctx);
    setIncidentTime(doc, { marker: 'mitigated', at: T0 + 90 * MIN }, ctx);
    expect(findDelays(doc)).toEqual([
      { kind: 'detect_mitigate', fromEntryId: first, toEntryId: fix, fromAt: T0, toAt: T0 + 90 * MIN, gapMs: 90 * MIN },
    ]);
    setDelayThresholds(doc, { detectMitigateMs: 2 * 60 * MIN }, ctx);
    expect(findDelays(doc)).toEqual([]);
  });

  it('uses the review’s thresholds, with defaults and validation', () => {
    const doc = newReview();
    expect(readDelayThresholds(doc)).toEqual(DEFAULT_DELAY_THRESHOLDS);
    add(doc, 0, 'alert', 'alert');
    add(doc, 10, 'action');
    expect(findDelays(doc)).toEqual([]);
    setDelayThresholds(doc, { alertResponseMs: 5 * MIN }, ctx);
    expect(findDelays(doc).map((d) => d.gapMs)).toEqual([10 * MIN]);
    expect(() => setDelayThresholds(doc, { alertResponseMs: 10 }, ctx)).toThrow(/between 1 minute and 7 days/);
    setDelayThresholds(doc, { alertResponseMs: null }, ctx);
    expect(readDelayThresholds(doc).alertResponseMs).toBe(DEFAULT_DELAY_THRESHOLDS.alertResponseMs);
  });

  it('is the same on two replicas after concurrent edits in both orders', () => {
    const a = newReview();
    const b = fork(a);
    add(a, 0, 'alert', 'alert');
    add(b, 45, 'action');
    setDelayThresholds(b, { alertResponseMs: 20 * MIN }, ctxFor('e'));
    exchange(a, b);
    expect(findDelays(a)).toEqual(findDelays(b));
    expect(findDelays(a).map((d) => d.gapMs)).toEqual([45 * MIN]);
  });

  it('delaysOf works on an empty timeline', () => {
    const none = { started: null, detected: null, acknowledged: null, mitigated: null, resolved: null };
    expect(delaysOf([], none, DEFAULT_DELAY_THRESHOLDS)).toEqual([]);
  });
});
