// JSON bodies of the HTTP API that client and server must agree on, written once.
// The server types what it answers with them (and checks its request validators
// against them with SameShape), the client's fetch wrappers return them: a renamed
// or retyped field fails typecheck on both sides. docs/api.md describes the pattern.
import type { Capability, Role } from './index.ts';

/** Response of `GET /api/reviews/:id/session`: who the link makes you. */
export interface Session {
  reviewId: string;
  title: string;
  role: Role;
  linkId: string;
  label: string;
  capabilities: Capability[];
}

/** A writer in the edit history, named by role and link, never by person. */
export interface HistoryAuthor {
  role: string;
  /** Pseudonymous: "Facilitator", "Responder link 2", "Server". */
  label: string;
}

/**
 * Response of `GET /api/reviews/:id/history`: the edit history's index in columns
 * (compact for 50,000 updates): seq, receive time and author (index into `authors`) per update.
 */
export interface HistoryIndex {
  reviewId: string;
  latestSeq: number;
  authors: HistoryAuthor[];
  seq: number[];
  at: number[];
  author: number[];
}

/**
 * `true` when A and B have the same shape (the same keys, each type assignable to the other),
 * else `false`: `const ok: SameShape<z.infer<typeof body>, CreateReviewRequest> = true` fails to
 * compile as soon as the validator and the contract differ (the keys are compared too, since an
 * optional field renamed on one side would still be assignable both ways).
 */
export type SameShape<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

/** Body of `POST /api/reviews/:id/earlier`: one of the earlier review's links, as pasted (never stored). */
export interface LinkEarlierRequest {
  link: string;
}

/** What a review's links are told once the link pasted for an earlier review was revoked. */
export const EARLIER_LINK_INVALID = 'this link is no longer valid — paste a current link' as const;

/**
 * An earlier review as a later review shows it: its title and status only while
 * the link pasted for it is unrevoked; otherwise its id and `EARLIER_LINK_INVALID`.
 * An id written into the document without a pasted link is never valid.
 */
export type EarlierReviewInfo =
  | { reviewId: string; valid: true; title: string; status: string }
  | { reviewId: string; valid: false; message: string };

/** An unfinished action of a valid earlier review as the published review shows it (no owner: no names). */
export interface EarlierUnfinishedAction {
  reviewId: string;
  title: string;
  due: string | null;
  overdue: boolean;
}

/** The earlier reviews in `GET /api/reviews/:id/published`, resolved when read. */
export interface PublishedEarlier {
  reviews: EarlierReviewInfo[];
  unfinished: EarlierUnfinishedAction[];
}
