// Puts the meeting around the review's views: the strip under the header, the side panel, spotlight following.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { can } from '@hindsight/protocol';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useAwarenessStates } from '../../sync/useAwareness.ts';
import { FacilitationContext, type FacilitationApi, type Target } from './FacilitationContext.ts';
import { FacilitationPanel } from './FacilitationPanel.tsx';
import { MeetingBar } from './MeetingBar.tsx';
import { currentSpotlight, setSpotlight, type Spotlight } from './spotlight.ts';
import { countOpen, useAnnotations } from './useAnnotations.ts';
import { useFacilitation } from './useFacilitation.ts';
import { useFollowSpotlight } from './useFollowSpotlight.ts';
import { usePhaseKeys } from './usePhaseKeys.ts';
import { PHASE_VIEWS } from './meetingFormat.ts';
// Before facilitation.css: its spotlight rules beat the rows' and cards' own at equal specificity.
import '../timeline/timeline.css';
import '../whys/whys.css';
import './facilitation.css';

export interface MeetingLayerProps {
  /** The view tabs, placed between the meeting strip and the views. */
  tabs: ReactNode;
  /** The current view (the `<main>`). */
  children: ReactNode;
  /** Brings a record into view (switching views as needed). */
  onShow: (target: Target) => void;
  /** Opens a view: followers are brought to the tab of the phase the facilitator moves to. */
  onShowView?: (view: 'timeline' | 'whys' | 'actions') => void;
}

const followKey = (reviewId: string): string => `hindsight:follow:${reviewId}`;

export function MeetingLayer({ tabs, children, onShow, onShowView }: MeetingLayerProps) {
  const { sync, role, ctx, canWrite } = useReview();
  const isFacilitator = can(role, 'review.facilitate');
  const facilitation = useFacilitation(sync.doc);
  const annotations = useAnnotations(sync.doc);
  const peers = useAwarenessStates<object>(sync.provider.awareness);
  const spotlight = useMemo(() => currentSpotlight(peers, isFacilitator), [peers, isFacilitator]);
  const [following, setFollowingState] = useState(() => sessionStorage.getItem(followKey(sync.reviewId)) !== 'no');
  const [selected, setSelected] = useState<Target | null>(null);
  const [panelOpen, setPanelOpen] = useState(isFacilitator);

  const setFollowing = useCallback(
    (next: boolean) => {
      sessionStorage.setItem(followKey(sync.reviewId), next ? 'yes' : 'no');
      setFollowingState(next);
    },
    [sync.reviewId],
  );
  const show = useCallback((s: Spotlight) => onShow({ kind: s.kind, id: s.id }), [onShow]);
  useFollowSpotlight(spotlight, following, isFacilitator, show);
  usePhaseKeys(sync.doc, ctx, facilitation.meeting.phase, isFacilitator && facilitation.meeting.running);
  // A phase change (not the phase found on opening) brings a follower to that phase's tab.
  const phase = facilitation.meeting.phase;
  const seenPhase = useRef(phase);
  useEffect(() => {
    if (seenPhase.current === phase) return;
    seenPhase.current = phase;
    const view = phase ? PHASE_VIEWS[phase] : null;
    if (view && (following || isFacilitator)) onShowView?.(view);
  }, [phase, following, isFacilitator, onShowView]);

  const openCounts = useMemo(() => countOpen(annotations), [annotations]);
  const api = useMemo<FacilitationApi>(
    () => ({
      isFacilitator,
      canAnnotate: canWrite,
      spotlight,
      following,
      setFollowing,
      selected,
      select: (target) => {
        setSelected(target);
        if (target) setPanelOpen(true);
      },
      pointAt: (target) => setSpotlight(sync.provider.awareness, target),
      openCounts,
    }),
    [isFacilitator, canWrite, spotlight, following, setFollowing, selected, sync.provider.awareness, openCounts],
  );

  return (
    <FacilitationContext.Provider value={api}>
      <MeetingBar facilitation={facilitation} panelOpen={panelOpen} onTogglePanel={() => setPanelOpen((o) => !o)} />
      {tabs}
      <div className={`meeting-body${panelOpen ? ' with-panel' : ''}`}>
        {children}
        {panelOpen && <FacilitationPanel api={api} facilitation={facilitation} annotations={annotations} />}
      </div>
    </FacilitationContext.Provider>
  );
}
