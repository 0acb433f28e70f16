// The facilitator's controls: start or end the meeting (60–90 minutes), next phase, freeze, status.
import { useState } from 'react';
import { endMeeting, setMeetingPhase, setTimelineFrozen, startMeeting, type FacilitationView } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { MEETING_MINUTES, PHASE_LABELS, stepPhase } from './meetingFormat.ts';
import { StatusControl } from './StatusControl.tsx';

export function FacilitatorControls({ facilitation }: { facilitation: FacilitationView }) {
  const { sync, ctx } = useReview();
  const [minutes, setMinutes] = useState<number>(90);
  const { meeting, frozen } = facilitation;
  const next = meeting.running ? stepPhase(meeting.phase, 1) : null;
  return (
    <section className="panel-section" aria-labelledby="facilitator-h">
      <h2 id="facilitator-h">Facilitator</h2>
      {meeting.running ? (
        <div className="panel-row">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!next}
            onClick={() => next && setMeetingPhase(sync.doc, next, ctx)}
            title="Alt+."
          >
            {next ? `Next: ${PHASE_LABELS[next]}` : 'Last phase'}
          </button>
          <button type="button" className="btn" onClick={() => endMeeting(sync.doc, ctx)}>
            End meeting
          </button>
        </div>
      ) : (
        <div className="panel-row">
          <label className="field inline-field">
            <span>Meeting length</span>
            <select className="input" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {MEETING_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m} minutes
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-primary" onClick={() => startMeeting(sync.doc, { minutes }, ctx)}>
            {meeting.startedAt === null ? 'Start meeting' : 'Start again'}
          </button>
        </div>
      )}
      <div className="panel-row">
        <button
          type="button"
          className={`btn${frozen ? ' btn-primary' : ''}`}
          aria-pressed={frozen}
          onClick={() => setTimelineFrozen(sync.doc, !frozen, ctx)}
        >
          {frozen ? 'Unfreeze timeline' : 'Freeze timeline'}
        </button>
        <span className="muted small">
          {frozen ? 'Only you can change the timeline.' : 'Freeze it once the walk-through starts.'}
        </span>
      </div>
      <StatusControl />
    </section>
  );
}
