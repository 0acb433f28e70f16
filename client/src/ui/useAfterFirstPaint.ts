// Work a component can show a moment after its first paint (flags and underlines, not the text itself).
import { useDeferredValue } from 'react';

/**
 * False in a component's first render, true in the background render React makes right after it
 * has painted (useDeferredValue's initial value). A big review's first screen then appears without
 * waiting for checks it does not need to draw its rows: the blameless rules compile on first use
 * (100-200 ms measured) and the delay index scans every entry. Later renders are always true.
 */
export function useAfterFirstPaint(): boolean {
  return useDeferredValue(true, false);
}
