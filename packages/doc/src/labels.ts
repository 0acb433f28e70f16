// The human names of the document's enumerations, one place for the app, the
// report and the follow-up pages. Readers of stored records call the
// `…Label` functions, which show an unknown value (a newer release's, a
// custom factor) as itself instead of failing.
import type { ActionStatus, AnnotationKind, FactorCategory } from './schema.ts';

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: "Won't do",
};

/** `question` reads "Question", not "Open question": a question stays one after it is answered. */
export const ANNOTATION_KIND_LABELS: Readonly<Record<AnnotationKind, string>> = {
  delay: 'Delay',
  missing_information: 'Missing information',
  automation_failed: 'Automation failed',
  question: 'Question',
  comment: 'Comment',
};

export const FACTOR_CATEGORY_LABELS: Readonly<Record<FactorCategory, string>> = {
  process: 'Process',
  technology: 'Technology',
  people: 'People and human factors',
};

const labelOf =
  <K extends string>(labels: Readonly<Record<K, string>>) =>
  (value: string): string =>
    Object.hasOwn(labels, value) ? labels[value as K] : value;

/** The label of an action status; an unknown status as written. */
export const actionStatusLabel = labelOf(ACTION_STATUS_LABELS);
/** The label of an annotation kind; an unknown kind as written. */
export const annotationKindLabel = labelOf(ANNOTATION_KIND_LABELS);
/** The label of a factor category; a custom category as written. */
export const factorLabel = labelOf(FACTOR_CATEGORY_LABELS);
