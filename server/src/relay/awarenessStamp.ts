// Server-stamped awareness. A client's awareness update is decoded, checked
// (a connection may only speak for client ids it owns) and re-encoded with
// the identity the server took from the link under `user`, so nobody can
// pose as someone with another role. Format: y-protocols awareness update
// (varUint count, then per client varUint id, varUint clock, varString JSON).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { presenceColor, type StampedUser } from '@hindsight/protocol';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Decodes an awareness update; throws on bytes or JSON that do not decode. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new Error('awareness state must be an object or null');
    }
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/** A stable colour for a client id (the palette lives in packages/protocol, so clients know theirs). */
export const colorFor = presenceColor;

/** The name a client asked for, cleaned; the link's label when it gave none. */
export function displayName(claimed: unknown, fallback: string): string {
  if (claimed && typeof claimed === 'object' && 'name' in claimed) {
    const name = (claimed as { name: unknown }).name;
    if (typeof name === 'string') {
      const clean = name
        .replace(/\p{Cc}/gu, '')
        .trim()
        .slice(0, 60);
      if (clean) return clean;
    }
  }
  return fallback;
}

export function stampUser(state: Record<string, unknown>, user: StampedUser): Record<string, unknown> {
  return { ...state, user };
}
