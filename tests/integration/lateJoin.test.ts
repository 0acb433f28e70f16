// A late joiner to a loaded review: stock y-websocket clients over real
// WebSockets, with the frames each one receives recorded. A client holding
// nothing gets the whole review in one sync step 2; a client holding part of
// it gets only what it lacks; after a checkpoint (which becomes the cached
// answer) joiners still get everything, including what came after it.
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { canonical, connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

const AT = 1_700_000_000_000;
const SYNC = 0;
const STEP2 = 1;
const UPDATE = 2;

interface SyncFrame {
  kind: number;
  update: Uint8Array;
}

/** A stock client whose received sync frames (step 2s and updates) are recorded, in order. */
function recordingClient(server: RunningServer, reviewId: string, token: string, doc = new Y.Doc()) {
  const frames: SyncFrame[] = [];
  class Recording extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      // On before the provider's own handler: every frame is seen as the server sent it.
      this.on('message', (data: Buffer) => {
        const bytes = new Uint8Array(data);
        if (bytes[0] !== SYNC || (bytes[1] !== STEP2 && bytes[1] !== UPDATE)) return;
        // One varint length, then the update.
        let at = 2;
        let length = 0;
        for (let shift = 0; ; shift += 7) {
          const b = bytes[at++]!;
          length += (b & 0x7f) * 2 ** shift;
          if (b < 0x80) break;
        }
        expect(at + length).toBe(bytes.length);
        frames.push({ kind: bytes[1], update: bytes.slice(at) });
      });
    }
  }
  const client = connect(server, reviewId, token, doc, Recording);
  return { ...client, frames };
}

function addEntries(client: Client, from: number, to: number): void {
  const ctx = defaultContext('writer');
  for (let i = from; i < to; i += 25) {
    client.doc.transact(() => {
      for (let j = i; j < Math.min(to, i + 25); j++) addEntry(client.doc, { at: AT + j, summary: `entry ${j}` }, ctx);
    });
  }
}

const stateVector = (doc: Y.Doc): Uint8Array => Y.encodeStateVector(doc);

describe('a late joiner to a loaded review', () => {
  it('holding nothing, gets the whole review in one sync step 2; holding part, only what it lacks', async () => {
    const server = await startServer();
    try {
      const review = await server.createReview('Late join');
      const writer = connect(server, review.id, review.tokens.editor);
      await synced(writer);
      const watcher = connect(server, review.id, review.tokens.observer);
      addEntries(writer, 0, 200);
      // Every entry committed before anyone joins: the joiners' answers hold all of them.
      await waitFor(() => readTimeline(watcher.doc).length === 200, 'the 200 entries to be committed');
      const first = recordingClient(server, review.id, review.tokens.observer);
      await synced(first);
      await waitFor(() => readTimeline(first.doc).length === 200, 'the first joiner to hold 200 entries');
      // Everything in one frame, exactly the writer's review: no update trails it.
      expect(first.frames.map((f) => f.kind)).toEqual([STEP2]);
      const whole = new Y.Doc();
      Y.applyUpdate(whole, first.frames[0]!.update);
      expect(stateVector(whole)).toEqual(stateVector(writer.doc));
      expect(canonical(whole)).toBe(canonical(writer.doc));

      // A second fresh joiner is answered the same, byte for byte.
      const second = recordingClient(server, review.id, review.tokens.observer);
      await synced(second);
      expect(second.frames.map((f) => f.kind)).toEqual([STEP2]);
      expect(second.frames[0]!.update).toEqual(first.frames[0]!.update);

      // A returning client holds 210 entries: more than the state the joiners were answered
      // from (200), fewer than the review (220).
      addEntries(writer, 200, 210);
      await waitFor(() => readTimeline(watcher.doc).length === 210, '10 more entries to be committed');
      const held = new Y.Doc();
      Y.applyUpdate(held, Y.encodeStateAsUpdate(writer.doc));
      const heldVector = Y.decodeStateVector(stateVector(held));
      addEntries(writer, 210, 220);
      await waitFor(() => readTimeline(watcher.doc).length === 220, 'the last 10 entries to be committed');
      const returning = recordingClient(server, review.id, review.tokens.editor, held);
      await synced(returning);
      await waitFor(() => readTimeline(returning.doc).length === 220, 'the returning client to hold 220 entries');
      // Its answer (a step 2, and an update with what came after the cached state) holds nothing it had...
      expect(returning.frames[0]!.kind).toBe(STEP2);
      const structs = returning.frames.flatMap((f) => Y.decodeUpdate(f.update).structs);
      expect(structs.length).toBeGreaterThan(0);
      for (const struct of structs)
        expect(struct.id.clock).toBeGreaterThanOrEqual(heldVector.get(struct.id.client) ?? 0);
      // ...and they bring it to exactly the writer's review.
      expect(canonical(returning.doc)).toBe(canonical(writer.doc));
      for (const c of [first, second, returning, watcher, writer]) c.destroy();
    } finally {
      await server.stop();
    }
  });

  it('after a checkpoint, a joiner holding nothing still gets everything, including what came after it', async () => {
    const server = await startServer({ env: { COMPACT_DEBOUNCE_MS: '50' } });
    try {
      const review = await server.createReview('Checkpointed');
      const writer = connect(server, review.id, review.tokens.editor);
      await synced(writer);
      addEntries(writer, 0, 100);
      const checkpoints = () => server.logs.filter((l) => l.msg === 'checkpoint stored' && l.reviewId === review.id);
      // A checkpoint holding (most of) the 100 entries, not just the new review's first state.
      const half = Y.encodeStateAsUpdate(writer.doc).length / 2;
      await waitFor(() => checkpoints().some((l) => (l.bytes as number) > half), 'a checkpoint of the entries');
      const before = recordingClient(server, review.id, review.tokens.observer);
      await waitFor(() => readTimeline(before.doc).length === 100, 'a joiner after the checkpoint to hold 100');
      // Written after the checkpoint; the next joiner comes before the next checkpoint is stored.
      const stored = checkpoints().length;
      addEntries(writer, 100, 110);
      await waitFor(() => readTimeline(before.doc).length === 110, 'the 10 entries after the checkpoint');
      const after = recordingClient(server, review.id, review.tokens.observer);
      await synced(after);
      await waitFor(() => readTimeline(after.doc).length === 110, 'the next joiner to hold 110 entries');
      expect(canonical(after.doc)).toBe(canonical(writer.doc));
      expect(after.frames[0]!.kind).toBe(STEP2);
      // The writer still writes through the gate after its state was re-based on a checkpoint.
      addEntries(writer, 110, 111);
      await waitFor(() => readTimeline(after.doc).length === 111, 'an edit after the checkpoint to be relayed');
      await waitFor(() => checkpoints().length > stored, 'the next checkpoint');
      const last = recordingClient(server, review.id, review.tokens.observer);
      await waitFor(() => readTimeline(last.doc).length === 111, 'a joiner after the second checkpoint to hold 111');
      expect(canonical(last.doc)).toBe(canonical(writer.doc));
      for (const c of [before, after, last, writer]) c.destroy();
    } finally {
      await server.stop();
    }
  });
});
