import { describe, expect, it } from 'vitest';
import { incidentDurations } from './durations.ts';
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
      mitigate: null,
      resolve: null,
    });
  });
});
