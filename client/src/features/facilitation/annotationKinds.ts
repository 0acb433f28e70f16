// Which annotation kinds a participant may add.
import { ANNOTATION_KINDS, type AnnotationKind } from '@hindsight/doc';

/** Responders add questions and comments; the facilitator every kind. */
export function kindsFor(isFacilitator: boolean): readonly AnnotationKind[] {
  return isFacilitator ? ANNOTATION_KINDS : (['question', 'comment'] as const);
}
