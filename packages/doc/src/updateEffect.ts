// What an update does to a document, found by applying it: the records it
// touched, the Yjs clients whose changes it carried, and whether it left
// anything pending. The server applies each update to the review's document
// with this before it stores it, and judges the effect (writeRules.ts,
// recordSchema.ts), never the bytes.
import * as Y from 'yjs';
import type { TouchedRecord } from './recordValidation.ts';
import { ROOT_SCHEMAS } from './recordSchema.ts';

export interface UpdateEffect {
  /** Records (root + first-level key) whose content changed, each once. */
  touched: TouchedRecord[];
  /** Yjs client ids whose state advanced: whose changes the update carried. */
  writers: number[];
  /**
   * Part of the update could not be integrated (structs or deletes that depend
   * on changes the document has not seen) and would wait in the document.
   */
  leftPending: boolean;
}

/** Gives every known root its declared type, so incoming changes integrate into typed roots. */
export function defineRoots(doc: Y.Doc): void {
  for (const [name, schema] of ROOT_SCHEMAS) {
    if (schema.kind === 'text') doc.getText(name);
    else if (schema.kind === 'xml') doc.getXmlFragment(name);
    else doc.getMap(name);
  }
}

function pendingSize(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

/** The record of `type`: its root's name and the key under the root it lives at. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type, whatever its event type
function recordOf(type: Y.AbstractType<any>, changedKey: string | null): TouchedRecord | null {
  let t = type;
  let key = changedKey;
  while (t._item !== null) {
    key = t._item.parentSub;
    t = t._item.parent as typeof t;
  }
  const root = Y.findRootTypeKey(t);
  return root === undefined ? null : { root, key };
}

/**
 * Applies `update` (v1 encoding) to `doc` and reports its effect. Throws if the
 * update does not decode; `doc` may then hold part of it, so callers rebuild it.
 */
export function applyWithEffect(doc: Y.Doc, update: Uint8Array, origin: unknown = null): UpdateEffect {
  const pendingBefore = pendingSize(doc);
  let transaction: Y.Transaction | null = null;
  doc.transact((tr) => {
    transaction = tr;
    Y.applyUpdate(doc, update, origin);
  }, origin);
  const tr = transaction as Y.Transaction | null;
  const touched = new Map<string, TouchedRecord>();
  const writers: number[] = [];
  if (tr) {
    for (const [type, keys] of tr.changed) {
      for (const key of keys.size === 0 ? [null] : keys) {
        const rec = recordOf(type, key);
        // A type that is in no root (a detached copy) changes nothing anyone reads.
        if (rec) touched.set(`${rec.root}\u0000${rec.key ?? ''}`, rec);
      }
    }
    for (const [client, clock] of tr.afterState) {
      if (clock > (tr.beforeState.get(client) ?? 0)) writers.push(client);
    }
  }
  return { touched: [...touched.values()], writers, leftPending: pendingSize(doc) > pendingBefore };
}

/**
 * Whether `update` (v1 encoding) would change nothing in `doc`: every struct in it is
 * already in `doc` and everything it deletes is already deleted there. Decides a
 * client's echo of what it holds (its sync step 2 on joining) without applying it;
 * false when unsure (the caller then applies it and reads the effect). Throws if the
 * update does not decode.
 */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) {
    if (s.id.clock + s.length > knownClock(doc, s.id.client)) return false;
  }
  for (const [client, ranges] of ds.clients) {
    const stored = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (!stored || clock + len > knownClock(doc, client)) return false;
      for (let i = structAt(stored, clock); i < stored.length && stored[i]!.id.clock < clock + len; i++) {
        if (!stored[i]!.deleted) return false;
      }
    }
  }
  return true;
}

/** The next clock of `client` in `doc` (0 when unknown): its state, without encoding the whole state vector. */
function knownClock(doc: Y.Doc, client: number): number {
  const structs = doc.store.clients.get(client);
  const last = structs?.[structs.length - 1];
  return last ? last.id.clock + last.length : 0;
}

/** The index of the struct holding `clock` in one client's structs (sorted by clock, contiguous). */
function structAt(structs: readonly { id: Y.ID; length: number }[], clock: number): number {
  let lo = 0;
  let hi = structs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (structs[mid]!.id.clock <= clock) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
