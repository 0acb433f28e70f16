// Who may change which part of a review, judged on what an update changed
// (the records it touched, see recordSchema.ts), never on what its bytes seem
// to address. The server applies these to every update before storing it.
import { FACILITATION_ROOT } from './facilitation.ts';
import { PeopleRoot } from './people.ts';
import { MetaKey, Root } from './schema.ts';
import type { TouchedRecord } from './recordValidation.ts';

/**
 * Roots only a facilitator changes: the meeting, the freeze and the reminder; and
 * the pseudonyms fixed at publication (anyone else could map one back to a name).
 */
export const FACILITATOR_ROOTS: ReadonlySet<string> = new Set([FACILITATION_ROOT, PeopleRoot.pseudonyms]);

/** Meta fields only a facilitator changes: the review's lifecycle. */
export const FACILITATOR_META_KEYS: ReadonlySet<string> = new Set([
  MetaKey.status,
  MetaKey.publishedAt,
  MetaKey.collectionEndsAt,
  MetaKey.collectionClosedFor,
  MetaKey.schemaVersion,
  MetaKey.id,
  MetaKey.createdAt,
  // Which template version the review follows is set by the server at creation; editors cannot switch it.
  MetaKey.templateVersion,
]);

/** What a writer is, as far as the rules care. */
export interface Writer {
  /** May change facilitator-only state and the timeline while frozen. */
  facilitates: boolean;
}

/** A refusal: why, and the path it concerns (for the close reason and the log). */
export interface Refusal {
  path: string;
  why: string;
}

/** True when the record is facilitator-only. */
export function isFacilitatorOnly({ root, key }: TouchedRecord): boolean {
  if (FACILITATOR_ROOTS.has(root)) return true;
  return root === Root.meta && key !== null && FACILITATOR_META_KEYS.has(key);
}

/**
 * Why `writer` may not make a change that touched `touched`, or null. `frozen`
 * is whether the timeline was frozen before the change.
 */
export function judgeWrite(touched: readonly TouchedRecord[], writer: Writer, frozen: boolean): Refusal | null {
  if (writer.facilitates) return null;
  for (const t of touched) {
    const path = t.key === null ? t.root : `${t.root}/${t.key}`;
    if (isFacilitatorOnly(t)) return { path, why: 'only the facilitator changes this' };
    if (frozen && t.root === Root.timeline) return { path, why: 'the facilitator froze the timeline' };
  }
  return null;
}
