// The survey's aggregate for the facilitator: per round, the number of
// answers, and from FEEDBACK_MIN_ANSWERS on the means, the spread and the
// texts (sorted, never attributed).
import { FEEDBACK_SCALES, type FeedbackRound } from '@hindsight/protocol';
import type { RoundSummary } from '@hindsight/report';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useApi } from '../report/useApi.ts';
import { fetchFeedback } from './feedbackApi.ts';
import { useOpenRounds } from './useOpenRounds.ts';

const ROUND_LABEL: Record<FeedbackRound, string> = { meeting: 'After the meeting', published: 'After publishing' };

function Round({ r, threshold }: { r: RoundSummary; threshold: number }) {
  const b = r.breakdown;
  return (
    <section className="feedback-round" aria-label={ROUND_LABEL[r.round]} data-testid={`feedback-round-${r.round}`}>
      <h4>
        {ROUND_LABEL[r.round]} · {r.answers} {r.answers === 1 ? 'answer' : 'answers'}
      </h4>
      {!b ? (
        <p className="muted">
          The answers show from {threshold} on, so nobody can be singled out
          {r.answers > 0 ? ` (${threshold - r.answers} more to go)` : ''}.
        </p>
      ) : (
        <>
          <table className="feedback-table">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Mean (1–5)</th>
                <th scope="col">Answers 1 · 2 · 3 · 4 · 5</th>
              </tr>
            </thead>
            <tbody>
              {FEEDBACK_SCALES.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{s.question}</th>
                  <td data-testid={`feedback-mean-${s.key}`}>{b.scales[s.key].mean.toFixed(1)}</td>
                  <td>{b.scales[s.key].counts.join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(['keep', 'change'] as const).map((k) => (
            <div key={k}>
              <h5>{k === 'keep' ? 'Keep doing' : 'Change next time'}</h5>
              {b[k].length === 0 ? (
                <p className="muted">No notes.</p>
              ) : (
                <ul className="feedback-texts">
                  {b[k].map((t, i) => (
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

export function FeedbackSummary() {
  const { sync } = useReview();
  const token = loadToken(sync.reviewId);
  const open = useOpenRounds();
  const state = useApi(token && open.length ? `feedback|${sync.reviewId}|${open.join()}` : null, () =>
    fetchFeedback(sync.reviewId, token!),
  );
  if (open.length === 0) return null;
  return (
    <section className="card feedback-summary" aria-labelledby="feedback-summary-h" data-testid="feedback-summary">
      <div className="feedback-summary-head">
        <h3 id="feedback-summary-h">What participants thought</h3>
        <button type="button" className="btn btn-small" onClick={state.reload} disabled={state.loading}>
          Refresh
        </button>
      </div>
      {state.error && (
        <p className="error-text" role="alert">
          {state.error}
        </p>
      )}
      {state.data?.rounds
        .filter((r) => open.includes(r.round))
        .map((r) => (
          <Round key={r.round} r={r} threshold={state.data!.threshold} />
        ))}
    </section>
  );
}
