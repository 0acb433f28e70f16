// The read-only replay page: the incident unfolding, and how the review itself was built.
import { useCallback, useEffect, useState } from 'react';
import { readMeta, roots } from '@hindsight/doc';
import type { ReviewSync } from '../../sync/session.ts';
import { useConnection } from '../../sync/useConnection.ts';
import { useYRead } from '../../sync/useY.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { BuildHistory } from './BuildHistory.tsx';
import { IncidentReplay } from './IncidentReplay.tsx';
import './replay.css';

type Tab = 'incident' | 'history';

/** `history`: whether this link may read the edit history (writers only); otherwise there is no such tab. */
export function ReplayPage({ sync, token, history }: { sync: ReviewSync; token: string; history: boolean }) {
  const meta = useYRead(
    roots(sync.doc).meta,
    useCallback(() => readMeta(sync.doc), [sync.doc]),
  );
  const connection = useConnection(sync.connection);
  const [tab, setTab] = useState<Tab>('incident');
  useEffect(() => {
    document.title = meta.title ? `Replay: ${meta.title} · Hindsight` : 'Replay · Hindsight';
  }, [meta.title]);
  const ready = connection.phase === 'live' || connection.cached;
  return (
    <div className="replay-page">
      <header className="review-header">
        <div className="review-title">
          <a href="/" className="home-link" aria-label="Hindsight home">
            ◐
          </a>
          <h1 title={meta.title}>{meta.title ? `Replay: ${meta.title}` : 'Replay'}</h1>
          <StatusBadge status={meta.status} />
        </div>
        <div className="header-meta">
          <span className="badge readonly-note">Read-only</span>
          <span className="muted small" data-testid="connection-state">
            {connection.phase === 'live'
              ? 'Live'
              : connection.cached
                ? 'Offline — showing the copy in this browser'
                : 'Connecting…'}
          </span>
          <a className="btn btn-small" href={`/r/${encodeURIComponent(sync.reviewId)}#t=${token}`}>
            Open the review
          </a>
        </div>
      </header>
      <div className="tabs" role="tablist" aria-label="Replay views">
        {(
          [
            ['incident', 'Incident replay'],
            ...(history ? ([['history', 'How the review was built']] as const) : []),
          ] as const
        ).map(([name, label]) => (
          <button
            key={name}
            type="button"
            role="tab"
            className="tab"
            id={`replay-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`replay-${name}`}
            onClick={() => setTab(name)}
          >
            {label}
          </button>
        ))}
      </div>
      <main className="view" id={`replay-${tab}`} role="tabpanel" aria-labelledby={`replay-tab-${tab}`}>
        {!ready ? (
          <p className="muted view-scroll">Loading the review…</p>
        ) : tab === 'incident' || !history ? (
          <IncidentReplay doc={sync.doc} />
        ) : (
          <BuildHistory reviewId={sync.reviewId} token={token} live={connection.phase === 'live' ? sync.doc : null} />
        )}
      </main>
    </div>
  );
}
