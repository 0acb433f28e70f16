// The review's own words to flag (a team's blame words), with an optional rewrite each; facilitator only.
import { useCallback, useState, type FormEvent } from 'react';
import { LanguageRoot, addLanguageTerm, readLanguageTerms, removeLanguageTerm } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';

export function LanguageTerms() {
  const { sync, ctx } = useReview();
  const terms = useYRead(
    sync.doc.getMap(LanguageRoot.terms),
    useCallback(() => readLanguageTerms(sync.doc), [sync.doc]),
  );
  const [term, setTerm] = useState('');
  const [suggestion, setSuggestion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    try {
      addLanguageTerm(
        sync.doc,
        { term: term.trim(), ...(suggestion.trim() ? { suggestion: suggestion.trim() } : {}) },
        ctx,
      );
      setTerm('');
      setSuggestion('');
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="card" aria-labelledby="terms-h">
      <h2 id="terms-h">Words to flag</h2>
      <p className="muted small">
        Besides the built-in checks, flag this team’s own blame words everywhere in the review.
      </p>
      <form className="terms-form" onSubmit={submit}>
        <label className="field">
          <span>Word or phrase</span>
          <input className="input" value={term} maxLength={80} onChange={(e) => setTerm(e.target.value)} />
        </label>
        <label className="field">
          <span>Suggested rewrite (optional)</span>
          <input className="input" value={suggestion} maxLength={300} onChange={(e) => setSuggestion(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-small" disabled={!term.trim()}>
          Add word
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {terms.length > 0 && (
        <ul className="chip-list" aria-label="Words this review flags">
          {terms.map((t) => (
            <li key={t.term} className="chip" title={t.suggestion ?? undefined}>
              {t.term}
              <button
                type="button"
                className="btn-icon"
                aria-label={`Stop flagging ${t.term}`}
                onClick={() => removeLanguageTerm(sync.doc, t.term, ctx)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
