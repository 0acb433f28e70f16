// The operator token field (saving the instance template), shown when the server asks for CREATE_TOKEN; kept in
// this tab's sessionStorage only.
import { useState, type FormEvent } from 'react';
import { saveOperatorToken } from './followupApi.ts';

export function OperatorToken({ onToken, failed }: { onToken: (token: string | null) => void; failed: boolean }) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    saveOperatorToken(value.trim() || null);
    onToken(value.trim() || null);
  };
  return (
    <form className="card operator-token" onSubmit={submit} aria-labelledby="operator-h">
      <h2 id="operator-h">Operator token needed</h2>
      <p className="muted">
        Changing what applies to every review is for the server's operator. Paste the <code>CREATE_TOKEN</code> it was
        started with; it is kept in this tab only.
      </p>
      <div className="terms-form">
        <label className="field">
          <span>Operator token</span>
          <input
            className="input"
            type="password"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={failed || undefined}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!value.trim()}>
          Use token
        </button>
      </div>
      {failed && (
        <p className="error-text" role="alert">
          That token was not accepted.
        </p>
      )}
    </form>
  );
}
