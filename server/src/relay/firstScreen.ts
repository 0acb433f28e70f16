// The first screen of a review's timeline (GET /api/reviews/:id/first-screen): what a page shows, read-only,
// while it loads the whole document. A 5,000-entry review's first sync is megabytes that take the page about
// a second to receive and apply; its first screen is forty entries, a few kilobytes.
//
// Only ever read from a document a server held: a loaded room's (read again once it changed), else the one
// stored with the review's last checkpoint, when its room last unloaded or when the server stopped, served
// while nothing was stored after it (so also to the first page after a restart or a deploy). Building
// a document for it would cost the event loop what the room's own load costs, while the page's first sync
// waits behind it: a review with neither gets no first screen (204), and the page waits for the document.
import type * as Y from 'yjs';
import { FIRST_SCREEN_ENTRIES, type FirstScreen } from '@hindsight/api';
import { readFirstEntries, readMeta } from '@hindsight/doc';
import type { DocumentLog } from '../storage/store.ts';
import type { RelayLogger } from './types.ts';

/**
 * A first screen longer than this (in characters of JSON) is not stored: most are 10-30 k, but an entry's
 * other fields may hold up to about 17 k each (tags, source, import key), and the page waits for the
 * document instead.
 */
export const MAX_STORED_FIRST_SCREEN_CHARS = 512 * 1024;

/**
 * Longer texts are cut (with an ellipsis) in a first screen: a row shows a few lines of each, and the
 * whole of a pasted log would make the small answer as big as the document it stands in for.
 */
export const FIRST_SCREEN_SUMMARY_CHARS = 2_000;
export const FIRST_SCREEN_NOTES_CHARS = 500;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function readFirstScreen(doc: Y.Doc, reviewId: string): FirstScreen {
  const { entries, total } = readFirstEntries(doc, FIRST_SCREEN_ENTRIES);
  const { title, markers } = readMeta(doc);
  const clipped = entries.map((e) => ({
    ...e,
    summary: clip(e.summary, FIRST_SCREEN_SUMMARY_CHARS),
    notes: clip(e.notes, FIRST_SCREEN_NOTES_CHARS),
  }));
  return { reviewId, title, entries: clipped, total, markers };
}

/**
 * A loaded room's first screen: read when first asked for, and again only after a transaction. Watched
 * through 'afterTransaction', not 'update': an 'update' listener makes Yjs encode every transaction
 * (the whole checkpoint at load) for it. Stored with each checkpoint and when the room unloads (`keep`).
 */
export class LiveFirstScreen {
  private screen: FirstScreen | null = null;
  /** The seq of the document the first screen this room stored last was read from. */
  private keptAt: number | null = null;
  private readonly changed = (): void => {
    this.screen = null;
  };

  constructor(
    private doc: Y.Doc,
    private readonly reviewId: string,
    private readonly store: Pick<DocumentLog, 'putFirstScreen'>,
    private readonly log: RelayLogger,
    private readonly maxChars = MAX_STORED_FIRST_SCREEN_CHARS,
  ) {
    doc.on('afterTransaction', this.changed);
  }

  get(): FirstScreen {
    this.screen ??= readFirstScreen(this.doc, this.reviewId);
    return this.screen;
  }

  /**
   * Stores the first screen as read now; the document must hold exactly the updates up to `seq`. Called
   * in the step a checkpoint is encoded and before the room unloads; skipped when this room stored one at
   * `seq` already. A failure is logged: the page then waits for the document, as without one.
   */
  keep(seq: number): Promise<void> {
    if (this.keptAt === seq) return Promise.resolve();
    const data = JSON.stringify(this.get());
    if (data.length > this.maxChars) return Promise.resolve();
    this.keptAt = seq;
    return this.store.putFirstScreen(this.reviewId, seq, data).catch((err: unknown) => {
      if (this.keptAt === seq) this.keptAt = null;
      this.log.warn({ reviewId: this.reviewId, err }, 'could not store the first screen');
    });
  }

  /** The room's document was replaced by `doc` (rebuilt from the store). */
  rebind(doc: Y.Doc): void {
    this.doc.off('afterTransaction', this.changed);
    this.doc = doc;
    this.screen = null;
    doc.on('afterTransaction', this.changed);
  }

  /** The stored one was deleted (a history purge): the next `keep` writes, whatever seq it is at. */
  forgetKept(): void {
    this.keptAt = null;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.changed);
  }
}

/**
 * The first screen stored last (with a checkpoint, an unload or a stop), if nothing was stored after it: a
 * write since (from another server, or before a crash) may have changed it. Null when there is none, it is
 * out of date, or it is not a first screen of this review.
 */
export async function storedFirstScreen(
  store: Pick<DocumentLog, 'getFirstScreen' | 'readLog'>,
  reviewId: string,
): Promise<FirstScreen | null> {
  const kept = await store.getFirstScreen(reviewId);
  if (!kept || (await store.readLog(reviewId, kept.seq, 1)).length > 0) return null;
  // Only servers write it, but it outlives a release: one of another shape costs the page its first screen.
  let screen: unknown;
  try {
    screen = JSON.parse(kept.data);
  } catch {
    return null;
  }
  return isFirstScreen(screen, reviewId) ? screen : null;
}

function isFirstScreen(value: unknown, reviewId: string): value is FirstScreen {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof FirstScreen, unknown>>;
  return (
    v.reviewId === reviewId &&
    typeof v.title === 'string' &&
    Array.isArray(v.entries) &&
    typeof v.total === 'number' &&
    typeof v.markers === 'object' &&
    v.markers !== null
  );
}
