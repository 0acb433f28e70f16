// An instant in the viewer's time zone, the UTC time on hover.
import { formatFull, formatUtc, viewerZone } from '../../app/timeZone.ts';

export function When({ at }: { at: string | number }) {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) return null;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatUtc(ms)}>
      {formatFull(ms, viewerZone())}
    </time>
  );
}
