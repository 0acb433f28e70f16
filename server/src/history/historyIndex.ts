// The edit-history index: every logged update's seq, time and writer (by role and link, never a
// personal name). A replay page that shows the latest update reads it again as others write, and a
// review's log reaches 100,000 updates (read whole: ~240 ms of the server and 2.2 MB each time). So
// the index of recently read reviews is kept and continued from the rows after it, one read at a time
// per review. A history purge replaces the log's first rows: when, after a read, the first row is not
// the one the index began with, the index is read whole again.
import { roleLabel, type HistoryAuthor, type HistoryIndex } from '@hindsight/protocol';
import type { LogMeta, Store } from '../storage/store.ts';

/**
 * Reviews whose index is kept, per store, and their rows in all (about 24 bytes each: a million rows is
 * about 24 MB); past either, the least recently read is dropped first.
 */
const MAX_KEPT = 16;
const MAX_KEPT_ROWS = 1_000_000;
const PAGE = 10_000;

interface Kept {
  index: HistoryIndex;
  /** `role:linkId` → its place in `index.authors`: a writer keeps its label as the index grows. */
  authorIndex: Map<string, number>;
  /** Writers seen per role, for the labels of new ones ("Responder link 2"). */
  perRole: Map<string, number>;
  /** The log's first row when the index was begun. */
  first: LogMeta | null;
}

interface Review {
  kept: Kept | null;
  /** Reads of this review queue here: two never continue the same index at once. */
  queue: Promise<unknown>;
}

const keptByStore = new WeakMap<Store, Map<string, Review>>();

/** The review's whole edit-history index, as of the latest stored update. */
export function historyIndex(store: Store, reviewId: string): Promise<HistoryIndex> {
  const reviews = keptByStore.get(store) ?? new Map<string, Review>();
  keptByStore.set(store, reviews);
  const review = reviews.get(reviewId) ?? { kept: null, queue: Promise.resolve() };
  reviews.delete(reviewId);
  reviews.set(reviewId, review);
  const read = review.queue.then(async () => {
    try {
      review.kept = await continued(store, reviewId, review.kept);
      return copyOf(review.kept.index);
    } finally {
      dropLeastRecent(reviews);
    }
  });
  review.queue = read.catch(() => undefined);
  return read;
}

/** Keeps the limits: no index over the row limit is kept, then the least recently read go first. */
function dropLeastRecent(reviews: Map<string, Review>): void {
  const rowsOf = (review: Review): number => review.kept?.index.seq.length ?? 0;
  let rows = 0;
  for (const [reviewId, review] of reviews) {
    if (rowsOf(review) > MAX_KEPT_ROWS) reviews.delete(reviewId);
    else rows += rowsOf(review);
  }
  for (const [reviewId, review] of reviews) {
    if (reviews.size <= MAX_KEPT && rows <= MAX_KEPT_ROWS) return;
    rows -= rowsOf(review);
    reviews.delete(reviewId);
  }
}

/**
 * `from` continued with the rows after it. The log's first row is read after the rows: when it is not
 * the one the index began with, a purge replaced the log's start before or while the index was read,
 * and the index is read whole again.
 */
async function continued(store: Store, reviewId: string, from: Kept | null): Promise<Kept> {
  for (let index = from; ; index = null) {
    index ??= {
      index: { reviewId, latestSeq: 0, authors: [], seq: [], at: [], author: [] },
      authorIndex: new Map(),
      perRole: new Map(),
      first: null,
    };
    for (let after = index.index.latestSeq; ;) {
      const page = await store.readLogMeta(reviewId, after, PAGE);
      // Added row by row: should a later page fail, what is kept is still the index up to its latestSeq.
      for (const row of page) add(index, row);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.seq;
    }
    const [first] = await store.readLogMeta(reviewId, 0, 1);
    if (sameRow(first ?? null, index.first)) return index;
  }
}

function add(kept: Kept, row: LogMeta): void {
  const { index } = kept;
  kept.first ??= row;
  const key = `${row.role}:${row.linkId ?? ''}`;
  let i = kept.authorIndex.get(key);
  if (i === undefined) {
    const n = (kept.perRole.get(row.role) ?? 0) + 1;
    kept.perRole.set(row.role, n);
    const base = roleLabel(row.role);
    index.authors.push({ role: row.role, label: n === 1 ? base : `${base} link ${n}` });
    i = index.authors.length - 1;
    kept.authorIndex.set(key, i);
  }
  index.seq.push(row.seq);
  index.at.push(row.receivedAt);
  index.author.push(i);
  index.latestSeq = row.seq;
}

const sameRow = (a: LogMeta | null, b: LogMeta | null): boolean =>
  a?.seq === b?.seq && a?.role === b?.role && a?.linkId === b?.linkId && a?.receivedAt === b?.receivedAt;

/** The caller's own copy: the kept index grows in place with later reads. */
const copyOf = (index: HistoryIndex): HistoryIndex => ({
  ...index,
  authors: index.authors.map((a): HistoryAuthor => ({ ...a })),
  seq: index.seq.slice(),
  at: index.at.slice(),
  author: index.author.slice(),
});
