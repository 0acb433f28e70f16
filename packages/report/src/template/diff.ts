// The differences between two template versions, field by field, for the
// version diff page: what was added, removed or changed in each list.
import { agendaMinutes, phaseTitles, type TemplateContent } from './template.ts';

export type TemplateField = keyof TemplateContent;

export const TEMPLATE_FIELD_LABELS: Readonly<Record<TemplateField, string>> = {
  reportSections: 'Report sections',
  humanFactorsQuestions: 'Human-factors questions',
  factorCategories: 'Factor categories',
  agenda: 'Agenda and meeting length',
  languageTerms: 'Blameless-language terms',
};

export interface TemplateChange {
  kind: 'added' | 'removed' | 'changed';
  /** What the change is about: a section id, question id, category, phase or term. */
  key: string;
  /** The text before (null when added) and after (null when removed). */
  before: string | null;
  after: string | null;
}

export interface TemplateFieldDiff {
  field: TemplateField;
  label: string;
  changes: TemplateChange[];
}

/** Compares two keyed lists: removed and changed in `from`'s order, then added in `to`'s order. */
function keyedDiff<T>(from: readonly T[], to: readonly T[], key: (t: T) => string, text: (t: T) => string) {
  const after = new Map(to.map((t) => [key(t), t]));
  const before = new Map(from.map((t) => [key(t), t]));
  const changes: TemplateChange[] = [];
  for (const t of from) {
    const k = key(t);
    const other = after.get(k);
    if (other === undefined) changes.push({ kind: 'removed', key: k, before: text(t), after: null });
    else if (text(other) !== text(t)) changes.push({ kind: 'changed', key: k, before: text(t), after: text(other) });
  }
  for (const t of to) {
    if (!before.has(key(t))) changes.push({ kind: 'added', key: key(t), before: null, after: text(t) });
  }
  return changes;
}

/** Every field of the template with its changes from `from` to `to` (an unchanged field has none). */
export function diffTemplates(from: TemplateContent, to: TemplateContent): TemplateFieldDiff[] {
  const agenda = keyedDiff(
    from.agenda,
    to.agenda,
    (p) => p.phase,
    (p) => `${p.minutes} min`,
  );
  // A renamed phase: its name before and after (the phases themselves never change).
  const [fromTitles, toTitles] = [phaseTitles(from), phaseTitles(to)];
  for (const p of to.agenda) {
    if (fromTitles[p.phase] !== toTitles[p.phase])
      agenda.push({ kind: 'changed', key: `${p.phase} name`, before: fromTitles[p.phase], after: toTitles[p.phase] });
  }
  const total = [agendaMinutes(from), agendaMinutes(to)];
  if (total[0] !== total[1]) {
    agenda.push({ kind: 'changed', key: 'meeting length', before: `${total[0]} min`, after: `${total[1]} min` });
  }
  const fields: Record<TemplateField, TemplateChange[]> = {
    reportSections: keyedDiff(
      from.reportSections,
      to.reportSections,
      (s) => s.id,
      (s) => s.title,
    ),
    humanFactorsQuestions: keyedDiff(
      from.humanFactorsQuestions,
      to.humanFactorsQuestions,
      (q) => q.id,
      (q) => q.prompt,
    ),
    factorCategories: keyedDiff(
      from.factorCategories,
      to.factorCategories,
      (c) => c,
      (c) => c,
    ),
    agenda,
    languageTerms: keyedDiff(
      from.languageTerms,
      to.languageTerms,
      (t) => t.term,
      (t) => (t.suggestion ? `${t.term} → ${t.suggestion}` : t.term),
    ),
  };
  return (Object.keys(TEMPLATE_FIELD_LABELS) as TemplateField[]).map((field) => ({
    field,
    label: TEMPLATE_FIELD_LABELS[field],
    changes: fields[field],
  }));
}
