// The review meeting, run by the facilitator: a shared timer over the method's
// agenda, the timeline freeze and a pinned reminder, in the `facilitation`
// root map. Only facilitators may change it; the server enforces that (see
// updatePaths.ts), these operations just write it.
import type * as Y from 'yjs';
import { FACILITATION_ROOT, type OpContext, origin } from './schema.ts';
import { epochMs, label, oneOf } from './validate.ts';

/** Declared in schema.ts with every other root; re-exported for importers of this module. */
export { FACILITATION_ROOT } from './schema.ts';

/** The method's agenda, in order. */
export const MEETING_PHASES = ['overview', 'timeline', 'whys', 'factors', 'actions'] as const;
export type MeetingPhase = (typeof MEETING_PHASES)[number];

export const FacilitationKey = {
  meetingStartedAt: 'meetingStartedAt',
  meetingMinutes: 'meetingMinutes',
  meetingEndedAt: 'meetingEndedAt',
  phase: 'phase',
  phaseStartedAt: 'phaseStartedAt',
  frozen: 'frozen',
  frozenAt: 'frozenAt',
  reminder: 'reminder',
} as const;

const facilitation = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(FACILITATION_ROOT);

/** Starts the meeting with a timer of 60 to 90 minutes (90 by default), at the first phase. */
export function startMeeting(doc: Y.Doc, input: { minutes?: number }, ctx: OpContext): void {
  const minutes = input.minutes ?? 90;
  if (!Number.isInteger(minutes) || minutes < 60 || minutes > 90) {
    throw new Error(`a review meeting lasts 60 to 90 minutes, got ${String(minutes)}`);
  }
  doc.transact(
    () => {
      const f = facilitation(doc);
      const now = ctx.now();
      f.set(FacilitationKey.meetingStartedAt, now);
      f.set(FacilitationKey.meetingMinutes, minutes);
      f.delete(FacilitationKey.meetingEndedAt);
      f.set(FacilitationKey.phase, MEETING_PHASES[0]);
      f.set(FacilitationKey.phaseStartedAt, now);
    },
    origin('startMeeting', ctx),
  );
}

/** Moves the meeting to `phase`. */
export function setMeetingPhase(doc: Y.Doc, phase: MeetingPhase, ctx: OpContext): void {
  const clean = oneOf('phase', MEETING_PHASES, phase);
  doc.transact(
    () => {
      const f = facilitation(doc);
      if (typeof f.get(FacilitationKey.meetingStartedAt) !== 'number') throw new Error('start the meeting first');
      f.set(FacilitationKey.phase, clean);
      f.set(FacilitationKey.phaseStartedAt, ctx.now());
    },
    origin('setMeetingPhase', ctx),
  );
}

export function endMeeting(doc: Y.Doc, ctx: OpContext): void {
  doc.transact(() => facilitation(doc).set(FacilitationKey.meetingEndedAt, ctx.now()), origin('endMeeting', ctx));
}

/** Freezes or unfreezes the timeline: while frozen, the server drops non-facilitators' changes to it. */
export function setTimelineFrozen(doc: Y.Doc, frozen: boolean, ctx: OpContext): void {
  doc.transact(
    () => {
      const f = facilitation(doc);
      f.set(FacilitationKey.frozen, frozen);
      if (frozen) f.set(FacilitationKey.frozenAt, ctx.now());
      else f.delete(FacilitationKey.frozenAt);
    },
    origin('setTimelineFrozen', ctx),
  );
}

/** Pins a reminder for everyone (e.g. "systems, not individuals"); null unpins it. */
export function pinReminder(doc: Y.Doc, text: string | null, ctx: OpContext): void {
  const clean = text === null ? null : label('reminder', text, 280);
  doc.transact(
    () => {
      const f = facilitation(doc);
      if (clean === null) f.delete(FacilitationKey.reminder);
      else f.set(FacilitationKey.reminder, clean);
    },
    origin('pinReminder', ctx),
  );
}

export interface MeetingView {
  running: boolean;
  startedAt: number | null;
  endedAt: number | null;
  minutes: number;
  phase: MeetingPhase | null;
  phaseStartedAt: number | null;
  /** Ms since the meeting started (to its end once ended). */
  elapsedMs: number;
  /** Ms left on the timer; negative when running over. */
  remainingMs: number;
  overrun: boolean;
}

export interface FacilitationView {
  meeting: MeetingView;
  frozen: boolean;
  frozenAt: number | null;
  reminder: string | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The meeting and freeze as of `now` (the caller's clock: every viewer computes the same timer). */
export function readFacilitation(doc: Y.Doc, now: number): FacilitationView {
  epochMs('now', now);
  const f = facilitation(doc);
  const startedAt = num(f.get(FacilitationKey.meetingStartedAt));
  const endedAt = num(f.get(FacilitationKey.meetingEndedAt));
  const minutes = num(f.get(FacilitationKey.meetingMinutes)) ?? 90;
  const phase = f.get(FacilitationKey.phase);
  const until = endedAt ?? now;
  const elapsedMs = startedAt === null ? 0 : Math.max(0, until - startedAt);
  const remainingMs = minutes * 60_000 - elapsedMs;
  const reminder = f.get(FacilitationKey.reminder);
  return {
    meeting: {
      running: startedAt !== null && endedAt === null,
      startedAt,
      endedAt,
      minutes,
      phase: MEETING_PHASES.includes(phase as MeetingPhase) ? (phase as MeetingPhase) : null,
      phaseStartedAt: num(f.get(FacilitationKey.phaseStartedAt)),
      elapsedMs,
      remainingMs,
      overrun: startedAt !== null && remainingMs < 0,
    },
    frozen: f.get(FacilitationKey.frozen) === true,
    frozenAt: num(f.get(FacilitationKey.frozenAt)),
    reminder: typeof reminder === 'string' ? reminder : null,
  };
}
