// Human-factors questions and their shared free-text answers. The standard
// questions have fixed ids and are created once at initialisation (or by
// migrate), never lazily by clients: two replicas creating the same question
// concurrently would each make their own answer Y.Text and one would be lost.
import * as Y from 'yjs';
import { keyForIndex } from './fractionalIndex.ts';
import { MetaKey, type OpContext, QuestionKey, type RecordMap, origin, roots } from './schema.ts';
import { clampIndex, replaceText } from './textEdit.ts';
import { ensureText, plainText } from './recordFields.ts';
import { label } from './validate.ts';

/** The questions every review asks, by fixed id. */
export const STANDARD_QUESTIONS = [
  { id: 'rested', prompt: 'Were the people involved rested?' },
  { id: 'ownership', prompt: 'Was ownership clear?' },
  { id: 'pressure', prompt: 'Did anyone feel pressed to skip steps?' },
  { id: 'communication', prompt: 'Did communication reach the right people?' },
] as const;

// Order keys of the standard questions ("V", "W", ...): team questions are appended after them.
const STANDARD_ORDER: string[] = [];
for (const _q of STANDARD_QUESTIONS) STANDARD_ORDER.push(keyForIndex(STANDARD_ORDER, STANDARD_ORDER.length));

function newQuestion(id: string, prompt: string, order: string, standard: boolean, ctx: OpContext): RecordMap {
  const q: RecordMap = new Y.Map();
  q.set(QuestionKey.id, id);
  q.set(QuestionKey.prompt, prompt);
  q.set(QuestionKey.order, order);
  q.set(QuestionKey.standard, standard);
  q.set(QuestionKey.answer, new Y.Text());
  q.set(QuestionKey.createdAt, ctx.now());
  if (ctx.actor !== undefined) q.set(QuestionKey.createdBy, ctx.actor);
  return q;
}

/** True when the review started from an instance template, whose questions replace the standard ones. */
const fromTemplate = (doc: Y.Doc): boolean => typeof roots(doc).meta.get(MetaKey.templateVersion) === 'number';

/**
 * Adds a template's questions as the review's standard (fixed-wording) ones,
 * in the template's order. Runs inside initReview's transaction, once.
 */
export function seedTemplateQuestions(
  doc: Y.Doc,
  questions: readonly { id: string; prompt: string }[],
  ctx: OpContext,
): void {
  const { humanFactors } = roots(doc);
  const keys: string[] = [];
  for (const q of questions) {
    const order = keyForIndex(keys, keys.length);
    keys.push(order);
    humanFactors.set(
      q.id,
      newQuestion(q.id, label('question', q.prompt, 300), order, true, { ...ctx, actor: undefined }),
    );
  }
}

/**
 * Adds the missing standard questions. Runs inside initReview's / migrate's
 * transaction; a review made from a template keeps the template's questions.
 */
export function seedStandardQuestions(doc: Y.Doc, ctx: OpContext): boolean {
  const { humanFactors } = roots(doc);
  if (fromTemplate(doc)) return false;
  let changed = false;
  STANDARD_QUESTIONS.forEach((q, i) => {
    if (humanFactors.has(q.id)) return;
    humanFactors.set(
      q.id,
      newQuestion(q.id, q.prompt, STANDARD_ORDER[i] as string, true, { ...ctx, actor: undefined }),
    );
    changed = true;
  });
  return changed;
}

function sortedOrderKeys(doc: Y.Doc): string[] {
  return readHumanFactors(doc).map((q) => q.order);
}

/** Adds a team question after the existing ones; returns its id. */
export function addQuestion(doc: Y.Doc, input: { prompt: string }, ctx: OpContext): string {
  const prompt = label('question', input.prompt, 300);
  const id = ctx.newId();
  doc.transact(
    () => {
      const keys = sortedOrderKeys(doc);
      roots(doc).humanFactors.set(id, newQuestion(id, prompt, keyForIndex(keys, keys.length), false, ctx));
    },
    origin('addQuestion', ctx),
  );
  return id;
}

function getQuestion(doc: Y.Doc, id: string): RecordMap {
  const q = roots(doc).humanFactors.get(id);
  if (!(q instanceof Y.Map)) throw new Error(`no human-factors question ${id}`);
  return q;
}

/** Rewords a team question. Standard questions keep their wording. */
export function setQuestionPrompt(doc: Y.Doc, input: { id: string; prompt: string }, ctx: OpContext): void {
  const prompt = label('question', input.prompt, 300);
  doc.transact(
    () => {
      const q = getQuestion(doc, input.id);
      if (q.get(QuestionKey.standard) === true) throw new Error('standard questions cannot be reworded');
      q.set(QuestionKey.prompt, prompt);
    },
    origin('setQuestionPrompt', ctx),
  );
}

/** Deletes a team question and its answer. Standard questions cannot be deleted. */
export function deleteQuestion(doc: Y.Doc, id: string, ctx: OpContext): void {
  doc.transact(
    () => {
      const q = getQuestion(doc, id);
      if (q.get(QuestionKey.standard) === true) throw new Error('standard questions cannot be deleted');
      roots(doc).humanFactors.delete(id);
    },
    origin('deleteQuestion', ctx),
  );
}

/** The answer's Y.Text, for binding an editor to it directly. */
export function getAnswerText(doc: Y.Doc, id: string): Y.Text {
  const answer = getQuestion(doc, id).get(QuestionKey.answer);
  if (!(answer instanceof Y.Text)) throw new Error(`question ${id} has no answer text`);
  return answer;
}

/** Inserts text into an answer at a character offset. */
export function insertAnswerText(doc: Y.Doc, input: { id: string; index: number; text: string }, ctx: OpContext): void {
  doc.transact(
    () => {
      const answer = ensureText(getQuestion(doc, input.id), QuestionKey.answer);
      answer.insert(clampIndex(answer, input.index), input.text);
    },
    origin('insertAnswerText', ctx),
  );
}

/** Makes the answer read `text`, changing only the span that differs. */
export function setAnswer(doc: Y.Doc, input: { id: string; text: string }, ctx: OpContext): void {
  doc.transact(
    () => replaceText(ensureText(getQuestion(doc, input.id), QuestionKey.answer), input.text),
    origin('setAnswer', ctx),
  );
}

export interface QuestionView {
  id: string;
  prompt: string;
  answer: string;
  standard: boolean;
  order: string;
}

/**
 * The questions in order (standard first, then team questions as added). A
 * standard question missing from an unmigrated doc is shown with an empty answer.
 */
export function readHumanFactors(doc: Y.Doc): QuestionView[] {
  const views: QuestionView[] = [];
  roots(doc).humanFactors.forEach((q, id) => {
    if (!(q instanceof Y.Map)) return;
    const prompt = q.get(QuestionKey.prompt);
    const answer = q.get(QuestionKey.answer);
    const order = q.get(QuestionKey.order);
    views.push({
      id,
      prompt: typeof prompt === 'string' ? prompt : '',
      answer: plainText(answer),
      standard: q.get(QuestionKey.standard) === true,
      order: typeof order === 'string' ? order : '',
    });
  });
  if (!fromTemplate(doc))
    STANDARD_QUESTIONS.forEach((s, i) => {
      if (!views.some((v) => v.id === s.id)) {
        views.push({ id: s.id, prompt: s.prompt, answer: '', standard: true, order: STANDARD_ORDER[i] as string });
      }
    });
  return views.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
}
