// Builds review content with @hindsight/doc's own operations and pushes it through a provider.
import type * as Y from 'yjs';
import { addEntry, defaultContext, ENTRY_KINDS, insertSummaryText, roots } from '@hindsight/doc';

const ctx = defaultContext('bench');
const HOUR = 3_600_000;

const yieldToIo = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Adds `count` timeline entries, `perTransaction` at a time (each transaction is one update on the wire). */
export async function addEntries(doc: Y.Doc, count: number, perTransaction: number): Promise<string[]> {
  const ids: string[] = [];
  const start = Date.UTC(2026, 10, 1);
  for (let i = 0; i < count; i += perTransaction) {
    doc.transact(() => {
      for (let j = i; j < Math.min(count, i + perTransaction); j++) {
        ids.push(
          addEntry(
            doc,
            {
              at: start + (j * HOUR) / 60,
              kind: ENTRY_KINDS[j % ENTRY_KINDS.length],
              summary: `Entry ${j}: p99 checkout latency rose after deploy`,
              tags: ['bench', `step-${j % 7}`],
            },
            ctx,
          ),
        );
      }
    });
    // Let the provider's socket drain between batches instead of queueing everything at once.
    if ((i / perTransaction) % 20 === 19) await yieldToIo();
  }
  return ids;
}

/** `count` small summary edits on random entries, one update each. */
export async function editSummaries(doc: Y.Doc, ids: string[], count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    insertSummaryText(doc, ids[(i * 7919) % ids.length]!, 0, 'x', ctx);
    if (i % 500 === 499) await yieldToIo();
  }
}

export const timelineSize = (doc: Y.Doc): number => roots(doc).timeline.size;
