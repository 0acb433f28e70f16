// An entry's time: shown in the viewer's zone (UTC on hover), edited by typing 14:32, +5m, a date…
import { useState, type KeyboardEvent } from 'react';
import { setEntryPrecision, setEntryTime, type EntryView } from '@hindsight/doc';
import { formatClock, formatFull, formatUtc } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { readTypedTime } from './readTime.ts';

export function TimeCell({ entry, zone }: { entry: EntryView; zone: string }) {
  const { sync, ctx, canWrite } = useReview();
  const shown = formatClock(entry.at, zone, entry.precision === 'exact');
  const approx = entry.precision === 'approximate' ? `≈` : '';
  const title = `${formatFull(entry.at, zone)} — ${formatUtc(entry.at)}`;
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);

  if (!canWrite) {
    return (
      <time data-cell="time" className="tl-static mono" dateTime={new Date(entry.at).toISOString()} title={title}>
        {approx}
        {shown}
      </time>
    );
  }
  const commit = (): boolean => {
    if (draft === null || draft.trim() === shown) {
      setDraft(null);
      return true;
    }
    // A bare time lands on the day nearest the entry's current time (and the incident), never in the future.
    const parsed = readTypedTime(sync.doc, draft, { zone, previousAt: entry.at, now: Date.now() });
    if (!parsed) {
      setInvalid(true);
      return false;
    }
    if (parsed.at !== entry.at) setEntryTime(sync.doc, entry.id, parsed.at, ctx);
    if (parsed.precision !== entry.precision)
      setEntryPrecision(sync.doc, { id: entry.id, precision: parsed.precision }, ctx);
    setDraft(null);
    setInvalid(false);
    return true;
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (commit())
        event.currentTarget.closest('.tl-row')?.querySelector<HTMLElement>('[data-field="summary"]')?.focus();
    } else if (event.key === 'Escape') {
      setDraft(null);
      setInvalid(false);
    }
  };
  return (
    <input
      className="tl-time"
      data-cell="time"
      value={draft ?? `${approx}${shown}`}
      title={invalid ? 'Not a time I can read: try 14:32, 2:32pm, +5m or 2026-11-28 14:32' : title}
      aria-label={`Time (${zone}); ${formatUtc(entry.at)}`}
      aria-invalid={invalid}
      data-field="time"
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => {
        setDraft(e.target.value);
        setInvalid(false);
      }}
      onKeyDown={onKey}
      onBlur={() => {
        if (!commit()) {
          setDraft(null);
          setInvalid(false);
        }
      }}
    />
  );
}
