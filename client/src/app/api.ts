// The HTTP API as the client uses it: create a review, read the session a token grants.
import type { ApiError, CreateReviewRequest, CreateReviewResponse, Session } from '@hindsight/protocol';

export type { Session };

/** An API error with the server's message; `status` 0 means the server could not be reached. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiFailure(0, 'the server cannot be reached; check the connection and try again');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiError | null;
    throw new ApiFailure(res.status, body?.error?.message ?? `request failed (${res.status})`);
  }
  return (await res.json()) as T;
}

export function createReview(input: CreateReviewRequest): Promise<CreateReviewResponse> {
  return call('/api/reviews', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

export function fetchSession(reviewId: string, token: string): Promise<Session> {
  return call(`/api/reviews/${encodeURIComponent(reviewId)}/session`, {
    headers: { authorization: `Bearer ${token}` },
  });
}
