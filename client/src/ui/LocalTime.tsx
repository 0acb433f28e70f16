// An instant shown in the viewer's time zone, with UTC on hover.
import { formatClock, formatDay, formatUtc, viewerZone } from '../app/timeZone.ts';

export function LocalTime({
  ms,
  seconds = false,
  withDay = false,
}: {
  ms: number;
  seconds?: boolean;
  withDay?: boolean;
}) {
  const zone = viewerZone();
  const text = `${withDay ? `${formatDay(ms, zone)}, ` : ''}${formatClock(ms, zone, seconds)}`;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatUtc(ms)}>
      {text}
    </time>
  );
}
