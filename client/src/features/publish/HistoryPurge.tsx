// In the publish panel: what the edit history still holds that was deleted, a warning when some of it looks like
// a secret (a pasted password, an API key), and the facilitator's purge, with what it costs spelled out first.
import { useState } from 'react';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useApi } from '../report/useApi.ts';
import { fetchDeleted, purgeHistory } from './historyApi.ts';

export function HistoryPurge() {
  const { sync } = useReview();
  const token = loadToken(sync.reviewId);
  const [round, setRound] = useState(0);
  const info = useApi(token ? `deleted:${sync.reviewId}:${round}` : null, () => fetchDeleted(sync.reviewId, token!));
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!token) return null;
  const data = info.data;

  const purge = (): void => {
    setBusy(true);
    setError(null);
    purgeHistory(sync.reviewId, token)
      .then(() => {
        setDone(true);
        setConfirming(false);
        setUnderstood(false);
        setRound((r) => r + 1);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="history-purge" data-testid="history-purge">
      <h3>Edit history</h3>
      {info.error && <p className="error-text">{info.error}</p>}
      {data && data.secretCount > 0 && (
        <div className="banner banner-warn" role="alert" data-testid="deleted-secrets">
          <strong>Deleted text that looks like a secret is still in the edit history.</strong> Purge the history before
          you publish, and rotate the secret anyway:
          <ul>
            {data.secrets.map((s, i) => (
              <li key={i}>
                <code>{s.masked}</code> <span className="muted small">({s.rule})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data && data.secretCount === 0 && (
        <p className="muted small">
          {data.deletedRuns === 0
            ? 'The edit history holds no deleted text.'
            : `The edit history still holds ${data.deletedRuns} deleted passage${data.deletedRuns === 1 ? '' : 's'} (${data.deletedChars} characters); none looks like a secret.`}
        </p>
      )}
      {done && (
        <p className="small" role="status">
          The edit history was purged.
        </p>
      )}
      {!confirming ? (
        <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
          Purge the edit history…
        </button>
      ) : (
        <div className="banner banner-danger" role="group" aria-label="Purge the edit history">
          <p>
            Purging replaces the whole edit history with the review as it is now. <strong>Gone for good</strong>, for
            everyone: every deleted word, who wrote what and when, and the replay of how the review was built. The
            review itself does not change. Copies in browsers that had the review open are not touched.
          </p>
          <label className="check">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />I understand
            that the edit history cannot be restored
          </label>
          <div className="publish-actions">
            <button type="button" className="btn btn-danger" disabled={!understood || busy} onClick={purge}>
              {busy ? 'Purging…' : 'Purge the edit history'}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
