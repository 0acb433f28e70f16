// Notes are created when someone first writes them (schema v3). Two replicas
// that start the notes of one entry at once each create a fragment, and one
// creation wins: what was typed into the other would be dropped. The replica
// whose fragment lost copies what it held into the winner, so nothing typed is
// lost. Only the losing replica acts, so the copy is made once.
import * as Y from 'yjs';
import { EntryKey, type OpContext, origin, roots } from './schema.ts';

type Attributes = Record<string, unknown>;

// Items the losing transaction deleted: what was there just before it (an
// item deleted earlier, by a backspace, was not part of the notes any more).
type Lost = (item: Y.Item) => boolean;

// A deleted XmlText's content as a delta: its items are deleted but still in
// memory until the transaction's cleanup collects them (observers run first).
function deletedTextDelta(text: Y.XmlText, lost: Lost): { insert: string; attributes?: Attributes }[] {
  const delta: { insert: string; attributes?: Attributes }[] = [];
  const current: Attributes = {};
  for (let item = text._start; item !== null; item = item.right) {
    const content = item.content;
    if (!lost(item)) continue;
    if (content instanceof Y.ContentFormat) {
      if (content.value === null) delete current[content.key];
      else current[content.key] = content.value;
    } else if (content instanceof Y.ContentString) {
      const attributes = Object.keys(current).length > 0 ? { ...current } : undefined;
      delta.push(attributes ? { insert: content.str, attributes } : { insert: content.str });
    }
  }
  return delta;
}

// A fresh (not yet integrated) copy of a deleted XML node and its children.
function revive(node: Y.XmlElement | Y.XmlText, lost: Lost): Y.XmlElement | Y.XmlText {
  if (node instanceof Y.XmlText) {
    const copy = new Y.XmlText();
    const delta = deletedTextDelta(node, lost);
    if (delta.length > 0) copy.applyDelta(delta);
    return copy;
  }
  const copy = new Y.XmlElement(node.nodeName);
  for (const [name, item] of node._map) {
    if (!lost(item)) continue;
    const value = item.content.getContent()[item.length - 1];
    if (typeof value === 'string') copy.setAttribute(name, value);
  }
  copy.insert(0, revivedChildren(node, lost));
  return copy;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any XML parent
function revivedChildren(parent: Y.AbstractType<any>, lost: Lost): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  for (let item = parent._start; item !== null; item = item.right) {
    if (!lost(item) || !(item.content instanceof Y.ContentType)) continue;
    const child = item.content.type;
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) out.push(revive(child, lost));
  }
  return out;
}

/**
 * Watches the notes fragment `created` (just made by `ensureEntryNotes` on
 * this replica) until the returned function is called: if another replica's
 * fragment replaces it, what `created` held is appended to the winner as its
 * own paragraphs. Returns the function that stops watching.
 */
export function keepNotesIfCreationLoses(doc: Y.Doc, id: string, created: Y.XmlFragment, ctx: OpContext): () => void {
  let entry: Y.Map<unknown> | null = null;
  const onEntry = (event: Y.YMapEvent<unknown>): void => {
    if (!event.keysChanged.has(EntryKey.notes) || entry === null) return;
    const winner = entry.get(EntryKey.notes);
    if (winner === created || !created._item?.deleted) return;
    stop();
    const deleted = event.transaction.deleteSet;
    const kept = revivedChildren(created, (item) => Y.isDeleted(deleted, item.id));
    if (!(winner instanceof Y.XmlFragment) || kept.length === 0) return;
    doc.transact(() => winner.insert(winner.length, kept), origin('keepNotes', ctx));
  };
  const stop = (): void => entry?.unobserve(onEntry);
  const found = roots(doc).timeline.get(id);
  if (found instanceof Y.Map) {
    entry = found;
    entry.observe(onEntry);
  }
  return stop;
}
