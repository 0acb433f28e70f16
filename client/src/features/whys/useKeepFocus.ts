// Keeps the caret in a why whose card was re-mounted by someone else's move (a new parent means a new DOM node).
import { useLayoutEffect, useRef, type FocusEvent, type SyntheticEvent } from 'react';

interface Focused {
  id: string;
  el: HTMLInputElement;
  start: number;
  end: number;
}

export function useKeepFocus(): {
  onFocus: (e: FocusEvent) => void;
  onSelect: (e: SyntheticEvent) => void;
  onBlur: (e: FocusEvent) => void;
} {
  const last = useRef<Focused | null>(null);
  const remember = (target: EventTarget): void => {
    if (!(target instanceof HTMLInputElement) || !target.classList.contains('why-text')) return;
    const id = target.closest<HTMLElement>('[data-why-id]')?.dataset.whyId;
    if (id) last.current = { id, el: target, start: target.selectionStart ?? 0, end: target.selectionEnd ?? 0 };
  };
  useLayoutEffect(() => {
    const f = last.current;
    if (!f || f.el.isConnected) return;
    const next = document.querySelector<HTMLInputElement>(`[data-why-id="${CSS.escape(f.id)}"] .why-text`);
    if (!next) return;
    // The detached input still knows its latest caret; the remembered one may be a keystroke old.
    const start = f.start;
    const end = f.end;
    next.focus();
    next.setSelectionRange(start, end);
    last.current = { id: f.id, el: next, start, end };
  });
  return {
    onFocus: (e) => remember(e.target),
    onSelect: (e) => remember(e.target),
    onBlur: (e) => {
      // A real blur (the element is still in the page) ends the tracking; removal by a re-mount does not.
      if (e.target === last.current?.el && (e.target as HTMLElement).isConnected && e.relatedTarget !== null)
        last.current = null;
    },
  };
}
