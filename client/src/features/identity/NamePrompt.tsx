// Asks a person once for the name others will see next to their edits and caret: a card of its own, or
// (`inline`) a banner above the review, which stays visible and usable behind it.
import { useState, type FormEvent } from 'react';
import { saveName } from '../../app/localStore.ts';

/** The one name input of both forms: at most 60 characters, focused, marked invalid when empty on submit. */
function NameField(props: {
  className: string;
  name: string;
  onName: (name: string) => void;
  error: boolean;
  describedBy: string | undefined;
}) {
  return (
    <label className={props.className}>
      <span>Display name</span>
      <input
        className="input"
        value={props.name}
        onChange={(e) => props.onName(e.target.value)}
        autoFocus
        maxLength={60}
        aria-invalid={props.error}
        aria-describedby={props.describedBy}
        placeholder="e.g. Sam (on-call SRE)"
      />
    </label>
  );
}

export function NamePrompt({
  onDone,
  reviewTitle,
  inline = false,
}: {
  onDone: (name: string) => void;
  reviewTitle?: string;
  inline?: boolean;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState(false);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const clean = name.trim().slice(0, 60);
    if (!clean) {
      setError(true);
      return;
    }
    saveName(clean);
    onDone(clean);
  };
  if (inline) {
    return (
      <form className="name-banner" onSubmit={submit} aria-label="Your name" noValidate data-testid="name-banner">
        <NameField className="name-banner-field" name={name} onName={setName} error={error} describedBy="name-why" />
        <button type="submit" className="btn btn-primary btn-small">
          Continue
        </button>
        <span id="name-why" className={error ? 'error-text' : 'muted small'}>
          {error ? 'Please enter a name.' : 'Shown next to your entries and caret; this browser remembers it.'}
        </span>
      </form>
    );
  }
  return (
    <main className="centered">
      <form className="card" onSubmit={submit} aria-labelledby="name-h" noValidate>
        <h1 id="name-h">What should others call you?</h1>
        <p className="muted">
          {reviewTitle ? `You are joining “${reviewTitle}”. ` : ''}Your name appears next to your caret and your
          entries. This browser remembers it.
        </p>
        <NameField
          className="field"
          name={name}
          onName={setName}
          error={error}
          describedBy={error ? 'name-err' : undefined}
        />
        {error && (
          <p id="name-err" className="error-text">
            Please enter a name.
          </p>
        )}
        <button type="submit" className="btn btn-primary">
          Continue
        </button>
      </form>
    </main>
  );
}
