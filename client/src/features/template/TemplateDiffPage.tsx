// `/insights/template/diff?from=1&to=2`: what changed between two template
// versions, field by field (added, removed, changed; unchanged fields say so).
import { useEffect, useState } from 'react';
import { templateName } from '@hindsight/report';
import { formatFull, viewerZone } from '../../app/timeZone.ts';
import { PageHeader } from '../followup/PageHeader.tsx';
import { useApi } from '../report/useApi.ts';
import { diffPath, fetchDiff, fetchVersions } from './templateApi.ts';
import '../publish/publish.css';
import '../followup/followup.css';
import '../quarter/quarter.css';
import './template.css';

const KIND_LABELS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

function readVersions(): { from: number; to: number } {
  const q = new URLSearchParams(location.search);
  const to = Number(q.get('to') ?? '1');
  const from = Number(q.get('from') ?? String(to - 1));
  return { from: Number.isInteger(from) && from >= 0 ? from : 0, to: Number.isInteger(to) && to >= 0 ? to : 0 };
}

export function TemplateDiffPage() {
  const [{ from, to }, setPair] = useState(readVersions);
  const versions = useApi('versions', fetchVersions);
  const diff = useApi(`${from}|${to}`, () => fetchDiff(from, to));
  useEffect(() => {
    document.title = `Template ${from} → ${to} · Hindsight`;
    history.replaceState(null, '', diffPath(from, to));
  }, [from, to]);
  const zone = viewerZone();
  const pick = (which: 'from' | 'to', label: string) => (
    <label className="field">
      <span>{label}</span>
      <select
        className="input"
        value={which === 'from' ? from : to}
        onChange={(e) => setPair((p) => ({ ...p, [which]: Number(e.target.value) }))}
      >
        {(versions.data?.versions ?? [{ version: which === 'from' ? from : to }]).map((v) => (
          <option key={v.version} value={v.version}>
            {templateName(v.version)}
          </option>
        ))}
      </select>
    </label>
  );
  const d = diff.data;
  return (
    <div className="followup-page">
      <PageHeader title="Template changes" current="template" />
      <main className="followup-main quarter-main">
        <div className="quarter-controls">
          {pick('from', 'From')}
          {pick('to', 'To')}
          <a href="/insights/template">All versions</a>
        </div>
        {diff.error && (
          <p className="banner banner-danger" role="alert">
            {diff.error}
          </p>
        )}
        {d && (
          <>
            <p className="muted" data-testid="diff-notes">
              {templateName(d.from.version)} → {templateName(d.to.version)}
              {d.to.version > 0 && `, saved ${formatFull(d.to.createdAt, zone)}`}: “{d.to.note}”
            </p>
            {d.fields.map((f) => (
              <section key={f.field} className="card quarter-card" aria-labelledby={`diff-${f.field}`}>
                <h2 id={`diff-${f.field}`}>{f.label}</h2>
                {f.changes.length === 0 ? (
                  <p className="muted">Unchanged.</p>
                ) : (
                  <table className="table template-diff" data-testid={`diff-${f.field}`}>
                    <thead>
                      <tr>
                        <th scope="col">Change</th>
                        <th scope="col">Item</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                      </tr>
                    </thead>
                    <tbody>
                      {f.changes.map((c) => (
                        <tr key={`${c.kind}-${c.key}`} className={`diff-${c.kind}`}>
                          <td>{KIND_LABELS[c.kind]}</td>
                          <th scope="row">{c.key}</th>
                          <td>{c.before === null ? '—' : <del>{c.before}</del>}</td>
                          <td>{c.after === null ? '—' : <ins>{c.after}</ins>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            ))}
          </>
        )}
      </main>
    </div>
  );
}
