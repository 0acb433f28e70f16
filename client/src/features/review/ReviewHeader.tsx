// The review's header: title, status, collection countdown, connection state, people present.
import type { ReactNode } from 'react';
import type { MetaView } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { Countdown } from './Countdown.tsx';
import { PresenceList } from './PresenceList.tsx';
import { CollectionBanner } from '../collection/CollectionBanner.tsx';
import { IncidentDurations } from '../collection/IncidentDurations.tsx';
import { SettingsButton } from '../settings/SettingsButton.tsx';
import { FactsButton } from '../facts/FactsPanel.tsx';
import { SiteNav } from '../../app/SiteNav.tsx';

export function ReviewHeader({
  meta,
  onShare,
  banner = null,
}: {
  meta: MetaView;
  onShare?: () => void;
  banner?: ReactNode;
}) {
  const { role, canWrite, sync } = useReview();
  return (
    <header className="review-header">
      {banner}
      <div className="review-title">
        <a href="/" className="home-link" aria-label="Hindsight home">
          ◐
        </a>
        <h1 title={meta.title}>{meta.title || 'Untitled review'}</h1>
        <StatusBadge status={meta.status} />
        {meta.severity && <span className="badge">{meta.severity}</span>}
      </div>
      <div className="header-meta">
        <IncidentDurations meta={meta} />
        <Countdown endsAt={meta.collectionEndsAt} status={meta.status} />
        <ConnectionBadge />
        {!canWrite && <span className="badge readonly-note">Read-only ({role})</span>}
        <PresenceList />
        {onShare && (
          <button type="button" className="btn btn-small" onClick={onShare}>
            Share
          </button>
        )}
        <FactsButton />
        <SettingsButton />
        <SiteNav reviewId={sync.reviewId} />
      </div>
      <CollectionBanner meta={meta} />
    </header>
  );
}
