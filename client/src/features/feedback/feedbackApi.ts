// The participant survey's API as the client uses it, and what this browser
// remembers about it: a random key per review (so one person on a shared link
// answers once per round) and which rounds it already answered. Neither says
// who the person is; the server keeps only a one-way receipt of the key.
import { callApi, type FeedbackAggregate } from '@hindsight/api';
import type { FeedbackAnswer, FeedbackRound } from '@hindsight/protocol';

const keyOf = (reviewId: string): string => `hindsight:feedback-key:${reviewId}`;
const doneOf = (reviewId: string, round: FeedbackRound): string => `hindsight:feedback-done:${reviewId}:${round}`;

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled: the server still refuses a second answer from this key for this visit
  }
}

/** This browser's random survey key for the review (made on first use). */
export function respondentKey(reviewId: string): string {
  const existing = stored(keyOf(reviewId));
  if (existing && /^[\w-]{16,100}$/.test(existing)) return existing;
  const made = crypto.randomUUID();
  store(keyOf(reviewId), made);
  return made;
}

export const answeredHere = (reviewId: string, round: FeedbackRound): boolean =>
  stored(doneOf(reviewId, round)) === '1';
export const markAnswered = (reviewId: string, round: FeedbackRound): void => store(doneOf(reviewId, round), '1');

export async function sendFeedback(reviewId: string, token: string, answer: FeedbackAnswer): Promise<void> {
  await callApi('POST /api/reviews/:id/feedback', {
    params: { id: reviewId },
    token,
    body: { ...answer, respondent: respondentKey(reviewId) },
  });
}

export function fetchFeedback(reviewId: string, token: string): Promise<FeedbackAggregate> {
  return callApi('GET /api/reviews/:id/feedback', { params: { id: reviewId }, token });
}
