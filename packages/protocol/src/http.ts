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
