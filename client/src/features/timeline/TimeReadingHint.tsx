// Under the entry box's time: the day a typed time resolved to, before anything
// is saved, and a choice of days when it could mean two.
import { formatDuration } from '@hindsight/doc';
import { formatClock, formatDay } from '../../app/timeZone.ts';
import type { TimeReading } from './readTime.ts';

function relation(at: number, startedAt: number | null): string {
  if (startedAt === null) return '';
  if (at === startedAt) return ' · at the start';
  return ` · ${formatDuration(Math.abs(at - startedAt))} ${at < startedAt ? 'before' : 'after'} the start`;
}

export function TimeReadingHint({
  input,
  reading,
  chosen,
  onChoose,
  zone,
  startedAt,
}: {
  input: string;
  reading: TimeReading | null;
  chosen: number;
  onChoose: (at: number) => void;
  zone: string;
  startedAt: number | null;
}) {
  if (!input.trim() || !reading) return null;
  if (!reading.ambiguous) {
    return (
      <p className="composer-when" id="composer-when" role="status" data-testid="composer-when">
        {formatDay(reading.at, zone)}, {formatClock(reading.at, zone, reading.precision === 'exact')}
        {relation(reading.at, startedAt)}
      </p>
    );
  }
  return (
    <fieldset className="composer-when composer-choice" id="composer-when" data-testid="composer-choice">
      <legend>“{input.trim()}” could be either day: pick one</legend>
      {reading.options.map((at) => (
        <label key={at}>
          <input type="radio" name="composer-day" checked={chosen === at} onChange={() => onChoose(at)} />
          {formatDay(at, zone)}, {formatClock(at, zone, reading.precision === 'exact')}
          {relation(at, startedAt)}
        </label>
      ))}
    </fieldset>
  );
}
