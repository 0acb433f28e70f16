// The anonymised report before publishing: every change (pseudonyms, redactions) listed, and the report itself.
import { useEffect, useRef } from 'react';
import { callApi } from '@hindsight/api';
import { useReview } from '../../sync/ReviewContext.tsx';
import { ReportFrame } from '../report/ReportFrame.tsx';
import { fetchExport } from '../report/reportApi.ts';
import { useApi } from '../report/useApi.ts';
import { Redactions } from './Redactions.tsx';
import { Suspects } from './Suspects.tsx';
import { changeLabel } from './changeLabel.ts';

const KIND_LABEL: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  ip: 'IP address',
  'chat-id': 'chat id',
  secret: 'secret',
  term: 'term',
};

export function AnonymisedPreview({ token, onClose }: { token: string; onClose: () => void }) {
  const { sync } = useReview();
  const id = sync.reviewId;
  const preview = useApi(id, () => callApi('GET /api/reviews/:id/anonymised-preview', { params: { id }, token }));
  const html = useApi(id, () => fetchExport(id, token, 'html', { anonymised: true }));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // A redaction is a document change: give the server a moment to have it, then read both again.
  const refresh = (): void => {
    setTimeout(() => {
      preview.reload();
      html.reload();
    }, 500);
  };
  const changes = preview.data?.changes ?? [];
  const people = preview.data?.people ?? [];
  return (
    <section className="anon-preview card" aria-labelledby="anon-h" data-testid="anonymised-preview">
      <div className="anon-head">
        <h3 id="anon-h" ref={heading} tabIndex={-1}>
          Anonymised preview
        </h3>
        <button type="button" className="btn btn-small" onClick={refresh}>
          Refresh
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          Close preview
        </button>
      </div>
      {(preview.error ?? html.error) && (
        <p className="error-text" role="alert">
          The preview could not be loaded: {preview.error ?? html.error}
        </p>
      )}
      <div className="anon-grid">
        <div className="anon-changes">
          {people.length > 0 && (
            <>
              <h4>People</h4>
              <ul className="chip-list" aria-label="Pseudonyms">
                {people.map((p) => (
                  <li key={p.pseudonym} className="chip" title={`Hidden in every form: ${p.forms.join(', ')}`}>
                    {p.name} → <strong>{p.pseudonym}</strong>
                    {p.forms.length > 1 && <span className="muted"> ({p.forms.length} forms)</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Suspects suspects={preview.data?.suspects ?? []} onChange={refresh} />
          <h4>
            {changes.length} {changes.length === 1 ? 'change' : 'changes'}
          </h4>
          {changes.length > 0 && (
            <table className="table anon-table">
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">What</th>
                  <th scope="col">Original</th>
                  <th scope="col">Becomes</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c, i) => (
                  <tr key={`${c.path}-${i}`}>
                    <td className="small" title={c.path}>
                      {changeLabel(c.path)}
                    </td>
                    <td>{KIND_LABEL[c.kind] ?? c.kind}</td>
                    <td>
                      <del>{c.original}</del>
                    </td>
                    <td>
                      <ins>{c.replacement}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Redactions onChange={refresh} />
        </div>
        {html.data ? (
          <ReportFrame html={html.data} title="Anonymised report preview" />
        ) : (
          <p className="muted">Loading the preview…</p>
        )}
      </div>
    </section>
  );
}
