// Operations on the whys tree: flat node Y.Maps in the `whys` root map, each
// with `parentId` (null = under the incident root) and a fractional `order`
// key among its siblings. Moves write only those two keys, so a move never
// copies a node and concurrent moves converge (last writer wins per node);
// cycles and orphans they can leave are resolved by the read model.
import * as Y from 'yjs';
import { isOrderKey, keyForIndex } from './fractionalIndex.ts';
import {
  FACTOR_CATEGORIES,
  type OpContext,
  type RecordMap,
  WHY_STATUSES,
  WhyKey,
  type WhyStatus,
  origin,
  roots,
} from './schema.ts';
import { clampIndex, replaceText } from './textEdit.ts';
import { ensureText } from './recordFields.ts';
import { label, oneOf } from './validate.ts';
import { flattenWhys, readWhysTree, subtreeIds } from './whysTree.ts';

export interface NewWhy {
  /** Parent node id; null or omitted = directly under the incident. */
  parentId?: string | null;
  /** Position among the parent's children; omitted = last. */
  index?: number;
  text?: string;
  status?: WhyStatus;
  factor?: string | null;
}

/** Normalises a factor category: standard ones lower-cased, custom ones trimmed (1-40 chars). */
export function normaliseFactor(factor: string | null | undefined): string | null {
  if (factor === null || factor === undefined) return null;
  const v = label('factor category', factor);
  return (FACTOR_CATEGORIES as readonly string[]).includes(v.toLowerCase()) ? v.toLowerCase() : v;
}

function getWhy(doc: Y.Doc, id: string): RecordMap {
  const node = roots(doc).whys.get(id);
  if (!(node instanceof Y.Map)) throw new Error(`no whys node ${id}`);
  return node;
}

// Order key for position `index` among `parentId`'s displayed children, ignoring `exclude`.
function orderAt(doc: Y.Doc, parentId: string | null, index: number | undefined, exclude?: string): string {
  const siblings = flattenWhys(readWhysTree(doc)).filter((v) => v.parentId === parentId && v.id !== exclude);
  const keys = siblings.map((v) => v.order).filter(isOrderKey);
  return keyForIndex(keys, index ?? keys.length);
}

function checkParent(doc: Y.Doc, parentId: string | null): void {
  if (parentId !== null && !(roots(doc).whys.get(parentId) instanceof Y.Map)) {
    throw new Error(`no whys node ${parentId} to put the why under`);
  }
}

/** Adds a why under `parentId` at `index`; returns its id. */
export function addWhy(doc: Y.Doc, input: NewWhy, ctx: OpContext): string {
  const parentId = input.parentId ?? null;
  const status = oneOf('why status', WHY_STATUSES, input.status ?? 'hypothesis');
  const factor = normaliseFactor(input.factor);
  checkParent(doc, parentId);
  const id = ctx.newId();
  doc.transact(
    () => {
      // Lean (schema v3): the id is the key; root parent, `hypothesis`, no
      // evidence and no factor are left absent and read as such.
      const node: RecordMap = new Y.Map();
      if (parentId !== null) node.set(WhyKey.parentId, parentId);
      node.set(WhyKey.order, orderAt(doc, parentId, input.index));
      node.set(WhyKey.text, new Y.Text(input.text ?? ''));
      if (status !== 'hypothesis') node.set(WhyKey.status, status);
      if (factor !== null) node.set(WhyKey.factor, factor);
      node.set(WhyKey.createdAt, ctx.now());
      if (ctx.actor !== undefined) node.set(WhyKey.createdBy, ctx.actor);
      roots(doc).whys.set(id, node);
    },
    origin('addWhy', ctx),
  );
  return id;
}

/**
 * Re-parents and/or reorders a node: it goes under `parentId` (null = root) at
 * `index` among its new siblings. Throws when the target is the node itself or
 * one of its descendants (a concurrent move can still form a cycle; the read
 * model breaks it).
 */
export function moveWhy(
  doc: Y.Doc,
  input: { id: string; parentId: string | null; index?: number },
  ctx: OpContext,
): void {
  getWhy(doc, input.id);
  checkParent(doc, input.parentId);
  if (input.parentId !== null && subtreeIds(readWhysTree(doc), input.id).includes(input.parentId)) {
    throw new Error('a why cannot be moved under itself or one of its own sub-whys');
  }
  doc.transact(
    () => {
      const node = getWhy(doc, input.id);
      node.set(WhyKey.parentId, input.parentId);
      node.set(WhyKey.order, orderAt(doc, input.parentId, input.index, input.id));
    },
    origin('moveWhy', ctx),
  );
}

/**
 * Deletes a node and its whole displayed subtree. A child added or moved under
 * it concurrently survives as an orphan and is shown under the root.
 */
export function deleteWhy(doc: Y.Doc, id: string, ctx: OpContext): void {
  getWhy(doc, id);
  doc.transact(
    () => {
      const { whys } = roots(doc);
      for (const nodeId of subtreeIds(readWhysTree(doc), id)) whys.delete(nodeId);
    },
    origin('deleteWhy', ctx),
  );
}

/** The node's Y.Text, for binding an input to it directly. */
export function getWhyText(doc: Y.Doc, id: string): Y.Text {
  const text = getWhy(doc, id).get(WhyKey.text);
  if (!(text instanceof Y.Text)) throw new Error(`whys node ${id} has no text`);
  return text;
}

/** Inserts text into the node's text at a character offset. */
export function insertWhyText(doc: Y.Doc, input: { id: string; index: number; text: string }, ctx: OpContext): void {
  doc.transact(
    () => {
      const text = ensureText(getWhy(doc, input.id), WhyKey.text);
      text.insert(clampIndex(text, input.index), input.text);
    },
    origin('insertWhyText', ctx),
  );
}

/** Makes the node's text read `text`, changing only the span that differs. */
export function setWhyText(doc: Y.Doc, input: { id: string; text: string }, ctx: OpContext): void {
  doc.transact(
    () => replaceText(ensureText(getWhy(doc, input.id), WhyKey.text), input.text),
    origin('setWhyText', ctx),
  );
}

/** Sets hypothesis / supported / refuted. */
export function setWhyStatus(doc: Y.Doc, input: { id: string; status: WhyStatus }, ctx: OpContext): void {
  const status = oneOf('why status', WHY_STATUSES, input.status);
  doc.transact(() => getWhy(doc, input.id).set(WhyKey.status, status), origin('setWhyStatus', ctx));
}

/** Marks the node as a contributing factor of a category, or unmarks it (null). */
export function setWhyFactor(doc: Y.Doc, input: { id: string; factor: string | null }, ctx: OpContext): void {
  const factor = normaliseFactor(input.factor);
  doc.transact(() => getWhy(doc, input.id).set(WhyKey.factor, factor), origin('setWhyFactor', ctx));
}

// The node's evidence set, created on the first citation (null when absent and not creating).
function evidenceSet(node: RecordMap, create = true): Y.Map<true> | null {
  const current = node.get(WhyKey.evidence);
  if (current instanceof Y.Map) return current as Y.Map<true>;
  if (!create) return null;
  const set = new Y.Map<true>();
  node.set(WhyKey.evidence, set);
  return set;
}

/** Cites a timeline entry as evidence for the node. */
export function addWhyEvidence(doc: Y.Doc, input: { id: string; entryId: string }, ctx: OpContext): void {
  if (!roots(doc).timeline.has(input.entryId)) throw new Error(`no timeline entry ${input.entryId} to cite`);
  doc.transact(() => evidenceSet(getWhy(doc, input.id))!.set(input.entryId, true), origin('addWhyEvidence', ctx));
}

/** Removes a cited entry from the node's evidence. */
export function removeWhyEvidence(doc: Y.Doc, input: { id: string; entryId: string }, ctx: OpContext): void {
  doc.transact(
    () => evidenceSet(getWhy(doc, input.id), false)?.delete(input.entryId),
    origin('removeWhyEvidence', ctx),
  );
}
