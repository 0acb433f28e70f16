// Human factors: the standard questions (rest, ownership, pressure, communication), the team's own, and shared answers.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import {
  addQuestion,
  deleteQuestion,
  getAnswerText,
  readHumanFactors,
  roots,
  setAnswer,
  type QuestionView,
} from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { setEditing } from '../../sync/presence.ts';
import { useYRead, useYText } from '../../sync/useY.ts';
import { LiveTextInput } from '../../ui/LiveTextInput.tsx';
import { LanguageField } from '../language/LanguageField.tsx';

function Question({ q }: { q: QuestionView }) {
  const { sync, ctx, canWrite } = useReview();
  const text = useMemo(
    () => (roots(sync.doc).humanFactors.has(q.id) ? getAnswerText(sync.doc, q.id) : null),
    [sync.doc, q.id],
  );
  const answer = useYText(text);
  const id = `hf-${q.id}`;
  return (
    <section className="hf-item card" aria-labelledby={id}>
      <h3 id={id}>{q.prompt}</h3>
      {canWrite && text ? (
        <LanguageField textId={`answer:${q.id}`} text={answer}>
          <LiveTextInput
            multiline
            className="input"
            value={answer}
            onValue={(next) => setAnswer(sync.doc, { id: q.id, text: next }, ctx)}
            onFocus={() => setEditing(sync.provider.awareness, { kind: 'question', id: q.id })}
            onBlur={() => setEditing(sync.provider.awareness, null)}
            aria-labelledby={id}
            placeholder="Shared answer: anyone can add to it. Describe conditions, not culprits."
          />
        </LanguageField>
      ) : (
        <p style={{ whiteSpace: 'pre-wrap' }}>{answer || <span className="muted">No answer yet.</span>}</p>
      )}
      {canWrite && !q.standard && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          style={{ justifySelf: 'start' }}
          onClick={() => deleteQuestion(sync.doc, q.id, ctx)}
        >
          Remove this question
        </button>
      )}
    </section>
  );
}

export function HumanFactorsView() {
  const { sync, ctx, canWrite } = useReview();
  const questions = useYRead(
    roots(sync.doc).humanFactors,
    useCallback(() => readHumanFactors(sync.doc), [sync.doc]),
    (ev) => ev.some((e) => e.path.length <= 1),
  );
  const [prompt, setPrompt] = useState('');
  const add = (event: FormEvent): void => {
    event.preventDefault();
    if (!prompt.trim()) return;
    addQuestion(sync.doc, { prompt: prompt.trim() }, ctx);
    setPrompt('');
  };
  return (
    <div className="view-scroll" data-testid="human-factors">
      <div className="hf-list">
        <p className="muted">
          The conditions people worked in. Answers are shared and blameless: describe the situation, not the person.
        </p>
        {questions.map((q) => (
          <Question key={q.id} q={q} />
        ))}
        {canWrite && (
          <form onSubmit={add} style={{ display: 'flex', gap: 8 }} aria-label="Add the team's own question">
            <input
              className="input"
              style={{ flex: 1 }}
              value={prompt}
              onChange={(e) => setPrompt(e.target.value)}
              placeholder="Your team's own question"
              aria-label="New question"
            />
            <button type="submit" className="btn">
              Add question
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
