// What a non-facilitator's update may not change, judged by its content
// against the live document: the facilitation controls (meeting, freeze,
// reminder), the review's status, and the timeline while it is frozen.
import type * as Y from 'yjs';
import { FACILITATION_ROOT, FacilitationKey, MetaKey, Root, updatePaths, type DecodedUpdate } from '@hindsight/doc';
import { can } from '@hindsight/protocol';
import type { Identity } from '../relay/types.ts';

/** Meta fields only a facilitator sets: the review's lifecycle. */
const FACILITATOR_META_KEYS: ReadonlySet<string> = new Set([
  MetaKey.status,
  MetaKey.publishedAt,
  MetaKey.collectionEndsAt,
  MetaKey.collectionClosedFor,
]);

/** Why `update` must be dropped for `identity`, or null when it may be applied. */
export function checkContentRules(doc: Y.Doc, update: DecodedUpdate, identity: Identity): string | null {
  if (can(identity.role, 'review.facilitate')) return null;
  const frozen = doc.getMap(FACILITATION_ROOT).get(FacilitationKey.frozen) === true;
  const { paths, unknown } = updatePaths(doc, update);
  for (const { root, key } of paths) {
    if (root === FACILITATION_ROOT) return 'only the facilitator runs the meeting and the freeze';
    if (root === Root.meta && key !== null && FACILITATOR_META_KEYS.has(key)) {
      return `only the facilitator changes the review's ${key}`;
    }
    if (frozen && root === Root.timeline) return 'the timeline is frozen by the facilitator';
  }
  // Content we cannot place yet could be inside the timeline.
  if (frozen && unknown) return 'the timeline is frozen by the facilitator';
  return null;
}
