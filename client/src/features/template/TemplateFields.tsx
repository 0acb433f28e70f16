// The template editor's fields, one fieldset each: report sections, human-factors
// questions, factor categories, agenda, blameless-language terms.
import { FACTOR_CATEGORY_LABELS, MEETING_PHASES } from '@hindsight/doc';
import {
  BUILT_IN_PHASE_TITLES,
  BUILT_IN_TEMPLATE,
  REPORT_SECTION_IDS,
  agendaMinutes,
  phaseTitles,
  type TemplateContent,
} from '@hindsight/report';

export interface FieldProps {
  value: TemplateContent;
  onChange: (next: TemplateContent) => void;
}

const builtInTitle = (id: string): string =>
  BUILT_IN_TEMPLATE.content.reportSections.find((s) => s.id === id)?.title ?? id;

export function SectionsField({ value, onChange }: FieldProps) {
  const titleOf = (id: string) => value.reportSections.find((s) => s.id === id)?.title;
  const set = (id: string, title: string | undefined): void => {
    const next = REPORT_SECTION_IDS.flatMap((sid) => {
      const t = sid === id ? title : titleOf(sid);
      return t === undefined ? [] : [{ id: sid, title: t }];
    });
    onChange({ ...value, reportSections: next });
  };
  return (
    <fieldset className="template-fieldset">
      <legend>Report sections</legend>
      <p className="muted">The sections the report shows, in the method&rsquo;s order. Untick one to leave it out.</p>
      {REPORT_SECTION_IDS.map((id) => {
        const title = titleOf(id);
        return (
          <div className="template-row" key={id}>
            <input
              type="checkbox"
              id={`section-${id}`}
              checked={title !== undefined}
              onChange={(e) => set(id, e.target.checked ? builtInTitle(id) : undefined)}
            />
            <label htmlFor={`section-${id}`} className="template-row-label">
              {builtInTitle(id)}
            </label>
            <input
              className="input"
              aria-label={`Title of “${builtInTitle(id)}”`}
              value={title ?? ''}
              disabled={title === undefined}
              onChange={(e) => set(id, e.target.value)}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

export function QuestionsField({ value, onChange }: FieldProps) {
  const qs = value.humanFactorsQuestions;
  const set = (next: TemplateContent['humanFactorsQuestions']) => onChange({ ...value, humanFactorsQuestions: next });
  return (
    <fieldset className="template-fieldset">
      <legend>Human-factors questions</legend>
      <p className="muted">Every new review asks these, in this order. The id names the question in exports.</p>
      {qs.map((q, i) => (
        <div className="template-row" key={i}>
          <input
            className="input template-id"
            aria-label={`Id of question ${i + 1}`}
            value={q.id}
            onChange={(e) => set(qs.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)))}
          />
          <input
            className="input"
            aria-label={`Question ${i + 1}`}
            value={q.prompt}
            onChange={(e) => set(qs.map((x, j) => (j === i ? { ...x, prompt: e.target.value } : x)))}
          />
          <button type="button" className="btn" onClick={() => set(qs.filter((_, j) => j !== i))}>
            Remove<span className="visually-hidden"> question {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => set([...qs, { id: '', prompt: '' }])}>
        Add a question
      </button>
    </fieldset>
  );
}

export function CategoriesField({ value, onChange }: FieldProps) {
  return (
    <fieldset className="template-fieldset">
      <legend>Factor categories</legend>
      <label className="field">
        <span>
          One a line. {Object.keys(FACTOR_CATEGORY_LABELS).join(', ')} are the standard ones; any other line is the
          team&rsquo;s own.
        </span>
        <textarea
          className="input"
          rows={5}
          value={value.factorCategories.join('\n')}
          onChange={(e) => onChange({ ...value, factorCategories: e.target.value.split('\n') })}
          onBlur={() => onChange({ ...value, factorCategories: value.factorCategories.filter((c) => c.trim()) })}
        />
      </label>
    </fieldset>
  );
}

export function AgendaField({ value, onChange }: FieldProps) {
  const minutes = (phase: string) => value.agenda.find((p) => p.phase === phase)?.minutes ?? 0;
  const titles = phaseTitles(value);
  const total = agendaMinutes(value);
  const set = (phase: string, change: { title?: string; minutes?: number }): void =>
    onChange({
      ...value,
      agenda: MEETING_PHASES.map((p) => ({
        phase: p,
        title: p === phase && change.title !== undefined ? change.title : titles[p],
        minutes: p === phase && change.minutes !== undefined ? change.minutes : minutes(p),
      })),
    });
  return (
    <fieldset className="template-fieldset">
      <legend>Agenda and meeting length</legend>
      <p className="muted" aria-live="polite">
        The meeting lasts {total} minutes{total < 60 || total > 90 ? ' — it must be 60 to 90' : ''}. The phases come in
        this order; each may carry the name your team uses for it.
      </p>
      {MEETING_PHASES.map((phase, i) => (
        <div className="template-row" key={phase}>
          <span className="phase-n" aria-hidden="true">
            {i + 1}
          </span>
          <input
            className="input"
            aria-label={`Name of phase ${i + 1} (${BUILT_IN_PHASE_TITLES[phase]})`}
            value={value.agenda.find((p) => p.phase === phase)?.title ?? titles[phase]}
            maxLength={60}
            onChange={(e) => set(phase, { title: e.target.value })}
          />
          <input
            className="input template-minutes"
            aria-label={`${BUILT_IN_PHASE_TITLES[phase]} (minutes)`}
            type="number"
            min={1}
            max={90}
            value={minutes(phase)}
            onChange={(e) => set(phase, { minutes: Number(e.target.value) })}
          />
          <span className="muted">min</span>
        </div>
      ))}
    </fieldset>
  );
}

export function TermsField({ value, onChange }: FieldProps) {
  const terms = value.languageTerms;
  const set = (next: TemplateContent['languageTerms']) => onChange({ ...value, languageTerms: next });
  return (
    <fieldset className="template-fieldset">
      <legend>Blameless-language terms</legend>
      <p className="muted">
        Words the checker flags in every new review, besides <a href="/guide#language">its own rules</a>.
      </p>
      {terms.map((t, i) => (
        <div className="template-row" key={i}>
          <input
            className="input template-id"
            aria-label={`Term ${i + 1}`}
            value={t.term}
            onChange={(e) => set(terms.map((x, j) => (j === i ? { ...x, term: e.target.value } : x)))}
          />
          <input
            className="input"
            aria-label={`Suggestion for term ${i + 1}`}
            placeholder="What to write instead (optional)"
            value={t.suggestion ?? ''}
            onChange={(e) =>
              set(terms.map((x, j) => (j === i ? { ...x, suggestion: e.target.value ? e.target.value : null } : x)))
            }
          />
          <button type="button" className="btn" onClick={() => set(terms.filter((_, j) => j !== i))}>
            Remove<span className="visually-hidden"> term {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => set([...terms, { term: '', suggestion: null }])}>
        Add a term
      </button>
    </fieldset>
  );
}
