// Runs the relay's load and write paths once on a small made-up review when the
// server starts, before it listens. The first review opened after a restart was
// otherwise the one that paid for V8 compiling Yjs's decoder and integrator, the
// migrations and the gate's checks, in the middle of its first client's sync.
// `pnpm bench --workloads=coldstart --cold-entries=5000 --cold-updates=8500`, three
// runs each: building the review from its log after a restart took 327-394 ms
// without this and 220-236 ms with it; the first client's sync 499-606 vs 382-399 ms
// (from the log) and 265-401 vs 190-226 ms (from a checkpoint). It costs 90-170 ms
// at start, before the server listens.
import * as Y from 'yjs';
import {
  ENTRY_KINDS,
  addEntry,
  applyWithEffect,
  defaultContext,
  defineRoots,
  insertSummaryText,
  validateTouched,
} from '@hindsight/doc';
import type { Prepare } from './roomLoad.ts';

/** Entries in the made-up review (and as many edits): enough calls for V8 to optimise the per-struct code. */
const ENTRIES = 250;
const EDITS = 250;

/** Returns how long it took, in ms. Throws only on a bug (everything here is the server's own data). */
export function warmUp(prepare: Prepare | undefined): number {
  const started = performance.now();
  const ctx = defaultContext('warm-up');
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (u: Uint8Array) => updates.push(u));
  const ids: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    ids.push(
      addEntry(
        source,
        { at: Date.UTC(2026, 0, 1) + i * 60_000, kind: ENTRY_KINDS[i % ENTRY_KINDS.length], summary: `entry ${i}` },
        ctx,
      ),
    );
  }
  for (let i = 0; i < EDITS; i++) insertSummaryText(source, ids[(i * 7) % ids.length]!, 0, 'x', ctx);

  // A load: a checkpoint plus a tail, merged and diffed for a first sync, then built and prepared.
  const checkpoint = Y.mergeUpdates(updates.slice(0, ENTRIES));
  const tail = Y.mergeUpdates(updates.slice(ENTRIES));
  Y.diffUpdate(checkpoint, Y.encodeStateVector(new Y.Doc()));
  const doc = new Y.Doc();
  defineRoots(doc);
  doc.transact(() => {
    Y.applyUpdate(doc, checkpoint);
    Y.applyUpdate(doc, tail);
  });
  prepare?.(doc);
  Y.encodeStateAsUpdate(doc);

  // Writes through the gate: each update applied and its records validated.
  const judged = new Y.Doc();
  defineRoots(judged);
  for (const update of updates) {
    const effect = applyWithEffect(judged, update);
    for (const touched of effect.touched) validateTouched(judged, touched);
  }
  for (const d of [source, doc, judged]) d.destroy();
  return performance.now() - started;
}
