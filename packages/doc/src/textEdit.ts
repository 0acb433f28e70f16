// Replacing a Y.Text's content with a minimal splice, so a "set the whole
// value" call from a plain input field does not clobber concurrent typing
// elsewhere in the same text.
import type * as Y from 'yjs';

/**
 * Makes `text` read `next` by deleting and inserting only the span that differs
 * (common prefix and suffix are kept). Call inside a transaction.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const maxStart = Math.min(current.length, next.length);
  while (start < maxStart && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endCur = current.length;
  let endNext = next.length;
  while (endCur > start && endNext > start && current.charCodeAt(endCur - 1) === next.charCodeAt(endNext - 1)) {
    endCur--;
    endNext--;
  }
  if (endCur > start) text.delete(start, endCur - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}

/** Clamps a character offset into `[0, text.length]`. */
export function clampIndex(text: Y.Text, index: number): number {
  return Math.max(0, Math.min(Number.isFinite(index) ? Math.floor(index) : 0, text.length));
}
