// Which earlier reviews a review may show: one whose link an editor pasted
// (storage/earlierGrants.ts) while that link is unrevoked. Ids in the document
// alone (any raw client can write one) show nothing but the id.
import {
  EARLIER_LINK_INVALID,
  can,
  type EarlierReviewInfo,
  type EarlierUnfinishedAction,
  type PublishedEarlier,
} from '@hindsight/protocol';
import { type ActionRow, type ReviewIndexEntry, earlierUnfinished } from '@hindsight/report';
import type { Store } from '../storage/store.ts';

/** The ids among `earlierIds` whose pasted link still opens that review. */
export async function validEarlier(
  store: Store,
  reviewId: string,
  earlierIds: readonly string[],
): Promise<Set<string>> {
  const grants = new Map((await store.listEarlierGrants(reviewId)).map((g) => [g.earlierId, g.linkId]));
  const valid = new Set<string>();
  for (const earlierId of new Set(earlierIds)) {
    const linkId = grants.get(earlierId);
    if (linkId === undefined) continue;
    const link = (await store.listLinks(earlierId)).find((l) => l.id === linkId);
    if (link && link.revokedAt === null && can(link.role, 'doc.read')) valid.add(earlierId);
  }
  return valid;
}

export interface EarlierView {
  reviews: EarlierReviewInfo[];
  /** Unfinished action items of the valid earlier reviews. */
  items: ActionRow[];
}

/** The earlier reviews `earlierIds` as `reviewId` may show them, from the follow-up index. */
export async function earlierView(
  store: Store,
  reviewId: string,
  earlierIds: readonly string[],
  entries: readonly ReviewIndexEntry[],
  now: number,
): Promise<EarlierView> {
  const valid = await validEarlier(store, reviewId, earlierIds);
  const byId = new Map(entries.map((e) => [e.reviewId, e]));
  const reviews = earlierIds.map((id): EarlierReviewInfo => {
    const entry = valid.has(id) ? byId.get(id) : undefined;
    return entry
      ? { reviewId: id, valid: true, title: entry.title, status: entry.status }
      : { reviewId: id, valid: false, message: EARLIER_LINK_INVALID };
  });
  const shown = reviews.flatMap((r) => (r.valid ? [r.reviewId] : []));
  return { reviews, items: earlierUnfinished({ ...emptyEntry(reviewId), earlierReviewIds: shown }, entries, now) };
}

/** The published review's view: no owners (a reader gets no names). */
export function publishedUnfinished(items: readonly ActionRow[]): EarlierUnfinishedAction[] {
  return items.map((a) => ({ reviewId: a.reviewId, title: a.title, due: a.due, overdue: a.overdue }));
}

/** The texts of the published earlier block that may hold names: valid reviews' titles, then unfinished actions' titles. */
export function publishedEarlierTexts(earlier: PublishedEarlier): string[] {
  return [...earlier.reviews.flatMap((r) => (r.valid ? [r.title] : [])), ...earlier.unfinished.map((a) => a.title)];
}

/** `earlier` with the texts `publishedEarlierTexts` listed replaced by `texts` (the same, anonymised). */
export function withEarlierTexts(earlier: PublishedEarlier, texts: readonly string[]): PublishedEarlier {
  let i = 0;
  const next = (): string => texts[i++] ?? '';
  const reviews = earlier.reviews.map((r): EarlierReviewInfo => (r.valid ? { ...r, title: next() } : r));
  return { reviews, unfinished: earlier.unfinished.map((a) => ({ ...a, title: next() })) };
}

/** earlierUnfinished reads only the links of the entry it is given. */
const emptyEntry = (reviewId: string): ReviewIndexEntry => ({
  reviewId,
  title: '',
  status: '',
  severity: null,
  createdAt: null,
  publishedAt: null,
  startedAt: null,
  detectedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  earlierReviewIds: [],
  actions: [],
});

/** Titles of the earlier reviews `doc` links that `reviewId` may name (the report's "Related earlier reviews"). */
export async function earlierTitles(
  store: Store,
  reviewId: string,
  earlierIds: readonly string[],
  entries: readonly ReviewIndexEntry[],
): Promise<Map<string, string>> {
  const valid = await validEarlier(store, reviewId, earlierIds);
  return new Map(entries.filter((e) => valid.has(e.reviewId)).map((e) => [e.reviewId, e.title]));
}
