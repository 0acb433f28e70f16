// The meeting's timer as everyone sees it: time left, running over (clearly), or ended.
import type { MeetingView } from '@hindsight/doc';
import { formatClock, formatUtc, viewerZone } from '../../app/timeZone.ts';
import { formatTimer, timerText } from './meetingFormat.ts';

export function MeetingTimer({ meeting }: { meeting: MeetingView }) {
  if (meeting.startedAt === null) return null;
  const endsAt = meeting.startedAt + meeting.minutes * 60_000;
  const title = `${meeting.minutes}-minute meeting, started ${formatClock(meeting.startedAt, viewerZone())} (${formatUtc(meeting.startedAt)}), planned end ${formatClock(endsAt, viewerZone())}`;
  const state = !meeting.running
    ? 'ended'
    : meeting.overrun
      ? 'over'
      : meeting.remainingMs < 5 * 60_000
        ? 'soon'
        : 'ok';
  const text = meeting.running ? timerText(meeting.remainingMs) : `ended after ${formatTimer(meeting.elapsedMs)}`;
  return (
    <span className={`timer timer-${state}`} role="timer" aria-live="off" title={title} data-testid="meeting-timer">
      <span className="timer-label">Meeting</span>
      <strong>{text}</strong>
      {state === 'over' && <span className="visually-hidden"> — the meeting is running over its planned time</span>}
    </span>
  );
}
