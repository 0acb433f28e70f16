// `/guide`: how a Hindsight review works — the participant primer, the
// facilitator's guide phase by phase, and the blameless-language guide built
// from the checker's own rules.
import { useEffect } from 'react';
import { MEETING_PHASES } from '@hindsight/doc';
import { languageGuide } from '@hindsight/report';
import { PRIMER, PHASE_GUIDE } from './guideText.ts';
import { PhaseGuideList } from './PhaseGuidePanel.tsx';
import './guide.css';

export function GuidePage() {
  useEffect(() => {
    document.title = 'How a review works · Hindsight';
  }, []);
  return (
    <main className="guide-page">
      <p>
        <a href="/">◐ Hindsight</a>
      </p>
      <h1>How a review works</h1>
      <section aria-labelledby="primer-h" id="primer">
        <h2 id="primer-h">For participants: the rules of the room</h2>
        <dl>
          {PRIMER.map((p) => (
            <div key={p.title}>
              <dt>{p.title}</dt>
              <dd>{p.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="facilitator-h" id="facilitator">
        <h2 id="facilitator-h">For the facilitator: phase by phase</h2>
        {MEETING_PHASES.map((phase, i) => (
          <section key={phase} className="card guide-phase" aria-labelledby={`phase-${phase}`}>
            <h3 id={`phase-${phase}`}>
              {i + 1}. {PHASE_GUIDE[phase].title}
            </h3>
            <PhaseGuideList phase={phase} />
          </section>
        ))}
      </section>
      <section aria-labelledby="language-h" id="language">
        <h2 id="language-h">Blameless language</h2>
        <p className="muted">
          These are the checker&apos;s own rules: what it underlines, why, and how to say it instead.
        </p>
        {languageGuide().map((r) => (
          <section key={r.id} className="card guide-rule" aria-label={r.id}>
            <p>
              <strong>{r.message}</strong> {r.suggestion}
            </p>
            <p className="guide-example">
              <span className="muted">Instead of:</span> <s>{r.example}</s>
            </p>
            <p className="guide-rewrite">
              <span className="muted">Write:</span> {r.rewrite}
            </p>
          </section>
        ))}
      </section>
    </main>
  );
}
