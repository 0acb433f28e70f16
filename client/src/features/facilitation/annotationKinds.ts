// Labels for annotation kinds, and which kinds a participant may add.
import { ANNOTATION_KINDS, type AnnotationKind } from '@hindsight/doc';

export const KIND_LABELS: Record<AnnotationKind, string> = {
  delay: 'Delay',
  missing_information: 'Missing information',
  automation_failed: 'Automation failed',
  question: 'Question',
  comment: 'Comment',
};

/** Responders add questions and comments; the facilitator every kind. */
export function kindsFor(isFacilitator: boolean): readonly AnnotationKind[] {
  return isFacilitator ? ANNOTATION_KINDS : (['question', 'comment'] as const);
}
