// The participant survey's summaries. Anonymity is kept here as much as in
// storage: a round with fewer than FEEDBACK_MIN_ANSWERS answers shows its
// count only, and the free texts of a round that does show come out sorted,
// never in the order they were given.
import {
  FEEDBACK_MIN_ANSWERS,
  FEEDBACK_ROUNDS,
  FEEDBACK_SCALES,
  type FeedbackAnswer,
  type FeedbackRound,
  type FeedbackScale,
} from '@hindsight/protocol';

export interface ScaleSummary {
  /** Mean of the answers, one decimal. */
  mean: number;
  /** How many answered 1, 2, 3, 4 and 5. */
  counts: [number, number, number, number, number];
}

export interface RoundSummary {
  round: FeedbackRound;
  answers: number;
  /** Null below the threshold: then only the count is shown. */
  breakdown: {
    scales: Record<FeedbackScale, ScaleSummary>;
    keep: string[];
    change: string[];
  } | null;
}

/** Mean of 1–5 answers with one decimal; null for none. */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

const texts = (xs: readonly string[]): string[] =>
  xs
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .sort((a, b) => a.localeCompare(b));

/** One review's survey, per round (both rounds always listed). */
export function summariseFeedback(answers: readonly FeedbackAnswer[]): RoundSummary[] {
  return FEEDBACK_ROUNDS.map((round) => {
    const mine = answers.filter((a) => a.round === round);
    if (mine.length < FEEDBACK_MIN_ANSWERS) return { round, answers: mine.length, breakdown: null };
    const scales = Object.fromEntries(
      FEEDBACK_SCALES.map(({ key }) => {
        const counts: ScaleSummary['counts'] = [0, 0, 0, 0, 0];
        for (const a of mine) counts[a[key] - 1]!++;
        return [key, { mean: meanOf(mine.map((a) => a[key]))!, counts }];
      }),
    ) as Record<FeedbackScale, ScaleSummary>;
    return {
      round,
      answers: mine.length,
      breakdown: { scales, keep: texts(mine.map((a) => a.keep)), change: texts(mine.map((a) => a.change)) },
    };
  });
}
