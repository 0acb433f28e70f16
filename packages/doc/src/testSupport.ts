// Helpers for this package's tests: replicas of one review, update exchange in
// both orders, and a canonical (sorted-key) JSON of a whole document.
import * as Y from 'yjs';
import { initReview } from './meta.ts';
import { Root, type OpContext, sequenceContext } from './schema.ts';

/** Fixed creation time used by the tests: 2026-03-01T10:00:00Z. */
export const T0 = Date.UTC(2026, 2, 1, 10, 0, 0);

/** A deterministic context whose ids start with `prefix` (distinct per replica). */
export function ctxFor(prefix: string, actor = prefix): OpContext {
  return sequenceContext({ prefix, start: T0, step: 0, actor });
}

/** A freshly initialised review document. */
export function newReview(title = 'Checkout outage'): Y.Doc {
  const doc = new Y.Doc();
  initReview(doc, { id: 'r1', title, startedAt: T0 - 3_600_000 }, ctxFor('init', 'server'));
  return doc;
}

/** A second replica holding everything `doc` holds. */
export function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/**
 * Each replica receives what the other has and it lacks: `a` applies b's edits
 * after its own, `b` applies a's after its own - the two orders of delivery.
 */
export function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

function canonicalValue(value: unknown): unknown {
  if (value instanceof Y.XmlFragment || value instanceof Y.XmlElement) return { xml: value.toString() };
  if (value instanceof Y.Text) return { text: value.toDelta() as unknown };
  if (value instanceof Y.Array) return value.toArray().map(canonicalValue);
  if (value instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    for (const key of [...value.keys()].sort()) out[key] = canonicalValue(value.get(key));
    return out;
  }
  return value;
}

/** The whole document as JSON with map keys sorted (Y.Map key order differs between replicas). */
export function canonical(doc: Y.Doc): string {
  return JSON.stringify({
    meta: canonicalValue(doc.getMap(Root.meta)),
    timeline: canonicalValue(doc.getMap(Root.timeline)),
    whys: canonicalValue(doc.getMap(Root.whys)),
    actions: canonicalValue(doc.getMap(Root.actions)),
    annotations: canonicalValue(doc.getMap(Root.annotations)),
    humanFactors: canonicalValue(doc.getMap(Root.humanFactors)),
    report: canonicalValue(doc.getXmlFragment(Root.report)),
  });
}

/**
 * Runs `editA` on one replica and `editB` on another, concurrently from the
 * same `base`, then delivers the updates in both orders (to each replica, and
 * to two fresh docs as A-then-B and B-then-A). Returns the four results.
 */
export function concurrently(
  base: Y.Doc,
  editA: (doc: Y.Doc) => void,
  editB: (doc: Y.Doc) => void,
): { a: Y.Doc; b: Y.Doc; ab: Y.Doc; ba: Y.Doc } {
  const a = fork(base);
  const b = fork(base);
  const sv = Y.encodeStateVector(base);
  editA(a);
  editB(b);
  const updA = Y.encodeStateAsUpdate(a, sv);
  const updB = Y.encodeStateAsUpdate(b, sv);
  const ab = fork(base);
  Y.applyUpdate(ab, updA);
  Y.applyUpdate(ab, updB);
  const ba = fork(base);
  Y.applyUpdate(ba, updB);
  Y.applyUpdate(ba, updA);
  exchange(a, b);
  return { a, b, ab, ba };
}
