// The page shown when a cross-review page has no (valid) team link: what it is, who has it, and a field to paste it.
import { useState, type FormEvent } from 'react';
import { teamTokenFrom } from './followupApi.ts';

export function TeamToken({
  onToken,
  failed,
  message,
}: {
  onToken: (token: string | null) => void;
  /** A token was sent and refused (unknown or revoked). */
  failed: boolean;
  /** The server's reason, shown when a token was refused. */
  message: string | null;
}) {
  const [value, setValue] = useState('');
  const token = teamTokenFrom(value);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (token) onToken(token);
  };
  return (
    <section className="card team-token" aria-labelledby="team-h" data-testid="team-link-needed">
      <h2 id="team-h">{failed ? 'This team link no longer works' : 'This page needs the team link'}</h2>
      <p>
        Action items, insights, the quarterly review and changes to the review template concern every review on this
        server, so they need the team link. It looks like <code>{`${location.origin}/actions#t=…`}</code>; open it once
        and this browser keeps it.
      </p>
      <p className="muted">
        The person who runs this server has it: it was printed in the server log at the first start, and{' '}
        <code>pnpm team-link</code> on the server prints a new one (the old one then stops working).
      </p>
      {failed && message && (
        <p className="error-text" role="alert">
          {message}
        </p>
      )}
      <form className="terms-form" onSubmit={submit}>
        <label className="field">
          <span>Team link or token</span>
          <input
            className="input"
            type="password"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={(value.trim() !== '' && !token) || undefined}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!token}>
          Open
        </button>
      </form>
    </section>
  );
}
