// The facilitator's controls: start or end the meeting (60–90 minutes), next phase, freeze, status.
import { useEffect, useState } from 'react';
import { agendaMinutes, phaseTitles } from '@hindsight/report';
import { endMeeting, setMeetingPhase, setTimelineFrozen, startMeeting, type FacilitationView } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { MEETING_MINUTES, stepPhase } from './meetingFormat.ts';
import { StatusControl } from './StatusControl.tsx';
import { useReviewTemplate } from '../template/useReviewTemplate.ts';

export function FacilitatorControls({ facilitation }: { facilitation: FacilitationView }) {
  const { sync, ctx } = useReview();
  // The meeting length the review's template plans (the sum of its agenda), unless the facilitator picks another.
  const template = useReviewTemplate();
  const planned = agendaMinutes(template.content);
  const titles = phaseTitles(template.content);
  const [minutes, setMinutes] = useState<number>(planned);
  useEffect(() => setMinutes(planned), [planned]);
  const lengths = [...new Set([...MEETING_MINUTES, planned])].sort((a, b) => a - b);
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
            {next ? `Next: ${titles[next]}` : 'Last phase'}
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
              {lengths.map((m) => (
                <option key={m} value={m}>
                  {m} minutes{m === planned ? ' (the template’s agenda)' : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-primary" onClick={() => startMeeting(sync.doc, { minutes }, ctx)}>
            {meeting.startedAt === null ? 'Start meeting' : 'Start again'}
          </button>
        </div>
      )}
      <p className="muted small" data-testid="agenda">
        Agenda: {template.content.agenda.map((p) => `${titles[p.phase]} ${p.minutes} min`).join(' · ')}
      </p>
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
