// The meeting strip under the header, seen by everyone: timer, agenda, freeze, pinned reminder, spotlight.
import { useReview } from '../../sync/ReviewContext.tsx';
import type { FacilitationView } from '@hindsight/doc';
import { MeetingTimer } from './MeetingTimer.tsx';
import { PhaseGuidePanel } from '../guide/PhaseGuidePanel.tsx';
import { PhaseSteps } from './PhaseSteps.tsx';
import { SpotlightFollow } from './SpotlightFollow.tsx';
import { useFacilitationApi } from './FacilitationContext.ts';
import { usePhaseTitles } from '../template/useReviewTemplate.ts';

export interface MeetingBarProps {
  facilitation: FacilitationView;
  panelOpen: boolean;
  onTogglePanel: () => void;
}

export function MeetingBar({ facilitation, panelOpen, onTogglePanel }: MeetingBarProps) {
  const { canWrite } = useReview();
  const api = useFacilitationApi();
  const titles = usePhaseTitles();
  const { meeting, frozen, reminder } = facilitation;
  const started = meeting.startedAt !== null;
  return (
    <div className="meeting-bar" role="region" aria-label="Review meeting" data-testid="meeting-bar">
      {started && <MeetingTimer meeting={meeting} />}
      {meeting.running && <PhaseSteps phase={meeting.phase} canMove={!!api?.isFacilitator} />}
      {api?.isFacilitator && meeting.running && (
        <span className="muted kbd-hint">
          <kbd>Alt</kbd>+<kbd>.</kbd> next · <kbd>Alt</kbd>+<kbd>,</kbd> back
        </span>
      )}
      {api?.isFacilitator && meeting.running && meeting.phase && (
        <PhaseGuidePanel phase={meeting.phase} name={titles[meeting.phase]} />
      )}
      {frozen && (
        <span className="badge badge-frozen" data-testid="frozen-badge" title="Only the facilitator can change it now">
          Timeline frozen
        </span>
      )}
      <SpotlightFollow />
      <span className="grow" />
      {
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={panelOpen}
          aria-controls="meeting-panel"
          onClick={onTogglePanel}
        >
          {panelOpen ? 'Hide meeting panel' : canWrite ? 'Meeting panel' : 'Questions and notes'}
        </button>
      }
      {reminder && (
        <p className="meeting-reminder" data-testid="pinned-reminder">
          <span className="meeting-reminder-label">Reminder</span>
          {reminder}
        </p>
      )}
    </div>
  );
}
