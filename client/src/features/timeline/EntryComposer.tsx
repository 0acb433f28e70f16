// The keyboard-first "add an entry" bar: type a time (14:32, 2:32pm, +5m), what happened, Enter.
// A bare time is placed nearest the incident and the day it landed on shows before Enter.
import { useRef, useState, type FormEvent } from 'react';
import { addEntry, ENTRY_KINDS, readMeta, type EntryKind } from '@hindsight/doc';
import { formatClock, formatUtc } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { readTypedTime } from './readTime.ts';
import { TimeReadingHint } from './TimeReadingHint.tsx';

export function EntryComposer({ zone, reference }: { zone: string; reference: () => number }) {
  const { sync, ctx } = useReview();
  const [time, setTime] = useState('');
  const [summary, setSummary] = useState('');
  const [kind, setKind] = useState<EntryKind>('observation');
  const [error, setError] = useState<string | null>(null);
  const lastAt = useRef<number | null>(null);
  const summaryRef = useRef<HTMLInputElement>(null);
  // The day picked for an ambiguous time; reset whenever the time is retyped.
  const [picked, setPicked] = useState<number | null>(null);
  const reading = time.trim()
    ? readTypedTime(sync.doc, time, { zone, previousAt: lastAt.current, now: Date.now() })
    : null;
  const chosen = picked !== null && reading?.options.includes(picked) ? picked : (reading?.at ?? 0);
  const startedAt = readMeta(sync.doc).markers.started;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = time.trim()
      ? reading && { at: chosen, precision: reading.precision }
      : { at: lastAt.current ?? reference(), precision: 'minute' as const };
    if (!parsed) {
      setError(`“${time}” is not a time I can read: try 14:32, 2:32pm, 14:32:10, +5m or 2026-11-28 14:32.`);
      return;
    }
    addEntry(
      sync.doc,
      { at: parsed.at, precision: parsed.precision, kind, summary: summary.trim(), withNotes: true },
      ctx,
    );
    lastAt.current = parsed.at;
    setTime(formatClock(parsed.at, zone, parsed.precision === 'exact'));
    setPicked(null);
    setSummary('');
    setError(null);
    summaryRef.current?.focus();
  };

  return (
    <form className="add-entry" onSubmit={submit} aria-label="Add a timeline entry">
      <input
        className="input mono"
        value={time}
        onChange={(e) => {
          setTime(e.target.value);
          setPicked(null);
        }}
        placeholder="14:32 or +5m"
        aria-label={`Time of the new entry (${zone}): 14:32, 2:32pm, 14:32:10, +5m or a full date`}
        aria-invalid={error !== null}
        aria-describedby={error ? 'composer-error' : 'composer-when'}
        title={lastAt.current !== null ? `Last added at ${formatUtc(lastAt.current)}` : undefined}
        data-testid="composer-time"
      />
      <div style={{ display: 'flex', gap: 8 }}>
        <select
          className="input"
          value={kind}
          onChange={(e) => setKind(e.target.value as EntryKind)}
          aria-label="Kind of the new entry"
        >
          {ENTRY_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
        <input
          ref={summaryRef}
          className="input"
          style={{ flex: 1 }}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          placeholder="What happened? Enter adds it"
          aria-label="What happened (new entry)"
          data-testid="composer-summary"
        />
      </div>
      <button type="submit" className="btn btn-primary">
        Add entry
      </button>
      <TimeReadingHint
        input={time}
        reading={reading}
        chosen={chosen}
        onChoose={setPicked}
        zone={zone}
        startedAt={startedAt}
      />
      {error && (
        <p id="composer-error" className="error-text" role="alert" style={{ gridColumn: '1 / -1' }}>
          {error}
        </p>
      )}
    </form>
  );
}
