// A new review's document: the instance template's version it starts from (its human-factors questions and
// its language terms, which the review keeps as its own) and the meta the creator gave.
import * as Y from 'yjs';
import { addLanguageTerm, initReview, type MetaInit, type OpContext } from '@hindsight/doc';
import type { TemplateContent } from '@hindsight/report';

/** The new review's whole state, as one update. */
export function newReviewState(
  meta: Omit<MetaInit, 'template'>,
  template: { version: number; content: TemplateContent },
  ctx: OpContext,
): Uint8Array {
  const doc = new Y.Doc();
  try {
    initReview(
      doc,
      { ...meta, template: { version: template.version, questions: template.content.humanFactorsQuestions } },
      ctx,
    );
    for (const t of template.content.languageTerms) {
      addLanguageTerm(doc, { term: t.term, suggestion: t.suggestion ?? undefined }, { ...ctx, actor: undefined });
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
