// The participant survey's wire contract: its rounds, questions and limits.
// The answers are kept by the server outside the review document
// (docs/api.md, "Participant feedback"): never in the replay or the exports.

/** When the survey is asked: after the meeting, and again after the review is published. */
export const FEEDBACK_ROUNDS = ['meeting', 'published'] as const;
export type FeedbackRound = (typeof FEEDBACK_ROUNDS)[number];

/** The three 1–5 questions, as the survey and every summary word them. */
export const FEEDBACK_SCALES = [
  { key: 'usefulness', question: 'How useful was this review?', low: 'Not useful', high: 'Very useful' },
  { key: 'safety', question: 'Did you feel safe to speak openly?', low: 'Not at all', high: 'Completely' },
  { key: 'timeWellSpent', question: 'Was the time well spent?', low: 'Wasted', high: 'Well spent' },
] as const;
export type FeedbackScale = (typeof FEEDBACK_SCALES)[number]['key'];

/** The two free texts. */
export const FEEDBACK_TEXTS = [
  { key: 'keep', question: 'What should we keep doing?' },
  { key: 'change', question: 'What should we change next time?' },
] as const;
export type FeedbackText = (typeof FEEDBACK_TEXTS)[number]['key'];

/** One participant's answer. Carries nothing about who gave it. */
export type FeedbackAnswer = { round: FeedbackRound } & Record<FeedbackScale, number> & Record<FeedbackText, string>;

/** Below this many answers a review's round shows its count only, never a breakdown. */
export const FEEDBACK_MIN_ANSWERS = 3;
/** Longest free text kept, in characters. */
export const FEEDBACK_TEXT_MAX = 2000;

/**
 * The rounds a review has reached: the meeting round once the meeting has
 * ended (or the review has moved past collection without one), the other once
 * the review is published.
 */
export function openFeedbackRounds(state: {
  status: string;
  publishedAt: number | null;
  meetingEndedAt: number | null;
}): FeedbackRound[] {
  return FEEDBACK_ROUNDS.filter((r) =>
    r === 'meeting' ? state.meetingEndedAt !== null || state.status !== 'collecting' : state.publishedAt !== null,
  );
}
