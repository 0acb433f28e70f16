// Step 2 of an import: the candidates as a table; pick rows (all, none, a filter), see problems and what is already in.
import { useMemo, useState } from 'react';
import type { Candidate } from '@hindsight/importers';
import { formatClock, formatDay, formatUtc, viewerZone } from '../../app/timeZone.ts';
import { IMPORT_BATCH } from './applyInBatches.ts';
import { ProblemsList } from './ProblemsList.tsx';
import { SOURCE_LABELS } from './SourceNote.tsx';
import type { ImportFlow } from './useImportFlow.ts';

/** Rows drawn at once; the selection buttons still act on every match. */
const SHOWN = 500;

const matches = (c: Candidate, q: string): boolean =>
  !q || `${c.summary} ${c.notes} ${c.author ?? ''} ${c.ref} ${c.kind} ${c.tags.join(' ')}`.toLowerCase().includes(q);

export function PreviewStep({ flow }: { flow: ImportFlow }) {
  const { outcome, present, chosen, setChosen } = flow;
  const zone = useMemo(viewerZone, []);
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const all = outcome?.candidates ?? [];
  const visible = useMemo(() => all.filter((c) => matches(c, q)), [all, q]);
  const fresh = (list: readonly Candidate[]): string[] => list.filter((c) => !present.has(c.key)).map((c) => c.key);
  const picked = all.filter((c) => chosen.has(c.key) && !present.has(c.key)).length;
  const toggle = (key: string, on: boolean): void =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  if (!outcome) return null;
  const multiDay = all.length > 0 && formatDay(all[0]!.at, zone) !== formatDay(all[all.length - 1]!.at, zone);
  return (
    <div className="import-preview">
      <p className="muted small" aria-live="polite">
        {all.length.toLocaleString()} entries found
        {present.size > 0 && `, ${present.size.toLocaleString()} already in the timeline (greyed)`} · times in {zone}
      </p>
      <ProblemsList problems={outcome.problems} skipped={outcome.skipped} filteredOut={outcome.filteredOut} />
      <div className="import-pick" role="group" aria-label="Choose rows">
        <label className="field import-filter">
          <span>Filter rows</span>
          <input className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="button" className="btn btn-small" onClick={() => setChosen(new Set(fresh(all)))}>
          All
        </button>
        <button type="button" className="btn btn-small" onClick={() => setChosen(new Set())}>
          None
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!q}
          onClick={() => setChosen(new Set(fresh(visible)))}
        >
          Only matching ({visible.length.toLocaleString()})
        </button>
      </div>
      <div className="import-table-wrap">
        <table className="import-table" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Add</span>
              </th>
              <th scope="col">Time</th>
              <th scope="col">Kind</th>
              <th scope="col">What happened</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, SHOWN).map((c) => {
              const isIn = present.has(c.key);
              const label = `${formatClock(c.at, zone)} ${c.summary}`;
              return (
                <tr key={c.key} className={isIn ? 'is-present' : undefined} data-testid="import-row">
                  <td>
                    <input
                      type="checkbox"
                      aria-label={isIn ? `Already in the timeline: ${label}` : `Add ${label}`}
                      checked={isIn || chosen.has(c.key)}
                      disabled={isIn}
                      onChange={(e) => toggle(c.key, e.target.checked)}
                    />
                  </td>
                  <td className="mono nowrap" title={formatUtc(c.at)}>
                    {multiDay && <span className="muted">{formatDay(c.at, zone)} </span>}
                    {formatClock(c.at, zone, c.precision === 'exact')}
                  </td>
                  <td>{c.kind}</td>
                  <td>
                    {c.author && <strong>{c.author}: </strong>}
                    {c.summary}
                    {isIn && <span className="badge">already in</span>}
                  </td>
                  <td className="mono small" title={c.url}>
                    {SOURCE_LABELS[c.source]} · {c.ref}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {visible.length > SHOWN && (
          <p className="muted small">
            Showing the first {SHOWN} of {visible.length.toLocaleString()} rows; filter to see others. All and Only
            matching act on every row.
          </p>
        )}
      </div>
      {picked > IMPORT_BATCH && (
        <p className="banner banner-warn" role="note">
          {picked.toLocaleString()} entries are added in batches of {IMPORT_BATCH.toLocaleString()}, each its own
          change, so every batch fits through the live connection. If one fails, adding again skips what is already in.
        </p>
      )}
      {flow.error && (
        <p className="error-text" role="alert">
          {flow.error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={flow.back}>
          Back
        </button>
        <button type="button" className="btn btn-primary" disabled={picked === 0} onClick={() => void flow.add()}>
          Add {picked.toLocaleString()} {picked === 1 ? 'entry' : 'entries'}
        </button>
      </div>
    </div>
  );
}
