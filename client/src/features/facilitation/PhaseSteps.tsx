// The meeting's agenda as steps, named by the review's template, the current one marked; the facilitator
// clicks (or Alt+. / Alt+,) to move.
import { MEETING_PHASES, setMeetingPhase, type MeetingPhase } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { usePhaseTitles } from '../template/useReviewTemplate.ts';

export function PhaseSteps({ phase, canMove }: { phase: MeetingPhase | null; canMove: boolean }) {
  const { sync, ctx } = useReview();
  const titles = usePhaseTitles();
  const currentIndex = phase ? MEETING_PHASES.indexOf(phase) : -1;
  return (
    <ol className="phases" aria-label="Agenda" data-testid="meeting-phases">
      {MEETING_PHASES.map((p, i) => {
        const current = p === phase;
        const cls = `phase${current ? ' is-current' : ''}${i < currentIndex ? ' is-done' : ''}`;
        return (
          <li key={p} className={cls} aria-current={current ? 'step' : undefined}>
            {canMove ? (
              <button
                type="button"
                className="phase-btn"
                onClick={() => setMeetingPhase(sync.doc, p, ctx)}
                title={current ? 'Current phase' : `Move the meeting to “${titles[p]}”`}
              >
                <span className="phase-n">{i + 1}</span> {titles[p]}
              </button>
            ) : (
              <span className="phase-btn">
                <span className="phase-n">{i + 1}</span> {titles[p]}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
