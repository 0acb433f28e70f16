// Every saved version of the template, newest first, each with its note and a link to what it changed.
import { templateName } from '@hindsight/report';
import { formatFull, viewerZone } from '../../app/timeZone.ts';
import type { TemplateVersionList } from '@hindsight/api';
import { diffPath } from './templateApi.ts';

export function VersionList({ versions }: { versions: TemplateVersionList['versions'] }) {
  const zone = viewerZone();
  return (
    <section className="card quarter-card" aria-labelledby="t-versions">
      <h2 id="t-versions">Versions</h2>
      <p className="muted">A version never changes once saved; each review keeps the version it started from.</p>
      <table className="table" data-testid="template-versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Note</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.version}>
              <th scope="row">{templateName(v.version)}</th>
              <td>{v.version === 0 ? '—' : formatFull(v.createdAt, zone)}</td>
              <td>
                {v.note}
                {!v.readable && <span className="error-text"> (stored content unreadable; shown as built-in)</span>}
              </td>
              <td>
                {v.version > 0 && <a href={diffPath(v.version - 1, v.version)}>What changed from {v.version - 1}</a>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
