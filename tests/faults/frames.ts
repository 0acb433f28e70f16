// A seeded generator of malformed y-websocket frames, by category, for the
// fuzz test. The same seed always yields the same frame.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from '@hindsight/protocol';
import { addEntry } from '@hindsight/doc';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytes = (rand: () => number, n: number): Uint8Array => Uint8Array.from({ length: n }, () => (rand() * 256) | 0);

function validUpdate(rand: () => number): Uint8Array {
  const doc = new Y.Doc();
  addEntry(
    doc,
    { at: Date.UTC(2026, 0, 1), summary: `fuzz ${rand()}` },
    { now: () => 1, newId: () => `fuzz-${rand()}` },
  );
  return Y.encodeStateAsUpdate(doc);
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const CATEGORIES = [
  'random-bytes',
  'wrong-message-type',
  'wrong-sync-type',
  'truncated-varint',
  'overlong-varint',
  'invalid-update',
  'corrupted-update',
  'huge-claimed-length',
  'bad-awareness',
  'bad-state-vector',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The malformed frame for `seed`, and its category. */
export function malformedFrame(seed: number): { category: Category; frame: Uint8Array } {
  const rand = prng(seed);
  const category = CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!;
  const n = 1 + Math.floor(rand() * 200);
  switch (category) {
    case 'random-bytes':
      // A leading byte of 4..255 is never a message type.
      return { category, frame: Uint8Array.from([4 + Math.floor(rand() * 252), ...bytes(rand, n)]) };
    case 'wrong-message-type':
      return { category, frame: frame((e) => encoding.writeVarUint(e, 4 + Math.floor(rand() * 10_000))) };
    case 'wrong-sync-type':
      return {
        category,
        frame: frame(
          (e) => (encoding.writeVarUint(e, MessageType.sync), encoding.writeVarUint(e, 3 + Math.floor(rand() * 1000))),
        ),
      };
    case 'truncated-varint':
      return {
        category,
        frame: Uint8Array.from([
          MessageType.sync,
          ...Array.from({ length: 1 + Math.floor(rand() * 4) }, () => 0x80 | ((rand() * 128) | 0)),
        ]),
      };
    case 'overlong-varint':
      return {
        category,
        frame: Uint8Array.from([...Array.from({ length: 10 + Math.floor(rand() * 10) }, () => 0xff), 0x01]),
      };
    case 'invalid-update':
      return {
        category,
        frame: frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, rand() < 0.5 ? 1 : 2);
          encoding.writeVarUint8Array(e, Uint8Array.from([1 + ((rand() * 5) | 0), ...bytes(rand, n)]));
        }),
      };
    case 'corrupted-update': {
      const update = validUpdate(rand);
      const cut = update.slice(0, Math.max(1, Math.floor(update.length * rand() * 0.9)));
      return {
        category,
        frame: frame(
          (e) => (
            encoding.writeVarUint(e, MessageType.sync),
            encoding.writeVarUint(e, 2),
            encoding.writeVarUint8Array(e, cut)
          ),
        ),
      };
    }
    case 'huge-claimed-length':
      return {
        category,
        frame: frame((e) => {
          encoding.writeVarUint(e, rand() < 0.5 ? MessageType.sync : MessageType.awareness);
          if (rand() < 0.5) encoding.writeVarUint(e, 2);
          encoding.writeVarUint(e, 2 ** 31 + Math.floor(rand() * 2 ** 20));
          encoding.writeUint8Array(e, bytes(rand, n));
        }),
      };
    case 'bad-awareness':
      return {
        category,
        frame: frame((e) => {
          encoding.writeVarUint(e, MessageType.awareness);
          const inner = encoding.createEncoder();
          encoding.writeVarUint(inner, 1);
          encoding.writeVarUint(inner, (rand() * 1e6) | 0);
          encoding.writeVarUint(inner, 1);
          encoding.writeVarString(inner, rand() < 0.5 ? '{"user":' : '[1,2,3]');
          encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
        }),
      };
    case 'bad-state-vector':
      return {
        category,
        frame: frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint8Array(e, Uint8Array.from([5, 0x80]));
        }),
      };
  }
}
