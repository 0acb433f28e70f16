// How much of the 24-hour data-collection window is left.
import { formatDuration } from '@hindsight/doc';
import { useEffect, useState } from 'react';
import { formatFull, viewerZone } from '../../app/timeZone.ts';

export function Countdown({ endsAt, status }: { endsAt: number | null; status: string }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (endsAt === null || status !== 'collecting') return null;
  const left = endsAt - now;
  const title = `Collection window ends ${formatFull(endsAt, viewerZone())}`;
  if (left <= 0) {
    return (
      <span className="countdown" title={title}>
        Collection window closed
      </span>
    );
  }
  return (
    <span className="countdown" title={title}>
      Collection: <strong>{formatDuration(left)}</strong> left
    </span>
  );
}
