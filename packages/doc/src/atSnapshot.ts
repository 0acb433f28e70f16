// The document as it stood at a Yjs snapshot, for the read models: one
// document that keeps its history (gc off) read at any moment it holds,
// without building a second document for that moment. The view is the same
// Y.Doc and shared types seen through proxies whose reading methods answer as
// of the snapshot (`instanceof Y.Map` and the like still hold), so every read
// model (readTimeline, readWhysTree, readAnnotations...) works unchanged.
// Read-only: a method the proxies do not know throws rather than answering
// from the present.
import * as Y from 'yjs';

/**
 * Runs `read` on `doc` as of `snapshot`. `doc` must keep deleted content (`gc: false`) since before
 * anything the snapshot shows was deleted; it must hold everything the snapshot covers (its state vector).
 */
export function readAtSnapshot<T>(doc: Y.Doc, snapshot: Y.Snapshot, read: (doc: Y.Doc) => T): T {
  if (doc.gc) throw new Error('readAtSnapshot needs a document that keeps its history (new Y.Doc({ gc: false }))');
  let result: T | undefined;
  // One transaction for the whole read: Yjs splits the items a snapshot cuts through once per transaction
  // (for texts), not once per field read, and merges them back afterwards.
  doc.transact(() => {
    result = read(new SnapshotView(snapshot).doc(doc));
  }, READ_ORIGIN);
  return result as T;
}

/** The origin of the reading transaction (it changes no content: observers may ignore it). */
const READ_ORIGIN = Symbol('readAtSnapshot');

const TARGET = Symbol('target');
const VIEW = Symbol('view');

/** A shared type seen through a view: the proxy answers TARGET and VIEW for the methods below. */
interface Seen<T> {
  [TARGET]: T;
  [VIEW]: SnapshotView;
}

type Methods = Record<string | symbol, (this: Seen<never>, ...args: never[]) => unknown>;

// The methods are shared by every proxy (no closures per record: a big review has thousands); `this` is the proxy.
const mapMethods = {
  get(this: Seen<Y.Map<unknown>>, key: string): unknown {
    return this[VIEW].wrap(valueAt(this[TARGET], key, this[VIEW].snapshot));
  },
  has(this: Seen<Y.Map<unknown>>, key: string): boolean {
    return valueAt(this[TARGET], key, this[VIEW].snapshot) !== undefined;
  },
  forEach(this: Seen<Y.Map<unknown>>, f: (value: unknown, key: string, map: unknown) => void): void {
    for (const [k, v] of mapEntries(this)) f(v, k, this);
  },
  keys(this: Seen<Y.Map<unknown>>): IterableIterator<string> {
    const keys = mapEntries(this).map(([k]) => k);
    return keys[Symbol.iterator]();
  },
  values(this: Seen<Y.Map<unknown>>): IterableIterator<unknown> {
    const values = mapEntries(this).map(([, v]) => v);
    return values[Symbol.iterator]();
  },
  entries(this: Seen<Y.Map<unknown>>): IterableIterator<[string, unknown]> {
    return mapEntries(this)[Symbol.iterator]();
  },
  [Symbol.iterator](this: Seen<Y.Map<unknown>>): IterableIterator<[string, unknown]> {
    return mapEntries(this)[Symbol.iterator]();
  },
  toJSON(this: Seen<Y.Map<unknown>>): Record<string, unknown> {
    return Object.fromEntries(mapEntries(this).map(([k, v]) => [k, toJSON(v)]));
  },
};

function mapEntries(map: Seen<Y.Map<unknown>>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of map[TARGET]._map.keys()) {
    const value = valueAt(map[TARGET], key, map[VIEW].snapshot);
    if (value !== undefined) out.push([key, map[VIEW].wrap(value)]);
  }
  return out;
}

type Op = { insert?: unknown };

const textMethods = {
  toDelta(this: Seen<Y.Text>): Op[] {
    return this[TARGET].toDelta(this[VIEW].snapshot) as Op[];
  },
  toString(this: Seen<Y.Text>): string {
    return plain(this);
  },
  toJSON(this: Seen<Y.Text>): string {
    return plain(this);
  },
};

function textLength(text: Seen<Y.Text>): number {
  let n = 0;
  for (const op of text[TARGET].toDelta(text[VIEW].snapshot) as Op[])
    n += typeof op.insert === 'string' ? op.insert.length : 1;
  return n;
}

/** The text's characters (an XmlText's too: without the formatting its toString would add). */
function plain(text: Seen<Y.Text>): string {
  let s = '';
  for (const op of text[TARGET].toDelta(text[VIEW].snapshot) as Op[]) if (typeof op.insert === 'string') s += op.insert;
  return s;
}

const listMethods = {
  toArray(this: Seen<Y.XmlFragment | Y.Array<unknown>>): unknown[] {
    return listItems(this);
  },
  get(this: Seen<Y.XmlFragment | Y.Array<unknown>>, i: number): unknown {
    return listItems(this)[i];
  },
  forEach(this: Seen<Y.XmlFragment | Y.Array<unknown>>, f: (value: unknown, index: number) => void): void {
    listItems(this).forEach((v, i) => f(v, i));
  },
  map<R>(this: Seen<Y.XmlFragment | Y.Array<unknown>>, f: (value: unknown, index: number) => R): R[] {
    return listItems(this).map((v, i) => f(v, i));
  },
  [Symbol.iterator](this: Seen<Y.XmlFragment | Y.Array<unknown>>): IterableIterator<unknown> {
    return listItems(this)[Symbol.iterator]();
  },
  toJSON(this: Seen<Y.XmlFragment | Y.Array<unknown>>): unknown[] {
    return listItems(this).map(toJSON);
  },
};

// Attributes of an element are a map of it: read as of the snapshot too.
const elementMethods = {
  ...listMethods,
  getAttribute(this: Seen<Y.XmlElement>, name: string): unknown {
    return valueAt(this[TARGET], name, this[VIEW].snapshot);
  },
  getAttributes(this: Seen<Y.XmlElement>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of this[TARGET]._map.keys()) {
      const value = valueAt(this[TARGET], key, this[VIEW].snapshot);
      if (value !== undefined) out[key] = value;
    }
    return out;
  },
};

function listItems(list: Seen<Y.XmlFragment | Y.Array<unknown>>): unknown[] {
  const { snapshot } = list[VIEW];
  const out: unknown[] = [];
  for (let item = list[TARGET]._start; item !== null; item = item.right) {
    if (!item.countable) continue;
    const content = item.content.getContent();
    for (let i = 0; i < item.length; i++)
      if (existsAt(item, i, snapshot) && !deletedAt(item, i, snapshot)) out.push(list[VIEW].wrap(content[i]));
  }
  return out;
}

// Yjs's own typeMapGetSnapshot and typeListToArraySnapshot judge an item as a whole: right only after
// its items were cut at the snapshot's boundaries, which Yjs does for texts (toDelta) but not for maps and
// lists. A document that keeps its history merges a client's consecutive values of one key into one
// item once they are deleted (a title set three times is one item of three values), so these read value
// by value.

/** Whether value `i` of `item` had been written by the moment of `snapshot`. */
function existsAt(item: Y.Item, i: number, snapshot: Y.Snapshot): boolean {
  return item.id.clock + i < (snapshot.sv.get(item.id.client) ?? 0);
}

function deletedAt(item: Y.Item, i: number, snapshot: Y.Snapshot): boolean {
  return Y.isDeleted(snapshot.ds, Y.createID(item.id.client, item.id.clock + i));
}

/**
 * The value of `key` in `map` as of `snapshot` (undefined when it had none): the newest value written by
 * then, unless it had been deleted by then.
 */
function valueAt(map: { _map: Map<string, Y.Item> }, key: string, snapshot: Y.Snapshot): unknown {
  for (let item = map._map.get(key) ?? null; item !== null; item = item.left) {
    const written = Math.min(item.length, (snapshot.sv.get(item.id.client) ?? 0) - item.id.clock);
    if (written <= 0) continue;
    return deletedAt(item, written - 1, snapshot) ? undefined : item.content.getContent()[written - 1];
  }
  return undefined;
}

class SnapshotView {
  private readonly proxies = new Map<object, object>();
  private readonly handlers: Record<'map' | 'text' | 'list' | 'element' | 'other', ProxyHandler<object>>;

  constructor(readonly snapshot: Y.Snapshot) {
    this.handlers = {
      map: readOnly(this, mapMethods as unknown as Methods, { size: (m) => mapEntries(m as never).length }),
      text: readOnly(this, textMethods as unknown as Methods, { length: (t) => textLength(t as never) }),
      list: readOnly(this, listMethods as unknown as Methods, { length: (l) => listItems(l as never).length }),
      element: readOnly(this, elementMethods as unknown as Methods, { length: (l) => listItems(l as never).length }),
      other: readOnly(this, {}, {}),
    };
  }

  doc(doc: Y.Doc): Y.Doc {
    return new Proxy<Y.Doc>(doc, {
      get: (t, prop) => {
        if (prop === 'getMap' || prop === 'getText' || prop === 'getXmlFragment' || prop === 'getArray')
          return (name: string) => this.wrap(t[prop](name));
        return passThrough(t, prop);
      },
      set: refuse,
    });
  }

  /** A shared type as of the snapshot; any other value as is. */
  wrap(value: unknown): unknown {
    if (!(value instanceof Y.AbstractType)) return value;
    let proxy = this.proxies.get(value);
    if (!proxy) {
      const kind =
        value instanceof Y.Map
          ? 'map'
          : value instanceof Y.Text // Y.XmlText too
            ? 'text'
            : value instanceof Y.XmlElement
              ? 'element'
              : value instanceof Y.XmlFragment || value instanceof Y.Array
                ? 'list'
                : 'other';
      proxy = new Proxy(value, this.handlers[kind]);
      this.proxies.set(value, proxy);
    }
    return proxy;
  }
}

function toJSON(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function'
    ? (value.toJSON as () => unknown)()
    : value;
}

/**
 * A handler answering `methods` and `getters` (read as properties: `size`, `length`) as of the view's
 * snapshot. Plain data properties pass through (`nodeName`, `doc`...); any other method throws: it would
 * answer from the present, or change the document.
 */
function readOnly(
  view: SnapshotView,
  methods: Methods,
  getters: Record<string, (seen: Seen<unknown>) => unknown>,
): ProxyHandler<object> {
  return {
    get(t, prop, proxy: Seen<unknown>) {
      if (prop === TARGET) return t;
      if (prop === VIEW) return view;
      if (Object.hasOwn(getters, prop)) return getters[prop as string]!(proxy);
      if (Object.hasOwn(methods, prop)) return methods[prop];
      return passThrough(t, prop);
    },
    set: refuse,
  };
}

/** What a proxy must not answer from the present: navigation between nodes, and Yjs's internals. */
const PRESENT = new Set(['firstChild', 'nextSibling', 'prevSibling', 'parent', '_item', '_map', '_start', '_first']);

function passThrough(target: object, prop: string | symbol): unknown {
  const value: unknown =
    typeof prop === 'string' && PRESENT.has(prop) ? passThrough : Reflect.get(target, prop, target);
  if (typeof value === 'function' && prop !== 'constructor')
    throw new Error(
      `${target.constructor.name}.${String(prop)} cannot be read at a snapshot (readAtSnapshot supports reads only)`,
    );
  return value;
}

function refuse(target: object): boolean {
  throw new Error(`${target.constructor.name} is read-only at a snapshot`);
}

/**
 * The snapshot after `change` (updates merged, as the history serves them) is applied onto the state
 * `before` describes: its clocks advanced and its deletions added, read from the encoded update without
 * applying it, when `change` holds every update between the two moments (the log is contiguous). What
 * Yjs deletes while applying (the losing value of a key two writers set at once) is not among its
 * deletions, so it may differ from Y.snapshot there; reads do not: the winning value is newer.
 */
export function snapshotAfter(before: Y.Snapshot, change: Uint8Array): Y.Snapshot {
  const sv = new Map(before.sv);
  Y.parseUpdateMeta(change).to.forEach((clock, client) => {
    if (clock > (sv.get(client) ?? 0)) sv.set(client, clock);
  });
  return Y.createSnapshot(Y.mergeDeleteSets([before.ds, Y.decodeUpdate(change).ds]), sv);
}
