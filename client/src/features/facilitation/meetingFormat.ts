// Pure helpers for the meeting: the views its phases work in, stepping through it, and the timer's text.
// (The phases' names come from the review's template: phaseTitles in @hindsight/report.)
import { MEETING_PHASES, type MeetingPhase } from '@hindsight/doc';

/** The review view each meeting phase works in (the overview has none of its own). */
export const PHASE_VIEWS: Record<MeetingPhase, 'timeline' | 'whys' | 'actions' | null> = {
  overview: null,
  timeline: 'timeline',
  whys: 'whys',
  factors: 'whys',
  actions: 'actions',
};

/** The phase `step` places after (or, negative, before) `phase`; null past either end. */
export function stepPhase(phase: MeetingPhase | null, step: number): MeetingPhase | null {
  const index = phase === null ? -1 : MEETING_PHASES.indexOf(phase);
  const next = index + step;
  if (phase === null) return step > 0 ? MEETING_PHASES[0] : null;
  return next >= 0 && next < MEETING_PHASES.length ? MEETING_PHASES[next]! : null;
}

/** `42:05` or `1:02:05` for a duration (sign ignored). */
export function formatTimer(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** What the timer says: time left, or how far over. */
export function timerText(remainingMs: number): string {
  return remainingMs >= 0 ? `${formatTimer(remainingMs)} left` : `${formatTimer(remainingMs)} over`;
}

/** Meeting lengths a facilitator may choose (the method asks for 60 to 90 minutes). */
export const MEETING_MINUTES = [60, 70, 75, 80, 90] as const;
