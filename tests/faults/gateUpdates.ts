// Random updates an editor link could send, built with plain Yjs on a copy of
// the review (never through packages/doc's operations): writes across every
// root with plausible and implausible values, facilitator-only fields, deletes,
// and crafted updates that would stay pending (a later change without the one
// it builds on, a delete set over clocks the server has not seen), that write
// as the facilitator's own Yjs client, or that give a root another type.
// Each seed always makes the same update from the same document.
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import * as encoding from 'lib0/encoding';
import { FACILITATOR_META_KEYS, FACILITATOR_ROOTS, ROOT_SCHEMAS, type FieldSpec } from '@hindsight/doc';

/** What the server must answer, when a category decides it (otherwise any declared outcome). */
export type Expectation = 'pending' | 'refused' | 'any';

export interface CraftedUpdate {
  category: string;
  update: Uint8Array;
  expect: Expectation;
}

type Gen = prng.PRNG;

const ROOTS = [...ROOT_SCHEMAS.keys()];
const FACILITATOR_ONLY_META = [...FACILITATOR_META_KEYS];

/** A copy of `base` whose next changes are made as a fresh client id. */
function copyOf(base: Y.Doc, gen: Gen): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  copy.clientID = prng.uint32(gen, 1_000_000, 2 ** 31);
  return copy;
}

/** The update `change` makes to `doc`. */
function diffOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(change);
  return Y.encodeStateAsUpdate(doc, before);
}

function word(gen: Gen, max = 12): string {
  return prng.word(gen, 1, max);
}

/** A value for a field: usually of the spec's type, sometimes of another type or too big. */
function valueFor(gen: Gen, spec: FieldSpec | undefined): unknown {
  const odd = prng.int32(gen, 0, 9) === 0;
  if (!spec || odd) {
    return prng.oneOf(gen, [
      () => word(gen),
      () => prng.int32(gen, -1000, 1000),
      () => prng.bool(gen),
      () => null,
      () => new Y.Text(word(gen)),
      () => new Y.Array(),
      () => new Y.Map(),
      () => new Y.XmlFragment(),
      () => 'x'.repeat(prng.int32(gen, 5_000, 40_000)),
      () => Number.NaN,
    ])();
  }
  switch (spec.type) {
    case 'string':
      return prng.int32(gen, 0, 5) === 0 ? 'y'.repeat(spec.max + 1) : word(gen, Math.min(spec.max, 30));
    case 'enum':
      return prng.int32(gen, 0, 4) === 0 ? word(gen) : prng.oneOf(gen, [...spec.values]);
    case 'number':
      return prng.int32(gen, 0, 4) === 0 ? prng.real53(gen) * 1e16 - 5e15 : prng.int32(gen, 0, 2_000_000_000);
    case 'boolean':
      return prng.bool(gen);
    case 'text':
      return new Y.Text(prng.int32(gen, 0, 6) === 0 ? 'z'.repeat(spec.max + 1) : prng.utf16String(gen, 40));
    case 'xml': {
      const fragment = new Y.XmlFragment();
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(word(gen))]);
      fragment.insert(0, [p]);
      return fragment;
    }
    case 'set': {
      const set = new Y.Map<unknown>();
      for (let i = prng.int32(gen, 0, 3); i > 0; i--) set.set(word(gen), prng.int32(gen, 0, 5) === 0 ? 1 : true);
      return set;
    }
  }
}

/** A record for a record root: required and random fields, now and then an unknown one or a wrong key field. */
function recordFor(gen: Gen, root: string, key: string): Y.Map<unknown> {
  const schema = ROOT_SCHEMAS.get(root);
  const record = new Y.Map<unknown>();
  if (!schema || schema.kind !== 'records') return record;
  const fields = Object.entries(schema.fields);
  for (const [name, rule] of fields) {
    if (rule.required && prng.int32(gen, 0, 8) !== 0) record.set(name, valueFor(gen, rule.spec));
  }
  for (let i = prng.int32(gen, 0, 4); i > 0; i--) {
    const [name, rule] = prng.oneOf(gen, fields);
    record.set(name, valueFor(gen, rule.spec));
  }
  if (schema.keyField) record.set(schema.keyField, prng.int32(gen, 0, 6) === 0 ? `${key}-other` : key);
  if (prng.int32(gen, 0, 9) === 0) record.set(`unknown_${word(gen, 6)}`, word(gen));
  return record;
}

function existingKey(gen: Gen, map: Y.Map<unknown>): string | null {
  const keys = [...map.keys()];
  return keys.length === 0 ? null : prng.oneOf(gen, keys);
}

/** One write to a random root, by its kind. */
function randomWrite(gen: Gen, doc: Y.Doc): void {
  const root = prng.oneOf(gen, ROOTS);
  const schema = ROOT_SCHEMAS.get(root)!;
  switch (schema.kind) {
    case 'records': {
      const map = doc.getMap<unknown>(root);
      const key = (prng.bool(gen) ? existingKey(gen, map) : null) ?? word(gen, 20);
      const record = map.get(key);
      if (record instanceof Y.Map && prng.bool(gen)) {
        const [name, rule] = prng.oneOf(gen, Object.entries(schema.fields));
        const current = record.get(name);
        if (current instanceof Y.Text && prng.bool(gen)) {
          current.insert(prng.int32(gen, 0, current.length), prng.utf16String(gen, 30));
        } else if (prng.int32(gen, 0, 5) === 0) {
          record.delete(name);
        } else {
          record.set(name, valueFor(gen, rule.spec));
        }
      } else {
        map.set(key, recordFor(gen, root, key));
      }
      return;
    }
    case 'fields': {
      const map = doc.getMap<unknown>(root);
      const fields = Object.entries(schema.fields);
      if (prng.int32(gen, 0, 9) === 0) map.set(`unknown_${word(gen, 6)}`, word(gen));
      else {
        const [name, rule] = prng.oneOf(gen, fields);
        map.set(name, valueFor(gen, rule.spec));
      }
      return;
    }
    case 'values':
      doc.getMap<unknown>(root).set(word(gen), valueFor(gen, schema.value));
      return;
    case 'text': {
      const text = doc.getText(root);
      if (text.length > 0 && prng.bool(gen)) text.delete(0, prng.int32(gen, 1, text.length));
      else text.insert(0, prng.int32(gen, 0, 20) === 0 ? 'w'.repeat(schema.max + 1) : prng.utf16String(gen, 50));
      return;
    }
    case 'xml': {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(word(gen))]);
      doc.getXmlFragment(root).insert(0, [p]);
      return;
    }
  }
}

/** A write that surely changes `doc` (a random one, or a new human-factors question when that changed nothing). */
function surelyWrite(gen: Gen, doc: Y.Doc): void {
  const before = Y.encodeStateVector(doc);
  randomWrite(gen, doc);
  if (Buffer.compare(Buffer.from(before), Buffer.from(Y.encodeStateVector(doc))) !== 0) return;
  const key = word(gen, 20);
  doc.getMap<unknown>('humanFactors').set(key, recordFor(gen, 'humanFactors', key));
}

/** A v1 update with no structs and one delete range over `client`'s clocks [clock, clock + len). */
export function deleteRangeUpdate(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

const CATEGORIES: Record<string, (gen: Gen, base: Y.Doc, facilitatorClient: number) => CraftedUpdate> = {
  /** Random writes anywhere: stored when they fit the schema and the rules. */
  writes(gen, base) {
    const doc = copyOf(base, gen);
    const update = diffOf(doc, () => {
      for (let i = prng.int32(gen, 1, 4); i > 0; i--) randomWrite(gen, doc);
    });
    return { category: 'writes', update, expect: 'any' };
  },
  /** A facilitator-only value, alone or hidden among honest-looking writes. */
  facilitatorOnly(gen, base) {
    const doc = copyOf(base, gen);
    const update = diffOf(doc, () => {
      if (prng.bool(gen)) doc.getMap<unknown>('meta').set(prng.oneOf(gen, FACILITATOR_ONLY_META), word(gen));
      else {
        const root = prng.oneOf(gen, [...FACILITATOR_ROOTS]);
        const map = doc.getMap<unknown>(root);
        const key = existingKey(gen, map);
        if (key !== null && prng.bool(gen)) map.delete(key);
        else map.set(key ?? word(gen), prng.bool(gen));
      }
      if (prng.bool(gen)) randomWrite(gen, doc);
    });
    return { category: 'facilitatorOnly', update, expect: 'refused' };
  },
  /** Deletes of whole records and fields, anywhere (the facilitator's included). */
  deletes(gen, base) {
    const doc = copyOf(base, gen);
    const update = diffOf(doc, () => {
      const root = prng.oneOf(gen, ROOTS);
      const kind = ROOT_SCHEMAS.get(root)!.kind;
      if (kind === 'text') {
        const text = doc.getText(root);
        if (text.length > 0) text.delete(0, text.length);
      } else if (kind !== 'xml') {
        const map = doc.getMap<unknown>(root);
        const key = existingKey(gen, map);
        if (key !== null) map.delete(key);
      }
    });
    return { category: 'deletes', update, expect: 'any' };
  },
  /** A change without the one it builds on: the server would hold it as pending. */
  missingParent(gen, base) {
    const doc = copyOf(base, gen);
    diffOf(doc, () => surelyWrite(gen, doc));
    const entryKey = word(gen, 20);
    const update = diffOf(doc, () => {
      doc.getMap<unknown>('timeline').set(entryKey, recordFor(gen, 'timeline', entryKey));
    });
    return { category: 'missingParent', update, expect: 'pending' };
  },
  /** Changes sent in the wrong order: the last of three, with the first, without the second. */
  outOfOrder(gen, base) {
    const doc = copyOf(base, gen);
    const first = diffOf(doc, () => surelyWrite(gen, doc));
    diffOf(doc, () => surelyWrite(gen, doc));
    const third = diffOf(doc, () => surelyWrite(gen, doc));
    return { category: 'outOfOrder', update: Y.mergeUpdates([third, first]), expect: 'pending' };
  },
  /** A delete set over clocks the server has not seen: the facilitator's future, or a stranger's. */
  pendingDelete(gen, base, facilitatorClient) {
    const client = prng.bool(gen) ? facilitatorClient : prng.uint32(gen, 1_000_000, 2 ** 31);
    const clock = Y.getState(base.store, client) + prng.int32(gen, 0, 3);
    return {
      category: 'pendingDelete',
      update: deleteRangeUpdate(client, clock, prng.int32(gen, 1, 2 ** 30)),
      expect: 'pending',
    };
  },
  /** An honest-looking write made as the facilitator's own Yjs client (its next clock). */
  asFacilitatorClient(gen, base, facilitatorClient) {
    const doc = copyOf(base, gen);
    doc.clientID = facilitatorClient;
    const key = word(gen, 20);
    const update = diffOf(doc, () => doc.getMap<unknown>('humanFactors').set(key, recordFor(gen, 'humanFactors', key)));
    return { category: 'asFacilitatorClient', update, expect: 'refused' };
  },
  /** A root written as another type (a list in a map root, text in a map root) or a root the schema lacks. */
  wrongRoot(gen) {
    const doc = new Y.Doc();
    doc.clientID = prng.uint32(gen, 1_000_000, 2 ** 31);
    const update = diffOf(doc, () => {
      const root = prng.bool(gen) ? word(gen, 10) : prng.oneOf(gen, ROOTS);
      prng.oneOf(gen, [
        () => doc.getArray(root).push([word(gen)]),
        () => doc.getText(root).insert(0, word(gen)),
        () => doc.getXmlFragment(root).insert(0, [new Y.XmlText(word(gen))]),
        () => doc.getMap(root).set(word(gen), word(gen)),
      ])();
    });
    return { category: 'wrongRoot', update, expect: 'any' };
  },
};

export const CATEGORY_NAMES = Object.keys(CATEGORIES);

/** The update seed `seed` makes from `base` (the review as the attacker last saw it). */
export function craftUpdate(seed: number, base: Y.Doc, facilitatorClient: number): CraftedUpdate {
  const gen = prng.create(seed);
  const category = CATEGORY_NAMES[seed % CATEGORY_NAMES.length]!;
  return CATEGORIES[category]!(gen, base, facilitatorClient);
}
