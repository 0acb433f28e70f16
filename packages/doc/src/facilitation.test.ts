import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  endMeeting,
  pinReminder,
  readFacilitation,
  setMeetingPhase,
  setTimelineFrozen,
  startMeeting,
} from './facilitation.ts';
import type { OpContext } from './schema.ts';

const at = (ms: number): OpContext => ({ now: () => ms, newId: () => 'x', actor: 'facilitator' });
const MIN = 60_000;

describe('facilitation', () => {
  it('runs a meeting timer over the agenda, and shows running over', () => {
    const doc = new Y.Doc();
    expect(readFacilitation(doc, 0).meeting.running).toBe(false);
    expect(() => startMeeting(doc, { minutes: 30 }, at(0))).toThrow(/60 to 90/);
    expect(() => setMeetingPhase(doc, 'whys', at(0))).toThrow(/start the meeting/);
    startMeeting(doc, { minutes: 60 }, at(1_000));
    let view = readFacilitation(doc, 1_000 + 10 * MIN);
    expect(view.meeting).toMatchObject({
      running: true,
      phase: 'overview',
      minutes: 60,
      remainingMs: 50 * MIN,
      overrun: false,
    });
    setMeetingPhase(doc, 'whys', at(1_000 + 20 * MIN));
    view = readFacilitation(doc, 1_000 + 65 * MIN);
    expect(view.meeting).toMatchObject({
      phase: 'whys',
      phaseStartedAt: 1_000 + 20 * MIN,
      overrun: true,
      remainingMs: -5 * MIN,
    });
    endMeeting(doc, at(1_000 + 70 * MIN));
    view = readFacilitation(doc, 1_000 + 500 * MIN);
    expect(view.meeting).toMatchObject({ running: false, elapsedMs: 70 * MIN });
  });

  it('freezes the timeline and pins a reminder, converging between replicas', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setTimelineFrozen(a, true, at(5));
    pinReminder(b, 'Systems, not individuals', at(6));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const d of [a, b])
      expect(readFacilitation(d, 10)).toMatchObject({
        frozen: true,
        frozenAt: 5,
        reminder: 'Systems, not individuals',
      });
    setTimelineFrozen(a, false, at(7));
    pinReminder(a, null, at(8));
    expect(readFacilitation(a, 10)).toMatchObject({ frozen: false, frozenAt: null, reminder: null });
  });
});
