// Timeline filters (kind, tag, starred) as a pure function over the read model.
import type { EntryView } from '@hindsight/doc';

export interface TimelineFilters {
  kind: string;
  tag: string;
  starredOnly: boolean;
}

export const NO_FILTERS: TimelineFilters = { kind: '', tag: '', starredOnly: false };

export function filterEntries(entries: readonly EntryView[], f: TimelineFilters): readonly EntryView[] {
  if (!f.kind && !f.tag && !f.starredOnly) return entries;
  return entries.filter(
    (e) => (!f.kind || e.kind === f.kind) && (!f.tag || e.tags.includes(f.tag)) && (!f.starredOnly || e.starred),
  );
}

/** Every tag in use, sorted. */
export function allTags(entries: readonly EntryView[]): string[] {
  const tags = new Set<string>();
  for (const e of entries) for (const t of e.tags) tags.add(t);
  return [...tags].sort();
}
