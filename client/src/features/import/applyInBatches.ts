// Adds the chosen candidates in batches of IMPORT_BATCH, each its own applyImport transaction, so no
// single update outgrows the relay's 2 MiB frame limit; re-import idempotency makes a retry after a failure safe.
import type * as Y from 'yjs';
import type { OpContext } from '@hindsight/doc';
import { applyImport, type Candidate, type Progress } from '@hindsight/importers';

/** Candidates per transaction: about 500 bytes each keeps one update well under 2 MiB. */
export const IMPORT_BATCH = 1_000;

export interface BatchResult {
  added: number;
  alreadyPresent: number;
}

/** Applies `candidates` (in time order) batch by batch, yielding between batches so the provider can send each. */
export async function applyInBatches(
  doc: Y.Doc,
  candidates: readonly Candidate[],
  ctx: OpContext,
  onProgress: (p: Progress) => void,
  batchSize = IMPORT_BATCH,
): Promise<BatchResult> {
  let added = 0;
  let alreadyPresent = 0;
  onProgress({ done: 0, total: candidates.length });
  for (let i = 0; i < candidates.length; i += batchSize) {
    const result = applyImport(doc, candidates.slice(i, i + batchSize), ctx);
    added += result.added.length;
    alreadyPresent += result.alreadyPresent;
    onProgress({ done: Math.min(i + batchSize, candidates.length), total: candidates.length });
    if (i + batchSize < candidates.length) await new Promise((r) => setTimeout(r, 0));
  }
  return { added, alreadyPresent };
}
