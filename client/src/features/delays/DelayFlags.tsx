// Flags on a timeline row for delays found automatically: the unanswered alert and the late first response.
import { formatDuration } from '@hindsight/doc';
import type { Delay } from '@hindsight/doc';
import { formatClock, formatUtc, viewerZone } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint.ts';
import { useEntryDelays } from './delayIndex.ts';
import './delays.css';

function describe(d: Delay, end: 'from' | 'to', zone: string): string {
  const gap = formatDuration(d.gapMs);
  if (d.kind === 'detect_mitigate') {
    return end === 'to'
      ? `${gap} from detection (${formatClock(d.fromAt, zone)}) to mitigation`
      : `Detected here; mitigation took ${gap}`;
  }
  if (end === 'from') {
    return d.toEntryId === null
      ? `No response recorded for ${gap} after this alert`
      : `${gap} until the first response`;
  }
  return `First response ${gap} after the alert at ${formatClock(d.fromAt, zone)}`;
}

export function DelayFlags({ entryId }: { entryId: string }) {
  // The index scans every entry: the row's first paint does not wait for it.
  return useAfterFirstPaint() ? <EntryDelayFlags entryId={entryId} /> : null;
}

function EntryDelayFlags({ entryId }: { entryId: string }) {
  const { sync } = useReview();
  const { from, to } = useEntryDelays(sync.doc, entryId);
  if (from.length === 0 && to.length === 0) return null;
  const zone = viewerZone();
  const flags = [...to.map((d) => ({ d, end: 'to' as const })), ...from.map((d) => ({ d, end: 'from' as const }))];
  return (
    <ul className="delay-flags" aria-label="Delays">
      {flags.map(({ d, end }) => (
        <li
          key={`${d.kind}:${end}`}
          className={`delay-flag delay-${end}`}
          title={`${formatUtc(d.fromAt)} → ${formatUtc(d.toAt)}`}
          data-testid="delay-flag"
        >
          <span className="delay-label">Delay</span> {describe(d, end, zone)}
        </li>
      ))}
    </ul>
  );
}
