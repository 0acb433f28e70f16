// What the importer could not read (with its line and reason) and what it left out on purpose.
import type { Problem, Skipped } from '@hindsight/importers';

const where = (p: Problem | Skipped): string =>
  `${p.file ? `${p.file} ` : ''}${p.line > 0 ? `line ${p.line}` : 'file'}`;

const SHOWN = 200;

export function ProblemsList({
  problems,
  skipped,
  filteredOut,
}: {
  problems: Problem[];
  skipped: Skipped[];
  filteredOut: number;
}) {
  if (problems.length === 0 && skipped.length === 0 && filteredOut === 0) return null;
  return (
    <div className="import-problems">
      {problems.length > 0 && (
        <details open={problems.length <= 10}>
          <summary className="import-problems-title" data-testid="import-problems">
            {problems.length} {problems.length === 1 ? 'line was' : 'lines were'} not understood
          </summary>
          <ul>
            {problems.slice(0, SHOWN).map((p, i) => (
              <li key={i}>
                <span className="mono">{where(p)}</span>: {p.reason}
              </li>
            ))}
            {problems.length > SHOWN && <li className="muted">…and {problems.length - SHOWN} more</li>}
          </ul>
        </details>
      )}
      {skipped.length > 0 && (
        <details>
          <summary>{skipped.length} left out on purpose</summary>
          <ul>
            {skipped.slice(0, SHOWN).map((p, i) => (
              <li key={i}>
                <span className="mono">{where(p)}</span>: {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {filteredOut > 0 && (
        <p className="muted small">{filteredOut.toLocaleString()} log lines did not match the filter.</p>
      )}
    </div>
  );
}
