// Writes records with the stock y-websocket client and plain Yjs, not through packages/doc's
// operations: the shapes another client (or an older version) may leave in a review.
import * as Y from 'yjs';
import { connect, waitFor } from './clients.ts';
import type { RunningServer } from './server.ts';

/** A SPEC §3.4 minimal entry: only `id`, `at`, `kind` and a `summary` Y.Text. */
export function minimalEntry(id: string, at: number, summary: string, kind = 'observation'): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('id', id);
  entry.set('at', at);
  entry.set('kind', kind);
  entry.set('summary', new Y.Text(summary));
  return entry;
}

/** Runs `write` on a stock client's synced doc (one transaction) and resolves once another client sees it stored. */
export async function writeRaw(
  server: RunningServer,
  reviewId: string,
  token: string,
  write: (doc: Y.Doc) => void,
): Promise<void> {
  const writer = connect(server, reviewId, token);
  await waitFor(() => writer.provider.synced, 'the writing client to sync');
  writer.doc.transact(() => write(writer.doc));
  const expected = Y.encodeStateVector(writer.doc);
  const check = connect(server, reviewId, token);
  await waitFor(
    () => check.provider.synced && covers(Y.encodeStateVector(check.doc), expected),
    'the raw records to be stored',
    30_000,
  );
  check.destroy();
  writer.destroy();
}

/** True when state vector `have` holds every change of `want`. */
function covers(have: Uint8Array, want: Uint8Array): boolean {
  const got = Y.decodeStateVector(have);
  return [...Y.decodeStateVector(want)].every(([client, clock]) => (got.get(client) ?? 0) >= clock);
}

/**
 * An update adding entry `id` with a field no entry has, made on a copy of `base` as a client of its own:
 * the server refuses it as a schema violation (after applying it to its document: see server/src/relay/gate.ts).
 */
export function entryWithUnknownField(base: Y.Doc, id: string, summary: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(copy);
  const entry = minimalEntry(id, Date.UTC(2026, 11, 7, 9, 0), summary);
  entry.set('smuggled', summary);
  copy.getMap('timeline').set(id, entry);
  return Y.encodeStateAsUpdate(copy, before);
}
