// The facilitator's guide for the current meeting phase, beside the meeting bar: what to do, ask and avoid.
import type { MeetingPhase } from '@hindsight/doc';
import { PHASE_GUIDE } from './guideText.ts';
import './guide.css';

export function PhaseGuideList({ phase }: { phase: MeetingPhase }) {
  const g = PHASE_GUIDE[phase];
  return (
    <div className="phase-guide-lists">
      {(
        [
          ['Do', g.do],
          ['Ask', g.ask],
          ['Avoid', g.avoid],
        ] as const
      ).map(([label, items]) => (
        <div key={label}>
          <h4>{label}</h4>
          <ul>
            {items.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** The guide for `phase`, under the name the review's template gives it (`name`; the guide's own by default). */
export function PhaseGuidePanel({ phase, name }: { phase: MeetingPhase; name?: string }) {
  return (
    <details className="phase-guide" data-testid="phase-guide">
      <summary>Guide: {name ?? PHASE_GUIDE[phase].title}</summary>
      <PhaseGuideList phase={phase} />
      <a href="/guide" target="_blank" rel="noopener">
        The whole guide
      </a>
    </details>
  );
}
