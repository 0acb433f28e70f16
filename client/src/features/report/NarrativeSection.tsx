// One narrative section of the report (impact, went well, went wrong, got lucky): a live shared text.
import { useMemo } from 'react';
import { getNarrativeText, setNarrative, type NarrativeSection as Section } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYText } from '../../sync/useY.ts';
import { LiveTextInput } from '../../ui/LiveTextInput.tsx';
import { LanguageField } from '../language/LanguageField.tsx';

export const SECTION_LABELS: Record<Section, { title: string; hint: string }> = {
  impact: { title: 'Impact', hint: 'Who and what was affected, for how long, how badly.' },
  wentWell: { title: 'What went well', hint: 'What helped: tools, habits, people’s expertise.' },
  wentWrong: { title: 'What went wrong', hint: 'Conditions that made things harder — systems, not people.' },
  gotLucky: { title: 'Where we got lucky', hint: 'What could have made it worse but did not.' },
};

export function NarrativeSection({ section }: { section: Section }) {
  const { sync, ctx, canWrite } = useReview();
  const text = useMemo(() => getNarrativeText(sync.doc, section), [sync.doc, section]);
  const value = useYText(text);
  const id = `narrative-${section}`;
  const { title, hint } = SECTION_LABELS[section];
  return (
    <section className="narrative card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {canWrite ? (
        <LanguageField textId={`narrative:${section}`} text={value}>
          <LiveTextInput
            multiline
            className="input narrative-text"
            value={value}
            onValue={(next) => setNarrative(sync.doc, { section, text: next }, ctx)}
            aria-labelledby={id}
            placeholder={hint}
            rows={4}
            data-testid={`narrative-${section}`}
          />
        </LanguageField>
      ) : (
        <p className="narrative-static">{value || <span className="muted">Not written yet.</span>}</p>
      )}
    </section>
  );
}
