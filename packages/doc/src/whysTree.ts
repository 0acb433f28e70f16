// The whys read model: a forest built from the flat node records, showing
// every node exactly once whatever concurrent edits left behind. Nodes whose
// parent is gone (orphans) and nodes lifted out of a cycle (concurrent moves
// A-under-B and B-under-A) are shown at the root.
import * as Y from 'yjs';
import { FACTOR_CATEGORIES, WHY_STATUSES, WhyKey, type WhyStatus, roots } from './schema.ts';
import { setMembers } from './ySet.ts';

export interface WhyNodeView {
  id: string;
  /** Parent in the displayed tree (null = under the incident root). */
  parentId: string | null;
  /** Parent as stored; differs from `parentId` for orphans and lifted cycle members. */
  storedParentId: string | null;
  /** Why the node is shown at the root although its stored parent is not null. */
  detached: null | 'orphan' | 'cycle';
  order: string;
  text: string;
  status: WhyStatus;
  /** Contributing-factor category (`process`, `technology`, `people` or custom); null when not a factor. */
  factor: string | null;
  /** Ids of existing timeline entries cited as evidence, sorted. */
  evidence: string[];
  createdAt: number;
  createdBy: string | null;
  depth: number;
  children: WhyNodeView[];
}

interface NodeRecord {
  id: string;
  storedParentId: string | null;
  order: string;
  map: Y.Map<unknown>;
}

function readRecords(doc: Y.Doc): Map<string, NodeRecord> {
  const records = new Map<string, NodeRecord>();
  roots(doc).whys.forEach((node, id) => {
    if (!(node instanceof Y.Map)) return;
    const parent = node.get(WhyKey.parentId);
    const order = node.get(WhyKey.order);
    records.set(id, {
      id,
      storedParentId: typeof parent === 'string' ? parent : null,
      order: typeof order === 'string' ? order : '',
      map: node,
    });
  });
  return records;
}

/**
 * The displayed parent of every node: the stored parent when it exists, else
 * null (orphan). In each cycle the node with the smallest id is lifted to the
 * root, which depends only on the cycle's members, so every replica agrees.
 */
export function resolveParents(
  records: ReadonlyMap<string, { storedParentId: string | null }>,
): Map<string, { parentId: string | null; detached: WhyNodeView['detached'] }> {
  const out = new Map<string, { parentId: string | null; detached: WhyNodeView['detached'] }>();
  for (const [id, r] of records) {
    const p = r.storedParentId;
    if (p === null) out.set(id, { parentId: null, detached: null });
    else if (p === id) out.set(id, { parentId: null, detached: 'cycle' });
    else if (!records.has(p)) out.set(id, { parentId: null, detached: 'orphan' });
    else out.set(id, { parentId: p, detached: null });
  }
  // Parent pointers form a functional graph: walk up from each node; meeting a
  // node of the current walk closes a cycle, meeting a finished one does not.
  const state = new Map<string, 1 | 2>();
  for (const start of [...records.keys()].sort()) {
    const path: string[] = [];
    let cur: string | null = start;
    while (cur !== null && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = out.get(cur)?.parentId ?? null;
    }
    if (cur !== null && state.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const lifted = cycle.reduce((a, b) => (b < a ? b : a));
      out.set(lifted, { parentId: null, detached: 'cycle' });
    }
    for (const id of path) state.set(id, 2);
  }
  return out;
}

function compareSiblings(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function factorOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim().length === 0) return null;
  const v = value.trim();
  return (FACTOR_CATEGORIES as readonly string[]).includes(v.toLowerCase()) ? v.toLowerCase() : v;
}

/**
 * The whys forest: top-level nodes (children of the incident root), siblings
 * ordered by order key then id. Every stored node appears exactly once.
 */
export function readWhysTree(doc: Y.Doc): WhyNodeView[] {
  const records = readRecords(doc);
  const parents = resolveParents(records);
  const timeline = roots(doc).timeline;
  const views = new Map<string, WhyNodeView>();
  for (const r of records.values()) {
    const m = r.map;
    const text = m.get(WhyKey.text);
    const status = m.get(WhyKey.status);
    const createdAt = m.get(WhyKey.createdAt);
    const createdBy = m.get(WhyKey.createdBy);
    const resolved = parents.get(r.id) ?? { parentId: null, detached: null };
    views.set(r.id, {
      id: r.id,
      parentId: resolved.parentId,
      storedParentId: r.storedParentId,
      detached: resolved.detached,
      order: r.order,
      text: text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '',
      status: WHY_STATUSES.includes(status as WhyStatus) ? (status as WhyStatus) : 'hypothesis',
      factor: factorOf(m.get(WhyKey.factor)),
      evidence: setMembers(m.get(WhyKey.evidence)).filter((entryId) => timeline.has(entryId)),
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
      createdBy: typeof createdBy === 'string' ? createdBy : null,
      depth: 0,
      children: [],
    });
  }
  const top: WhyNodeView[] = [];
  for (const v of views.values()) {
    if (v.parentId === null) top.push(v);
    else views.get(v.parentId)?.children.push(v);
  }
  // Iterative, so a pathological depth cannot overflow the stack.
  const stack: WhyNodeView[] = [...top];
  while (stack.length > 0) {
    const v = stack.pop() as WhyNodeView;
    v.children.sort(compareSiblings);
    for (const c of v.children) {
      c.depth = v.depth + 1;
      stack.push(c);
    }
  }
  return top.sort(compareSiblings);
}

/** The forest in display order (pre-order: a node, then its subtree), as a flat list. */
export function flattenWhys(forest: readonly WhyNodeView[]): WhyNodeView[] {
  const out: WhyNodeView[] = [];
  const stack = [...forest].reverse();
  while (stack.length > 0) {
    const v = stack.pop() as WhyNodeView;
    out.push(v);
    for (let i = v.children.length - 1; i >= 0; i--) stack.push(v.children[i] as WhyNodeView);
  }
  return out;
}

/** Ids of `id` and everything under it in the displayed tree. */
export function subtreeIds(forest: readonly WhyNodeView[], id: string): string[] {
  const node = flattenWhys(forest).find((v) => v.id === id);
  return node ? flattenWhys([node]).map((v) => v.id) : [];
}

/** Evidence seen from the timeline: entry id -> ids of the whys nodes citing it (sorted). */
export function readEvidenceIndex(doc: Y.Doc): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const v of flattenWhys(readWhysTree(doc))) {
    for (const entryId of v.evidence) {
      const list = index.get(entryId) ?? [];
      list.push(v.id);
      index.set(entryId, list);
    }
  }
  for (const list of index.values()) list.sort();
  return index;
}

/** Ids of the whys nodes that cite timeline entry `entryId` as evidence. */
export function whysCitingEntry(doc: Y.Doc, entryId: string): string[] {
  return readEvidenceIndex(doc).get(entryId) ?? [];
}
