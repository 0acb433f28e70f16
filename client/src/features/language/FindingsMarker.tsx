// A small flag (popover in a portal, since rows clip) beside a text with blameless-language findings: hover or focus shows each suggestion; dismiss with a reason.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { OpenFinding } from './useFindings.ts';
import { DismissFinding } from './DismissFinding.tsx';

export interface FindingsMarkerProps {
  findings: OpenFinding[];
  /** Whether this person may dismiss findings (writes to the document). */
  canDismiss: boolean;
}

export function FindingsMarker({ findings, canDismiss }: FindingsMarkerProps) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [focusIn, setFocusIn] = useState(false);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const open = (hover || pinned || focusIn) && findings.length > 0;
  // Moving the pointer from the flag to the popover crosses a gap: leave closes only after a moment.
  const leaveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const enter = (): void => {
    clearTimeout(leaveTimer.current);
    setHover(true);
  };
  const leave = (): void => {
    clearTimeout(leaveTimer.current);
    leaveTimer.current = setTimeout(() => setHover(false), 200);
  };
  useEffect(() => () => clearTimeout(leaveTimer.current), []);

  useLayoutEffect(() => {
    if (!open || !button.current) return;
    const r = button.current.getBoundingClientRect();
    const width = Math.min(340, window.innerWidth - 16);
    setPlace({ top: r.bottom + 4, left: Math.max(8, Math.min(r.right - width, window.innerWidth - width - 8)) });
  }, [open]);
  // A fixed popover would drift when the page scrolls: close it instead.
  useEffect(() => {
    if (!open) return;
    const close = (): void => {
      setHover(false);
      setPinned(false);
    };
    window.addEventListener('scroll', close, true);
    return () => window.removeEventListener('scroll', close, true);
  }, [open]);

  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setPinned(false);
    setHover(false);
    setFocusIn(false);
    button.current?.focus();
  };
  const n = findings.length;
  const summary = `${n} wording ${n === 1 ? 'suggestion' : 'suggestions'}`;
  return (
    <span
      className="lang-marker"
      onMouseEnter={enter}
      onMouseLeave={leave}
      onFocus={() => setFocusIn(true)}
      onBlur={(e) => {
        const next = e.relatedTarget as Node | null;
        // The popover lives in a portal (rows clip their content): it still counts as inside.
        if (!e.currentTarget.contains(next) && !panel.current?.contains(next)) {
          setFocusIn(false);
          setPinned(false);
        }
      }}
      onKeyDown={onKey}
    >
      <button
        ref={button}
        type="button"
        className="lang-flag-btn"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${summary}: ${findings.map((f) => `“${f.match}”`).join(', ')}`}
        onClick={() => setPinned((p) => !p)}
        data-testid="lang-marker"
      >
        <span aria-hidden="true">⚑</span>
        {n > 1 && <span aria-hidden="true">{n}</span>}
      </button>
      {open &&
        createPortal(
          <div
            ref={panel}
            id={id}
            role="group"
            aria-label={summary}
            className="lang-popover"
            onMouseEnter={enter}
            onMouseLeave={leave}
            style={place ? { top: place.top, left: place.left } : { visibility: 'hidden' }}
            data-testid="lang-popover"
          >
            {findings.map((f) => (
              <div key={`${f.key}@${f.start}`} className="lang-finding">
                <p>
                  <strong>“{f.match}”</strong> <span className="muted">{f.message}</span>
                </p>
                <p>
                  <span className="lang-try">Try:</span> {f.suggestion}
                </p>
                {canDismiss && <DismissFinding finding={f} />}
              </div>
            ))}
          </div>,
          document.body,
        )}
    </span>
  );
}
