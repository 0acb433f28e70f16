// A text input for a single-value field: edits stay local until Enter or blur, then commit once.
import { useState, type InputHTMLAttributes } from 'react';

export interface CommitInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  /** Returns an error message to show, or nothing when the value was accepted. */
  onCommit: (next: string) => string | void;
}

export function CommitInput({ value, onCommit, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (): void => {
    if (draft === null || draft === value) {
      setDraft(null);
      return;
    }
    const problem = onCommit(draft);
    if (problem) {
      setError(problem);
      return;
    }
    setDraft(null);
    setError(null);
  };
  return (
    <input
      {...rest}
      value={draft ?? value}
      aria-invalid={error !== null}
      title={error ?? rest.title}
      onChange={(e) => {
        setDraft(e.target.value);
        setError(null);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          setDraft(null);
          setError(null);
        }
      }}
    />
  );
}
