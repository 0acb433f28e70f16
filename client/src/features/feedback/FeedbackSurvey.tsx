// The participant survey, from the review itself: shown to everyone who may
// answer once a round opens (the meeting ended; the review was published),
// until this browser has answered that round.
import { useState, type FormEvent } from 'react';
import {
  FEEDBACK_SCALES,
  FEEDBACK_TEXTS,
  FEEDBACK_TEXT_MAX,
  can,
  type FeedbackRound,
  type FeedbackScale,
} from '@hindsight/protocol';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { answeredHere, markAnswered, sendFeedback } from './feedbackApi.ts';
import { ScaleQuestion } from './ScaleQuestion.tsx';
import { useOpenRounds } from './useOpenRounds.ts';
import './feedback.css';

const ROUND_TITLE: Record<FeedbackRound, string> = {
  meeting: 'How was the review meeting?',
  published: 'Now that the report is out: how was this review?',
};

export function FeedbackSurvey() {
  const { sync, role } = useReview();
  const open = useOpenRounds();
  const [done, setDone] = useState<FeedbackRound[]>([]);
  const pending = open.filter((r) => !answeredHere(sync.reviewId, r) && !done.includes(r));
  const round = pending.at(-1);
  if (!can(role, 'feedback.give')) return null;
  if (!round) {
    return done.length > 0 ? (
      <p className="card feedback-thanks" role="status" data-testid="feedback-thanks">
        Thank you. Your answer is stored without your name or link; the facilitator sees it only together with at least
        two others.
      </p>
    ) : null;
  }
  return <SurveyForm key={round} round={round} onDone={() => setDone((d) => [...d, round])} />;
}

function SurveyForm({ round, onDone }: { round: FeedbackRound; onDone: () => void }) {
  const { sync } = useReview();
  const [scores, setScores] = useState<Partial<Record<FeedbackScale, number>>>({});
  const [texts, setTexts] = useState({ keep: '', change: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const complete = FEEDBACK_SCALES.every((s) => scores[s.key] !== undefined);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const token = loadToken(sync.reviewId);
    if (!complete || !token) return;
    setBusy(true);
    setError(null);
    sendFeedback(sync.reviewId, token, {
      round,
      usefulness: scores.usefulness!,
      safety: scores.safety!,
      timeWellSpent: scores.timeWellSpent!,
      ...texts,
    })
      .then(() => {
        markAnswered(sync.reviewId, round);
        onDone();
      })
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        // Answered before (another tab, or storage was cleared): nothing more to do here.
        if (/already answered/.test(message)) {
          markAnswered(sync.reviewId, round);
          onDone();
        } else setError(message);
      })
      .finally(() => setBusy(false));
  };
  return (
    <form className="card feedback-survey" onSubmit={submit} aria-labelledby="feedback-h" data-testid="feedback-survey">
      <h3 id="feedback-h">{ROUND_TITLE[round]}</h3>
      <p className="muted">
        Three quick questions and two optional notes. Anonymous: nobody, the facilitator included, sees who answered
        what, and nothing shows until at least three people have answered.
      </p>
      {FEEDBACK_SCALES.map((s) => (
        <ScaleQuestion
          key={s.key}
          name={`feedback-${s.key}`}
          question={s.question}
          low={s.low}
          high={s.high}
          value={scores[s.key] ?? null}
          onChange={(v) => setScores((prev) => ({ ...prev, [s.key]: v }))}
        />
      ))}
      {FEEDBACK_TEXTS.map((t) => (
        <label key={t.key} className="field">
          <span>{t.question}</span>
          <textarea
            className="input"
            rows={2}
            maxLength={FEEDBACK_TEXT_MAX}
            value={texts[t.key]}
            onChange={(e) => setTexts((prev) => ({ ...prev, [t.key]: e.target.value }))}
            data-testid={`feedback-${t.key}`}
          />
        </label>
      ))}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={!complete || busy}>
        {busy ? 'Sending…' : 'Send anonymously'}
      </button>
    </form>
  );
}
