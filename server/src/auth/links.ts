// Capability links: a random token per link, stored only as its sha256. A link
// carries one role for one review; whoever holds it acts with that role.
import { createHash, randomBytes } from 'node:crypto';
import {
  ApiErrorCode,
  LINK_FRAGMENT_KEY,
  READER_PAGE_PATH,
  REVIEW_PAGE_PATH,
  can,
  ingestPath,
  type Capability,
  type Role,
} from '@hindsight/protocol';
import type { AuthResult } from '../relay/upgrade.ts';
import type { LinkRecord, Store } from '../storage/store.ts';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A short random id for reviews and links (URL-safe, 128 bits). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** The URL that opens the app on a review with a token; the token sits in the fragment, so it never reaches a server log. */
export function linkUrl(publicUrl: string, reviewId: string, token: string, role: Role): string {
  // A reader link opens the published review only; every other person's link opens the live review.
  const page = role === 'reader' ? READER_PAGE_PATH : REVIEW_PAGE_PATH;
  return `${publicUrl.replace(/\/$/, '')}${page}/${encodeURIComponent(reviewId)}#${LINK_FRAGMENT_KEY}=${token}`;
}

/** The Alertmanager ingest URL of a review (the token travels as a bearer header, not in the URL). */
export function ingestUrl(publicUrl: string, reviewId: string): string {
  return `${publicUrl.replace(/\/$/, '')}${ingestPath(reviewId, 'alertmanager')}`;
}

export function mintLink(
  reviewId: string,
  role: Role,
  label: string,
  now: number,
): { link: LinkRecord; token: string } {
  const token = newToken();
  return {
    token,
    link: { id: newId(), reviewId, role, label, tokenHash: hashToken(token), createdAt: now, revokedAt: null },
  };
}

/** Why a role may not do something, and what to ask for instead. */
export function refusal(role: Role, need: Capability, reviewId: string): string {
  if (role === 'ingest')
    return 'an ingest link can only post alerts to the ingest URL; open the review with an editor link';
  if (role === 'reader') {
    return `a reader link opens only the published review (${READER_PAGE_PATH}/${encodeURIComponent(reviewId)}), never the live review or its history; ask the facilitator for an observer link to watch live`;
  }
  if (need === 'history.read')
    return `the edit history is for the people who wrote the review; a ${role} link cannot read it`;
  if (need === 'doc.write' || need === 'feedback.give')
    return `a ${role} link is read-only; ask the facilitator for an editor link`;
  return `a ${role} link cannot do this; use the facilitator link`;
}

/**
 * Resolves a token for a review into an identity, or says exactly why not.
 * The link's role must grant `need`: by default reading the document, which
 * is what the sync WebSocket and the review's API pages need (an ingest link
 * has no such right); the ingest endpoints ask for `timeline.ingest`.
 */
export async function authenticate(
  store: Store,
  reviewId: string,
  token: string | null,
  need: Capability = 'doc.read',
): Promise<AuthResult> {
  if (!token) {
    return {
      ok: false,
      status: 401,
      code: ApiErrorCode.Unauthorized,
      message: 'missing token; open the review from its link',
    };
  }
  const link = await store.findLinkByTokenHash(hashToken(token));
  if (!link) {
    return {
      ok: false,
      status: 401,
      code: ApiErrorCode.Unauthorized,
      message: 'unknown link; check that the whole link was copied',
    };
  }
  if (link.reviewId !== reviewId) {
    return { ok: false, status: 403, code: ApiErrorCode.Forbidden, message: 'this link belongs to another review' };
  }
  if (link.revokedAt !== null) {
    return {
      ok: false,
      status: 403,
      code: ApiErrorCode.Forbidden,
      message: 'this link was revoked; ask the facilitator for a new one',
    };
  }
  if (!can(link.role, need)) {
    return { ok: false, status: 403, code: ApiErrorCode.Forbidden, message: refusal(link.role, need, reviewId) };
  }
  return { ok: true, identity: { reviewId, linkId: link.id, role: link.role, label: link.label } };
}
