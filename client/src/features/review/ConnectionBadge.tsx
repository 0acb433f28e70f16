// Says whether edits are live, saved locally while offline, or blocked (e.g. a revoked link).
import { useReview } from '../../sync/ReviewContext.tsx';
import { useConnection } from '../../sync/useConnection.ts';

const LABELS = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — saved locally',
  fatal: 'Disconnected',
} as const;

export function ConnectionBadge() {
  const { sync } = useReview();
  const state = useConnection(sync.connection);
  const detail =
    state.phase === 'offline' || state.phase === 'reconnecting'
      ? `Edits are kept in this browser${state.cached ? '' : ' (cache loading)'} and merge when the server is back.`
      : state.phase === 'live'
        ? 'Connected: everyone sees your edits as you type.'
        : '';
  return (
    <span className={`conn conn-${state.phase}`} role="status" aria-live="polite" title={detail || undefined}>
      <span className="conn-dot" aria-hidden="true" />
      <span data-testid="connection-state">{LABELS[state.phase]}</span>
      {state.unsynced && state.phase !== 'live' && <span className="muted">· unsent edits</span>}
      {state.phase === 'fatal' && (
        <span className="banner banner-danger">
          {state.message} Your edits stay in this browser.{' '}
          <button type="button" className="btn btn-small" onClick={() => sync.connection.retry()}>
            Try again
          </button>
        </span>
      )}
    </span>
  );
}
