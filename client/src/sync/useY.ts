// Hooks that re-read a view of a Y type whenever it (or, deep, anything inside it) changes.
import { useEffect, useMemo, useReducer } from 'react';
import type * as Y from 'yjs';

/** Any shared type (Y.Map, Y.Array, Y.Text, Y.XmlFragment): deep observation and its document. */
export type Observable = Pick<Y.AbstractType<unknown>, 'observeDeep' | 'unobserveDeep' | 'doc'>;
export type YEvents = Y.YEvent<Y.AbstractType<unknown>>[];

const transactionCounts = new WeakMap<Y.Doc, { count: number }>();

/**
 * How many transactions `doc` has run since a view first asked. A view reads the document while
 * it renders but subscribes in an effect, later: the review syncs from the entry module, so a
 * change can land in between, and no event would ever tell the view. Comparing this count at
 * render and after subscribing catches it.
 */
function transactionsOf(doc: Y.Doc | null): number {
  if (!doc) return 0;
  let counter = transactionCounts.get(doc);
  if (!counter) {
    const created = { count: 0 };
    doc.on('afterTransaction', () => void created.count++);
    transactionCounts.set(doc, created);
    counter = created;
  }
  return counter.count;
}

/**
 * Re-renders when `type` changes. `relevant` filters deep events (return false to
 * ignore, e.g. keystrokes inside a row that renders itself); renders are batched to a frame.
 */
export function useYVersion(type: Observable | null | undefined, relevant?: (events: YEvents) => boolean): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  // Of the render that subscribes below (the effect keeps this render's value).
  const renderedAt = transactionsOf(type?.doc ?? null);
  useEffect(() => {
    if (!type) return;
    let frame = 0;
    const onEvents = (events: YEvents): void => {
      if (relevant && !relevant(events)) return;
      // Our own edits re-render at once (focus can follow a new record); remote ones batch to a frame.
      if (events[0]?.transaction.local) {
        cancelAnimationFrame(frame);
        frame = 0;
        bump();
        return;
      }
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        bump();
      });
    };
    type.observeDeep(onEvents);
    if (transactionsOf(type.doc) !== renderedAt) bump();
    return () => {
      type.unobserveDeep(onEvents);
      cancelAnimationFrame(frame);
    };
  }, [type, relevant]);
  return version;
}

/** `read()` recomputed whenever `type` changes (a read model from packages/doc, usually). */
export function useYRead<T>(
  type: Observable | null | undefined,
  read: () => T,
  relevant?: (events: YEvents) => boolean,
): T {
  const version = useYVersion(type, relevant);
  return useMemo(read, [read, version]);
}

/** The current string of a Y.Text, updated synchronously on every change. */
export function useYText(text: Y.Text | null | undefined): string {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const renderedAt = transactionsOf(text?.doc ?? null);
  useEffect(() => {
    if (!text) return;
    const onChange = (): void => bump();
    text.observe(onChange);
    if (transactionsOf(text.doc) !== renderedAt) bump();
    return () => text.unobserve(onChange);
  }, [text]);
  return text ? text.toString() : '';
}
