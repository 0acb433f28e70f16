// Merges many encoded Yjs updates without building a document. One Y.mergeUpdates call over n updates
// re-sorts its n readers for every run of structs it copies, so its cost grows with n² (4,000 small
// updates: ~400 ms in one call, ~60 ms in batches of 64 on this machine; a burst of typing relayed in one
// tick, or a long stretch of the edit history, is thousands). Merging in batches, then the batches'
// results, keeps it linear.
import * as Y from 'yjs';
import { Turns } from './turns.ts';

const BATCH = 64;

/** One level: each batch of up to BATCH parts merged into one. */
function mergeLevel(level: readonly Uint8Array[], from: number): Uint8Array {
  const batch = level.slice(from, from + BATCH);
  return batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
}

/** Every part merged into one update, in one go (for the relay's per-tick batches). */
export function mergeMany(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  let level = parts;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += BATCH) next.push(mergeLevel(level, i));
    level = next;
  }
  return level[0]!;
}

/** The same, giving the event loop a turn between batches once a turn has run its slice. */
export async function mergeManyYielding(parts: readonly Uint8Array[], turns = new Turns()): Promise<Uint8Array> {
  if (parts.length <= BATCH) return mergeMany(parts);
  let level = parts;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += BATCH) {
      next.push(mergeLevel(level, i));
      await turns.check();
    }
    level = next;
  }
  return level[0]!;
}
