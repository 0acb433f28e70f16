import { describe, expect, it } from 'vitest';
import { formatDuration, incidentDurations, markerSpan } from './durations.ts';
import { readMeta, setIncidentTime } from './meta.ts';
import { T0, ctxFor, newReview } from './testSupport.ts';

const MIN = 60_000;

describe('incidentDurations', () => {
  it('computes detect, acknowledge, mitigate and resolve from the markers', () => {
    const doc = newReview(); // started at T0 - 60 min
    const ctx = ctxFor('t');
    setIncidentTime(doc, { marker: 'detected', at: T0 - 45 * MIN }, ctx);
    setIncidentTime(doc, { marker: 'acknowledged', at: T0 + 75 * MIN }, ctx);
    setIncidentTime(doc, { marker: 'mitigated', at: T0 + 90 * MIN }, ctx);
    expect(incidentDurations(readMeta(doc))).toEqual({
      detect: 15 * MIN,
      acknowledge: 120 * MIN,
      acknowledgeFromStart: 135 * MIN,
      mitigate: 150 * MIN,
      resolve: null,
    });
  });

  it('reads a missing or out-of-order marker as unknown', () => {
    const doc = newReview();
    setIncidentTime(doc, { marker: 'detected', at: T0 - 2 * 60 * MIN }, ctxFor('t'));
    expect(incidentDurations(readMeta(doc))).toEqual({
      detect: null,
      acknowledge: null,
      acknowledgeFromStart: null,
      mitigate: null,
      resolve: null,
    });
  });

  it('reads a span that runs backwards as unknown, never negative', () => {
    expect(markerSpan(10 * MIN, 5 * MIN)).toBeNull();
    expect(markerSpan(5 * MIN, 5 * MIN)).toBe(0);
    expect(markerSpan(null, 5 * MIN)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(formatDuration(20_000)).toBe('20 s');
    expect(formatDuration(45 * MIN)).toBe('45 min');
    expect(formatDuration(65 * MIN)).toBe('1 h 05 min');
    expect(formatDuration(120 * MIN)).toBe('2 h');
    expect(formatDuration(76 * 60 * MIN)).toBe('3 d 4 h');
    expect(formatDuration(72 * 60 * MIN)).toBe('3 d');
  });

  it('keeps the sign of a negative span and names an unknown one', () => {
    expect(formatDuration(-12 * MIN)).toBe('-12 min');
    expect(formatDuration(null)).toBe('unknown');
    expect(formatDuration(Number.NaN)).toBe('unknown');
  });
});
