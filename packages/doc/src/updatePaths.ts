// Which parts of a review an update would change, found by reading the
// update's structs and delete set against the current document: the basis of
// the server's content rules (frozen timeline, facilitator-only fields).
import * as Y from 'yjs';

/**
 * A changed place: the root type's name and, for a root map, the key directly
 * under it (`meta/status`, `timeline/<entryId>`); `key` is null for non-map roots.
 */
export interface ChangedPath {
  root: string;
  key: string | null;
}

export interface UpdatePaths {
  paths: ChangedPath[];
  /** Some change could not be placed (its parent is not known yet): treat it as touching anything. */
  unknown: boolean;
}

type AnyStruct = Y.Item | Y.GC | { id: Y.ID; length: number };

/** The root and first-level key an integrated type lives under. */
function pathOfType(type: Y.AbstractType<unknown>): ChangedPath | null {
  let t = type;
  let sub: string | null = null;
  while (t._item) {
    sub = t._item.parentSub;
    t = t._item.parent as Y.AbstractType<unknown>;
  }
  const root = Y.findRootTypeKey(t);
  return root ? { root, key: sub } : null;
}

/** The place of an item already in the document. */
function pathOfItem(item: Y.Item): ChangedPath | null {
  const parent = item.parent as Y.AbstractType<unknown> | null;
  if (!parent) return null;
  if (parent._item === null) {
    const root = Y.findRootTypeKey(parent);
    return root ? { root, key: item.parentSub } : null;
  }
  return pathOfType(parent);
}

function findInDoc(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const structs = doc.store.clients.get(id.client);
  if (!structs) return null;
  const last = structs[structs.length - 1];
  if (!last || last.id.clock + last.length <= id.clock) return null;
  const item = structs[Y.findIndexSS(structs, id.clock)];
  return item instanceof Y.Item ? item : null;
}

/** An update as `Y.decodeUpdate` returns it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Lists where `update` (v1 encoding, or already decoded) would change `doc`.
 * Throws if it does not decode.
 */
export function updatePaths(doc: Y.Doc, update: Uint8Array | DecodedUpdate): UpdatePaths {
  const { structs, ds } = update instanceof Uint8Array ? Y.decodeUpdate(update) : update;
  const own = new Map<string, Y.Item>();
  for (const s of structs as AnyStruct[]) if (s instanceof Y.Item) own.set(`${s.id.client}:${s.id.clock}`, s);
  const paths = new Map<string, ChangedPath>();
  let unknown = false;
  const add = (p: ChangedPath | null): void => {
    if (p) paths.set(`${p.root}\u0000${p.key ?? ''}`, p);
    else unknown = true;
  };

  // Where a not-yet-integrated item goes: follow parents through this update, then into the doc.
  const placeNew = (item: Y.Item, depth = 0): ChangedPath | null => {
    if (depth > 10_000) return null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { root: parent, key: item.parentSub };
    if (parent instanceof Y.ID) {
      const inUpdate = own.get(`${parent.client}:${parent.clock}`);
      if (inUpdate) {
        const p = placeNew(inUpdate, depth + 1);
        return p && p.key === null ? { root: p.root, key: inUpdate.parentSub } : p;
      }
      const inDoc = findInDoc(doc, parent);
      const type = inDoc?.content instanceof Y.ContentType ? (inDoc.content.type as Y.AbstractType<unknown>) : null;
      return type ? (pathOfType(type) ?? pathOfItem(inDoc!)) : null;
    }
    // Parent given by origin (an insert next to a known item): it shares that item's place.
    const neighbour = item.origin ?? item.rightOrigin;
    if (neighbour) {
      const inUpdate = own.get(`${neighbour.client}:${neighbour.clock}`);
      if (inUpdate && inUpdate !== item) return placeNew(inUpdate, depth + 1);
      const inDoc = findInDoc(doc, neighbour);
      return inDoc ? pathOfItem(inDoc) : null;
    }
    return null;
  };

  for (const s of structs as AnyStruct[]) {
    if (!(s instanceof Y.Item)) continue;
    // Already known to the document (a resend): it changes nothing.
    if (findInDoc(doc, s.id) && s.length > 0 && findInDoc(doc, Y.createID(s.id.client, s.id.clock + s.length - 1)))
      continue;
    add(placeNew(s));
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      const structsOf = doc.store.clients.get(client);
      if (!structsOf) {
        unknown = true;
        continue;
      }
      const last = structsOf[structsOf.length - 1]!;
      if (clock >= last.id.clock + last.length) {
        unknown = true;
        continue;
      }
      for (let i = Y.findIndexSS(structsOf, clock); i < structsOf.length && structsOf[i]!.id.clock < clock + len; i++) {
        const item = structsOf[i]!;
        if (item instanceof Y.Item && !item.deleted) add(pathOfItem(item));
      }
    }
  }
  return { paths: [...paths.values()], unknown };
}
