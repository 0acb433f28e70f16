// Live alert ingest: create an ingest link (its URL and token, shown once, with an Alertmanager snippet), list, revoke.
import { useCallback, useEffect, useState } from 'react';
import type { LinkInfo } from '@hindsight/protocol';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { alertmanagerSnippet, createIngestLink, listIngestLinks, revokeLink } from './ingestApi.ts';

export function IngestLinks() {
  const { sync } = useReview();
  const token = loadToken(sync.reviewId);
  const [links, setLinks] = useState<LinkInfo[] | null>(null);
  const [created, setCreated] = useState<{ url: string; token: string; id: string } | null>(null);
  const [label, setLabel] = useState('Alertmanager');
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown): void => setError((err as Error).message);

  const refresh = useCallback(() => {
    if (token) listIngestLinks(sync.reviewId, token).then(setLinks, fail);
  }, [sync.reviewId, token]);
  useEffect(refresh, [refresh]);

  if (!token) return null;
  const create = (): void => {
    setError(null);
    createIngestLink(sync.reviewId, token, label.trim() || 'Alertmanager').then((link) => {
      setCreated({ url: link.url, token: link.token, id: link.id });
      refresh();
    }, fail);
  };
  const revoke = (id: string): void => {
    setError(null);
    revokeLink(sync.reviewId, token, id).then(() => {
      if (created?.id === id) setCreated(null);
      refresh();
    }, fail);
  };
  const snippet = created ? alertmanagerSnippet(created.url, created.token) : '';
  return (
    <section className="settings-section" aria-labelledby="ingest-h">
      <h3 id="ingest-h">Live alert ingest</h3>
      <p className="muted">
        Alertmanager (or any script) posts alerts to this review; they land in the timeline live for everyone. The token
        can only post alerts: it cannot open, read or export the review.
      </p>
      <div className="settings-row">
        <label className="field grow">
          <span>Name of the sender</span>
          <input className="input" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <button type="button" className="btn" onClick={create}>
          Create an ingest link
        </button>
      </div>
      {created && (
        <div className="ingest-created" data-testid="ingest-created">
          <p className="banner banner-warn">Copy the token now: it is shown only once.</p>
          <Secret label="Ingest URL" value={created.url} testId="ingest-url" />
          <Secret label="Bearer token" value={created.token} testId="ingest-token" />
          <label className="field">
            <span>alertmanager.yml</span>
            <textarea
              className="input mono"
              readOnly
              rows={9}
              wrap="off"
              value={snippet}
              onFocus={(e) => e.target.select()}
            />
          </label>
          <CopyButton text={snippet} label="Copy the Alertmanager configuration" />
          <p className="muted small">
            Other sources: POST {'{"alerts": [{"id", "at", "title", "status"?, "severity"?}]}'} to{' '}
            <code>{created.url.replace(/alertmanager$/, 'alerts')}</code> with the same token.
          </p>
        </div>
      )}
      {links && links.length > 0 && (
        <ul className="ingest-list" aria-label="Active ingest links">
          {links.map((l) => (
            <li key={l.id}>
              <span>
                {l.label} <span className="muted small">created {new Date(l.createdAt).toLocaleString()}</span>
              </span>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => revoke(l.id)}
                aria-label={`Revoke ${l.label}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="settings-row">
      <label className="field grow">
        <span>{label}</span>
        <input className="input mono" readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
      </label>
      <CopyButton text={value} label={`Copy the ${label.toLowerCase()}`} />
    </div>
  );
}
