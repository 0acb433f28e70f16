// Words the anonymiser suspects are names but left in place: the facilitator
// hides each as a person or marks it "not a person" (both kept in the review's
// redactions, so the next preview and the publication follow the decision).
import { addRedaction } from '@hindsight/doc';
import { useState } from 'react';
import { useReview } from '../../sync/ReviewContext.tsx';
import { changeLabel } from './changeLabel.ts';

export interface SuspectInfo {
  path: string;
  text: string;
}

/** One row per distinct word, with where it was first seen and how often. */
function grouped(suspects: readonly SuspectInfo[]): { text: string; path: string; count: number }[] {
  const out = new Map<string, { text: string; path: string; count: number }>();
  for (const s of suspects) {
    const key = s.text.toLowerCase();
    const hit = out.get(key);
    if (hit) hit.count++;
    else out.set(key, { text: s.text, path: s.path, count: 1 });
  }
  return [...out.values()];
}

export function Suspects({ suspects, onChange }: { suspects: readonly SuspectInfo[]; onChange: () => void }) {
  const { sync, ctx } = useReview();
  const [error, setError] = useState<string | null>(null);
  const rows = grouped(suspects);
  const decide = (text: string, kind: 'name' | 'keep'): void => {
    try {
      addRedaction(sync.doc, { term: text, kind }, ctx);
      setError(null);
      onChange();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="panel-block" aria-labelledby="suspects-h" data-testid="suspects">
      <h4 id="suspects-h">
        {rows.length === 0
          ? 'No suspected names left'
          : `${rows.length} suspected ${rows.length === 1 ? 'name' : 'names'} left in place`}
      </h4>
      {rows.length > 0 && (
        <table className="table anon-table">
          <thead>
            <tr>
              <th scope="col">Word</th>
              <th scope="col">Where</th>
              <th scope="col">Decide</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.text.toLowerCase()}>
                <td>
                  <mark>{s.text}</mark>
                </td>
                <td className="small" title={s.path}>
                  {changeLabel(s.path)}
                  {s.count > 1 ? ` and ${s.count - 1} more` : ''}
                </td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => decide(s.text, 'name')}>
                    Hide “{s.text}”
                  </button>{' '}
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => decide(s.text, 'keep')}>
                    “{s.text}” is not a person
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
