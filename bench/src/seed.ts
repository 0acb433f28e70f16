// Builds review content with @hindsight/doc's own operations and pushes it through a provider.
import * as Y from 'yjs';
import { openProvider, whenReady } from './clients/benchClient.ts';
import type { HindsightServer } from './servers/hindsight.ts';
import type { RoomAccess } from './servers/types.ts';
import { until } from './time.ts';
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

/** Seeds `entries` entries as one update each plus summary edits up to `updates` updates in all. */
export async function seedLoggedReview(server: HindsightServer, entries: number, updates: number): Promise<RoomAccess> {
  const [access] = await server.createRooms(1);
  await writeToReview(server, access!, async (writer) => {
    const ids = await addEntries(writer, entries, 1);
    await editSummaries(writer, ids, Math.max(0, updates - entries));
  });
  return access!;
}

/**
 * Opens `access`'s review as a writer and an observer, runs `write` on the writer's synced document, and
 * resolves once the observer holds all of it: the relay forwards an update only after its commit, so by
 * then every update is on disk.
 */
export async function writeToReview(
  server: HindsightServer,
  access: RoomAccess,
  write: (writer: Y.Doc) => Promise<void>,
): Promise<void> {
  const writer = new Y.Doc();
  const observer = new Y.Doc();
  const wp = openProvider(access, writer);
  const op = openProvider(access, observer);
  try {
    await Promise.all([whenReady(wp, true), whenReady(op, true)]);
    await write(writer);
    const target = Y.decodeStateVector(Y.encodeStateVector(writer)).get(writer.clientID);
    const reached = (): boolean => Y.decodeStateVector(Y.encodeStateVector(observer)).get(writer.clientID) === target;
    try {
      // Minutes, not seconds: a build whose relay merges each tick's updates in one Y.mergeUpdates call (n², before
      // relay/mergeMany.ts) takes over 2 minutes to relay 50,000 on a loaded machine, and is still measured.
      await until(reached, 'every written update to be committed and relayed', 600_000, 50);
    } catch (err) {
      throw new Error(`${(err as Error).message}\nserver output:\n${server.output().join('\n')}`);
    }
  } finally {
    wp.destroy();
    op.destroy();
    writer.destroy();
    observer.destroy();
  }
}

/** The ids of the review's entries, as `doc` holds them. */
export const entryIds = (doc: Y.Doc): string[] => [...roots(doc).timeline.keys()];
