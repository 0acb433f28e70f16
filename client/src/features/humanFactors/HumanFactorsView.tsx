// Human factors: the standard questions (rest, ownership, pressure, communication), the team's own, and shared answers.
import { useCallback, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import {
  addQuestion,
  deleteQuestion,
  findRecord,
  QuestionKey,
  readHumanFactors,
  Root,
  roots,
  setAnswer,
  type QuestionView,
} from '@hindsight/doc';
import { useRecordField } from '../../sync/useRecordField.ts';
import { RecordBoundary } from '../../ui/RecordBoundary.tsx';
import { useReview } from '../../sync/ReviewContext.tsx';
import { setEditing } from '../../sync/presence.ts';
import { useYRead, useYText } from '../../sync/useY.ts';
import { LiveTextInput } from '../../ui/LiveTextInput.tsx';
import { LanguageField } from '../language/LanguageField.tsx';
import './humanFactors.css';

function Question({ q }: { q: QuestionView }) {
  const { sync, ctx, canWrite } = useReview();
  // An answer stored as a plain string (or missing) reads as such; setAnswer makes it a Y.Text. A standard
  // question missing from an unmigrated doc (no record at all) stays read-only: only migrate creates it.
  const stored = useRecordField(sync.doc, Root.humanFactors, q.id, QuestionKey.answer);
  const live = useYText(stored instanceof Y.Text ? stored : null);
  const answer = stored instanceof Y.Text ? live : q.answer;
  const exists = findRecord(sync.doc, Root.humanFactors, q.id) !== null;
  const id = `hf-${q.id}`;
  return (
    <section className="hf-item card" aria-labelledby={id}>
      <h3 id={id}>{q.prompt}</h3>
      {canWrite && exists ? (
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
          <RecordBoundary key={q.id} what="question" resetKey={q}>
            <Question q={q} />
          </RecordBoundary>
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
