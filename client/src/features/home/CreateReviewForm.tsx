// The form that starts a new review; its creator becomes the facilitator and gets the share links.
import { useId, useState, type FormEvent } from 'react';
import { ApiFailure, callApi } from '@hindsight/api';
import { loadName, rememberReview, saveShareLinks, saveToken } from '../../app/localStore.ts';
import { navigate, reviewPath } from '../../app/router.ts';
import { fromLocalInput, viewerZone } from '../../app/timeZone.ts';
import { tokenFromLink } from '../share/links.ts';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

export function CreateReviewForm() {
  const id = useId();
  const zone = viewerZone();
  const [title, setTitle] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [severity, setSeverity] = useState('SEV2');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!title.trim()) {
      setError('Give the incident a title, e.g. "Checkout errors after the 14:00 deploy".');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const started = fromLocalInput(startedAt, zone);
      const created = await callApi('POST /api/reviews', {
        body: {
          title: title.trim(),
          severity,
          ...(started !== null ? { startedAt: started } : {}),
          ...(loadName() ? { facilitatorName: loadName()! } : {}),
        },
      });
      const token = tokenFromLink(created.links.facilitator);
      if (token) saveToken(created.id, token);
      saveShareLinks(created.id, { editor: created.links.editor, reader: created.links.reader });
      rememberReview({ id: created.id, title: created.title, role: 'facilitator', link: created.links.facilitator });
      sessionStorage.setItem(`hindsight:share:${created.id}`, '1');
      navigate(reviewPath(created.links.facilitator));
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'The review could not be created; try again.');
      setBusy(false);
    }
  };

  return (
    <form className="create-form card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`} noValidate>
      <h2 id={`${id}-h`} className="span-all">
        Start a review
      </h2>
      <label className="field">
        <span>Incident title</span>
        <input
          className="input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Checkout errors after the 14:00 deploy"
          aria-invalid={error !== null && !title.trim()}
          required
          autoFocus
        />
      </label>
      <label className="field">
        <span>When it started ({zone})</span>
        <input
          className="input"
          type="datetime-local"
          value={startedAt}
          onChange={(e) => setStartedAt(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Severity</span>
        <select className="input" value={severity} onChange={(e) => setSeverity(e.target.value)}>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <div className="span-all" style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create review'}
        </button>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
