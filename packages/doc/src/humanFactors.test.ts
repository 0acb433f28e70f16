import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  STANDARD_QUESTIONS,
  addQuestion,
  deleteQuestion,
  getAnswerText,
  insertAnswerText,
  readHumanFactors,
  setAnswer,
  setQuestionPrompt,
} from './humanFactors.ts';
import { ctxFor, newReview } from './testSupport.ts';

const c = ctxFor('h', 'Fay');

describe('human factors', () => {
  it('has the standard questions, then team questions in the order added', () => {
    const doc = newReview();
    const q1 = addQuestion(doc, { prompt: 'Was the runbook findable?' }, c);
    const q2 = addQuestion(doc, { prompt: 'Was the dashboard trusted?' }, c);
    const list = readHumanFactors(doc);
    expect(list.map((q) => q.id)).toEqual([...STANDARD_QUESTIONS.map((q) => q.id), q1, q2]);
    expect(list[0]).toMatchObject({ prompt: 'Were the people involved rested?', standard: true, answer: '' });
    expect(list.at(-1)).toMatchObject({ standard: false, prompt: 'Was the dashboard trusted?' });
  });

  it('answers are shared texts; team questions can be reworded and deleted, standard ones not', () => {
    const doc = newReview();
    insertAnswerText(doc, { id: 'ownership', index: 0, text: 'Unclear.' }, c);
    setAnswer(doc, { id: 'ownership', text: 'Unclear between teams.' }, c);
    expect(getAnswerText(doc, 'ownership').toString()).toBe('Unclear between teams.');
    const q = addQuestion(doc, { prompt: 'Draft' }, c);
    setQuestionPrompt(doc, { id: q, prompt: 'Final wording' }, c);
    expect(readHumanFactors(doc).find((v) => v.id === q)!.prompt).toBe('Final wording');
    expect(() => setQuestionPrompt(doc, { id: 'rested', prompt: 'x' }, c)).toThrow(/standard/);
    expect(() => deleteQuestion(doc, 'rested', c)).toThrow(/standard/);
    expect(() => addQuestion(doc, { prompt: ' ' }, c)).toThrow(/question/);
    deleteQuestion(doc, q, c);
    expect(readHumanFactors(doc)).toHaveLength(STANDARD_QUESTIONS.length);
    expect(() => getAnswerText(doc, q)).toThrow(/no human-factors question/);
  });

  it('an unmigrated doc shows the standard questions with empty answers', () => {
    expect(readHumanFactors(new Y.Doc()).map((q) => q.id)).toEqual(STANDARD_QUESTIONS.map((q) => q.id));
  });
});
