// Where the spotlight is, and the participant's "Stop following" / "Follow" toggle.
import { useMemo } from 'react';
import { viewerZone } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { describeTarget } from './describeTarget.ts';
import { useFacilitationApi } from './FacilitationContext.ts';

export function SpotlightFollow() {
  const { sync } = useReview();
  const api = useFacilitationApi();
  const spotlight = api?.spotlight ?? null;
  const zone = useMemo(viewerZone, []);
  if (!api || !spotlight) return null;
  const what = describeTarget(sync.doc, spotlight, zone);
  return (
    <span className="spotlight-status" data-testid="spotlight-status">
      <span aria-hidden="true">◎</span>
      <span className="spotlight-what" title={what}>
        Spotlight: {what}
      </span>
      {api.isFacilitator ? (
        <button type="button" className="btn btn-small" onClick={() => api.pointAt(null)}>
          Turn off
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={!api.following}
          onClick={() => api.setFollowing(!api.following)}
        >
          {api.following ? 'Stop following' : 'Follow'}
        </button>
      )}
    </span>
  );
}
