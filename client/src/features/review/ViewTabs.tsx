// The tabs between the review's views (arrow keys move between them, as the ARIA tabs pattern says).
import { useRef, type KeyboardEvent } from 'react';

export type ViewName = 'timeline' | 'whys' | 'actions' | 'humanFactors' | 'report';

const VIEWS: { name: ViewName; label: string }[] = [
  { name: 'timeline', label: 'Timeline' },
  { name: 'whys', label: 'Whys' },
  { name: 'actions', label: 'Actions' },
  { name: 'humanFactors', label: 'Human factors' },
  { name: 'report', label: 'Report' },
];

export function ViewTabs({ view, onChange }: { view: ViewName; onChange: (v: ViewName) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKey = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = VIEWS.findIndex((v) => v.name === view);
    const next = VIEWS[(index + step + VIEWS.length) % VIEWS.length]!;
    onChange(next.name);
    list.current?.querySelector<HTMLElement>(`#tab-${next.name}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Review views" ref={list} onKeyDown={onKey}>
      {VIEWS.map((v) => (
        <button
          key={v.name}
          id={`tab-${v.name}`}
          type="button"
          role="tab"
          className="tab"
          aria-selected={view === v.name}
          aria-controls={`view-${v.name}`}
          tabIndex={view === v.name ? 0 : -1}
          onClick={() => onChange(v.name)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
