// Play/pause, speed, the incident-time scrubber with marker ticks, the clock since the start, and a link to the moment.
import { INCIDENT_MARKERS, type IncidentMarker } from '@hindsight/doc';
import { dayKey, formatClock, formatShortDay, formatUtc, viewerZone } from '../../app/timeZone.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { formatSinceStart, keyTarget, REPLAY_SPEEDS } from './replayClock.ts';
import type { ReplayControlsApi } from './useReplayClock.ts';
import { withAt } from './replayUrl.ts';

export interface ReplayControlsProps {
  api: ReplayControlsApi;
  /** Incident start, for the "T+" clock. */
  origin: number;
  markers: Record<IncidentMarker, number | null>;
}

const pct = (t: number, start: number, end: number): string =>
  `${end > start ? ((t - start) / (end - start)) * 100 : 0}%`;

export function ReplayControls({ api, origin, markers }: ReplayControlsProps) {
  const { clock, position } = api;
  const zone = viewerZone();
  const since = formatSinceStart(position - origin);
  // Across midnight (in the viewer's zone) a bare clock is ambiguous: the date goes with it.
  const crossesDay = dayKey(clock.start, zone) !== dayKey(clock.end, zone);
  const at = `${crossesDay ? `${formatShortDay(position, zone)} ` : ''}${formatClock(position, zone, true)}`;
  return (
    <div className="replay-controls">
      <button
        type="button"
        className="btn btn-primary replay-play"
        onClick={api.toggle}
        aria-label={clock.playing ? 'Pause the replay' : 'Play the replay'}
        data-testid="replay-play"
      >
        {clock.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <div className="replay-clock" aria-live="off" data-testid="replay-clock">
        <strong title="Time since the incident started">{since}</strong>
        <time dateTime={new Date(position).toISOString()} title={formatUtc(position)} data-testid="replay-time">
          {at}
        </time>
      </div>
      <Segmented
        label="Replay speed"
        name="replay-speed"
        options={REPLAY_SPEEDS.map((s) => ({ value: s as number, label: `${s}×` }))}
        value={clock.speed}
        onChange={api.changeSpeed}
      />
      <div className="replay-track">
        <input
          type="range"
          className="replay-scrubber"
          min={clock.start}
          max={clock.end}
          step={1000}
          value={Math.round(position)}
          aria-label="Incident time"
          aria-valuetext={`${at}, ${since}`}
          aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End"
          title="Arrow keys: one minute (Shift: ten minutes); Home and End: start and end"
          onChange={(e) => api.seekTo(Number(e.target.value))}
          onKeyDown={(e) => {
            const to = keyTarget(clock, position, e.key, e.shiftKey);
            if (to === null || e.altKey || e.ctrlKey || e.metaKey) return;
            e.preventDefault();
            api.seekTo(to);
          }}
          data-testid="replay-scrubber"
        />
        {INCIDENT_MARKERS.map((m) => {
          const t = markers[m];
          if (t === null || t < clock.start || t > clock.end) return null;
          return (
            <span
              key={m}
              className={`replay-tick tick-${m}`}
              style={{ left: pct(t, clock.start, clock.end) }}
              title={`${m} at ${formatClock(t, zone)} (${formatUtc(t)})`}
              aria-hidden="true"
            />
          );
        })}
      </div>
      <CopyButton text={withAt(location.href, position)} label="Copy a link to this moment" />
    </div>
  );
}
