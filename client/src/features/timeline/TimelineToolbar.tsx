// Filters for the timeline: by kind, by tag, starred only.
import { ENTRY_KINDS } from '@hindsight/doc';
import type { TimelineFilters } from './filters.ts';
import { ImportButton } from '../import/ImportButton.tsx';

export interface TimelineToolbarProps {
  filters: TimelineFilters;
  onChange: (f: TimelineFilters) => void;
  tags: string[];
  shown: number;
  total: number;
  zone: string;
}

export function TimelineToolbar({ filters, onChange, tags, shown, total, zone }: TimelineToolbarProps) {
  return (
    <div className="timeline-toolbar" role="search" aria-label="Filter the timeline">
      <label className="field" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <span>Kind</span>
        <select className="input" value={filters.kind} onChange={(e) => onChange({ ...filters, kind: e.target.value })}>
          <option value="">All kinds</option>
          {ENTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className="field" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <span>Tag</span>
        <select className="input" value={filters.tag} onChange={(e) => onChange({ ...filters, tag: e.target.value })}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <input
          type="checkbox"
          checked={filters.starredOnly}
          onChange={(e) => onChange({ ...filters, starredOnly: e.target.checked })}
        />
        Starred only
      </label>
      <span className="grow" />
      <ImportButton />
      <span className="muted" aria-live="polite">
        {shown === total ? `${total} entries` : `${shown} of ${total} entries`} · times in {zone}
      </span>
    </div>
  );
}
