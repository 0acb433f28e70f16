// The team link: the instance capability for the cross-review pages (/actions,
// /insights, /insights/quarter) and their APIs. Minted at first start and
// printed once in the log; `pnpm team-link` (or POST /api/team-link with the
// operator token) re-mints it, revoking the previous one. Only its sha256 is
// stored, so a lost link is re-minted, never read back.
import { ACTIONS_PAGE_PATH, LINK_FRAGMENT_KEY } from '@hindsight/protocol';
import type { Store } from '../storage/store.ts';
import type { TeamLinkRecord } from '../storage/teamLinks.ts';
import { hashToken, newId, newToken } from './links.ts';
import { sameHash, sameSecret } from './secrets.ts';

/** The app URL that opens the follow-up page with the team token in the fragment (never sent to a server). */
export function teamLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}${ACTIONS_PAGE_PATH}#${LINK_FRAGMENT_KEY}=${token}`;
}

/** Mints a new team link, revoking any active one; resolves with its token (shown once). */
export async function mintTeamLink(store: Store, now: number): Promise<{ token: string; link: TeamLinkRecord }> {
  const token = newToken();
  const link: TeamLinkRecord = { id: newId(), tokenHash: hashToken(token), createdAt: now, revokedAt: null };
  await store.replaceTeamLink(link, now);
  return { token, link };
}

/** On a store that never had a team link, mints the first one and resolves with its token; otherwise null. */
export async function firstTeamLink(store: Store, now: number): Promise<string | null> {
  if ((await store.listTeamLinks()).length > 0) return null;
  return (await mintTeamLink(store, now)).token;
}

export type TeamCheck = 'team' | 'operator' | 'missing' | 'unknown' | 'revoked';

/**
 * Who a bearer token is for the cross-review routes: the active team link, the
 * operator token (CREATE_TOKEN, which may do everything the team link does), or
 * why not. Every comparison is constant-time.
 */
export async function checkTeamToken(
  store: Store,
  token: string | null,
  operatorToken: string | undefined,
): Promise<TeamCheck> {
  if (!token) return 'missing';
  if (operatorToken !== undefined && sameSecret(token, operatorToken)) return 'operator';
  const hash = hashToken(token);
  let found: TeamLinkRecord | undefined;
  // Few rows (one per re-mint): compare each in constant time rather than look the hash up.
  for (const link of await store.listTeamLinks()) if (sameHash(link.tokenHash, hash)) found = link;
  if (!found) return 'unknown';
  return found.revokedAt === null ? 'team' : 'revoked';
}
