// The first screen of a review's timeline (GET /api/reviews/:id/first-screen): what a page shows, read-only,
// while it loads the whole document. A 5,000-entry review's first sync is megabytes that take the page about
// a second to receive and apply; its first screen is sixty entries, a few kilobytes.
//
// Only ever read from a document the server already holds: a loaded room's (read again once it changed), or
// the copy kept when a room unloaded, served while nothing was stored after it. Building a document for it
// would cost the event loop what the room's own load costs, while the page's first sync waits behind it: a
// review that is neither loaded nor kept gets no first screen (204), and the page waits for the document.
import type * as Y from 'yjs';
import { FIRST_SCREEN_ENTRIES, type FirstScreen } from '@hindsight/api';
import { readFirstEntries, readMeta } from '@hindsight/doc';

/**
 * How many unloaded reviews' first screens a server keeps, and how many characters of JSON in all (the
 * objects kept take a small multiple of that): most are 10-30 k, but an entry's other fields may hold up
 * to about 17 k each (tags, source, import key).
 */
export const KEPT_FIRST_SCREENS = 256;
export const KEPT_FIRST_SCREEN_BYTES = 32 * 1024 * 1024;

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
 * (the whole checkpoint at load) for it.
 */
export class LiveFirstScreen {
  private screen: FirstScreen | null = null;
  private readonly changed = (): void => {
    this.screen = null;
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly reviewId: string,
  ) {
    doc.on('afterTransaction', this.changed);
  }

  get(): FirstScreen {
    this.screen ??= readFirstScreen(this.doc, this.reviewId);
    return this.screen;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.changed);
  }
}

/**
 * First screens of rooms that unloaded, each with the last seq its document held; the least recently
 * used goes first past `max`. One is served only while the store has nothing after that seq (another
 * server may have written since), and dropped once it has.
 */
export class KeptFirstScreens {
  private readonly kept = new Map<string, { seq: number; screen: FirstScreen; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly max = KEPT_FIRST_SCREENS,
    private readonly maxBytes = KEPT_FIRST_SCREEN_BYTES,
  ) {}

  keep(reviewId: string, seq: number, screen: FirstScreen): void {
    this.forget(reviewId);
    const bytes = JSON.stringify(screen).length;
    if (bytes > this.maxBytes) return;
    this.kept.set(reviewId, { seq, screen, bytes });
    this.bytes += bytes;
    for (const id of this.kept.keys()) {
      if (this.kept.size <= this.max && this.bytes <= this.maxBytes) break;
      this.forget(id);
    }
  }

  private forget(reviewId: string): void {
    const found = this.kept.get(reviewId);
    if (!found) return;
    this.kept.delete(reviewId);
    this.bytes -= found.bytes;
  }

  /** The kept first screen if `storedAfter(seq)` says nothing was stored after it, else null. */
  async current(reviewId: string, storedAfter: (seq: number) => Promise<boolean>): Promise<FirstScreen | null> {
    const found = this.kept.get(reviewId);
    if (!found) return null;
    if (await storedAfter(found.seq)) {
      if (this.kept.get(reviewId) === found) this.forget(reviewId);
      return null;
    }
    // Most recently used now.
    if (this.kept.get(reviewId) === found) {
      this.kept.delete(reviewId);
      this.kept.set(reviewId, found);
    }
    return found.screen;
  }

  get size(): number {
    return this.kept.size;
  }
}
