// A review page load starts its work from the entry module, before React and the page's chunks load:
// the sync (IndexedDB read, then the socket) here, the session request and the timeline's first screen in
// the entry module itself (main.tsx). The review page adopts them.
import { openReview, type ReviewSync } from '../sync/session.ts';
import type { Session } from '@hindsight/protocol';
import { loadRecent } from './localStore.ts';
import { firstScreenDrawn } from '../features/timeline/firstScreen.ts';

interface Early {
  reviewId: string;
  token: string;
  sync: ReviewSync | null;
  session: Promise<Session> | null;
  /** The session once it is in (the page then starts from it rather than from "Checking the link…"). */
  sessionIn: Session | null;
}

/** The early review while nobody took it; 'claimed' once the page asked (too late to start one then). */
let early: Early | 'claimed' | null = null;

/**
 * Opens `reviewId` with `token` now; `name` is the display name this browser remembers, if any.
 * `session` is the session request the entry module made already (see main.tsx).
 */
export function startEarlyReview(
  reviewId: string,
  token: string,
  name: string | null,
  session: Promise<Session>,
): void {
  if (early !== null) return;
  // A review this browser never opened has no IndexedDB copy: its socket need not wait for one.
  const cached = loadRecent().some((r) => r.id === reviewId);
  // The review's first large message waits (briefly) for the first screen to be drawn, not the other way round.
  const sync = openReview(reviewId, token, name, { cached, holdLargeSync: () => firstScreenDrawn(reviewId) });
  const opened: Early = { reviewId, token, sync, session, sessionIn: null };
  early = opened;
  session
    .then((s) => {
      // Only while nobody has taken it: once taken, the page has its own answer.
      if (opened.session) opened.sessionIn = s;
    })
    .catch(() => undefined);
  // The browser's first date formatter loads its locale and time zone data (100-400 ms measured in
  // Chromium). The page needs it for its first rows; pay it while IndexedDB or the server works: with a
  // cached copy at once (the copy loads meanwhile), else once the socket has sent its sync request
  // (y-websocket sends it in the same 'open' handler that reports 'connected'), not before.
  if (cached) setTimeout(warmUpDateFormatting, 0);
  else {
    const onStatus = ({ status }: { status: string }): void => {
      if (status !== 'connected') return;
      sync.provider.off('status', onStatus);
      setTimeout(warmUpDateFormatting, 0);
    };
    sync.provider.on('status', onStatus);
  }
}

function warmUpDateFormatting(): void {
  try {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(0);
  } catch {
    // A browser without time zone support formats in UTC later; nothing to warm.
  }
}

function matching(reviewId: string, token: string): Early | null {
  if (early === null || early === 'claimed') {
    early = 'claimed';
    return null;
  }
  if (early.reviewId === reviewId && early.token === token) return early;
  // Opened for another link than the page now shows: nobody will take it.
  dropEarlyReview();
  early = 'claimed';
  return null;
}

/** The early open of this review, handed over once (the caller owns it then), else null. */
export function takeEarlySync(reviewId: string, token: string): ReviewSync | null {
  const found = matching(reviewId, token);
  const sync = found?.sync ?? null;
  if (found) found.sync = null;
  return sync;
}

/** The early open of `reviewId` with `token`, looked at without claiming it, else null. */
function peek(reviewId: string, token: string): Early | null {
  return early !== null && early !== 'claimed' && early.reviewId === reviewId && early.token === token ? early : null;
}

/** The early open of this review without taking it (same answer until it is taken), else null. */
export function peekEarlySync(reviewId: string, token: string): ReviewSync | null {
  return peek(reviewId, token)?.sync ?? null;
}

/** The early session of this review if it is in already (not taken), else null. */
export function peekEarlySession(reviewId: string, token: string): Session | null {
  return peek(reviewId, token)?.sessionIn ?? null;
}

/** The early session request of this review, handed over once, else null. */
export function takeEarlySession(reviewId: string, token: string): Promise<Session> | null {
  const found = matching(reviewId, token);
  const session = found?.session ?? null;
  if (found) {
    found.session = null;
    // Taken: a later open of the page asks the server again (the link may have been revoked since).
    found.sessionIn = null;
  }
  return session;
}

/** Closes an early open nobody took (the link was refused, or the page went elsewhere first). */
export function dropEarlyReview(): void {
  if (early === null || early === 'claimed') return;
  early.sync?.destroy();
  early.sync = null;
  early.session = null;
  early.sessionIn = null;
}
