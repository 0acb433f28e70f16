// The timeline entries cited as evidence for a why: jump to each, link more, unlink.
import { useMemo, useState } from 'react';
import { addWhyEvidence, removeWhyEvidence, type WhyNodeView } from '@hindsight/doc';
import { dayKey, formatClock, formatShortDay, formatUtc, viewerZone } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useWhysTree } from './treeContext.ts';

export function EvidenceList({ node }: { node: WhyNodeView }) {
  const { sync, ctx, canWrite } = useReview();
  const { entries, jumpToEntry } = useWhysTree();
  const zone = viewerZone();
  const [picking, setPicking] = useState(false);
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return entries
      .filter(
        (e) =>
          !node.evidence.includes(e.id) &&
          (!q || e.summary.toLowerCase().includes(q) || formatClock(e.at, zone).includes(q)),
      )
      .slice(0, 8);
  }, [entries, query, node.evidence, zone]);

  // Across midnight a bare "00:04" could be either day: the date goes with the time.
  const multiDay = useMemo(
    () => entries.length > 1 && new Set(entries.map((e) => dayKey(e.at, zone))).size > 1,
    [entries, zone],
  );
  const when = (at: number): string => `${multiDay ? `${formatShortDay(at, zone)} ` : ''}${formatClock(at, zone)}`;
  const pick = (entryId: string): void => {
    addWhyEvidence(sync.doc, { id: node.id, entryId }, ctx);
    setPicking(false);
    setQuery('');
  };

  if (!node.evidence.length && !canWrite) return null;
  return (
    <div className="why-evidence">
      {node.evidence.length > 0 && <span className="muted">Evidence:</span>}
      {node.evidence.map((id) => {
        const entry = byId.get(id);
        if (!entry) return null;
        const clock = when(entry.at);
        return (
          <span key={id} style={{ display: 'inline-flex', gap: 2 }}>
            <button
              type="button"
              className="evidence-link"
              title={`${formatUtc(entry.at)} — show in the timeline`}
              onClick={() => jumpToEntry(id)}
            >
              {clock} {entry.summary.slice(0, 40) || entry.kind}
            </button>
            {canWrite && (
              <button
                type="button"
                className="btn-icon"
                aria-label={`Unlink the ${clock} entry`}
                onClick={() => removeWhyEvidence(sync.doc, { id: node.id, entryId: id }, ctx)}
              >
                ×
              </button>
            )}
          </span>
        );
      })}
      {canWrite && !picking && (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setPicking(true)}>
          + Link evidence
        </button>
      )}
      {picking && (
        <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap', alignItems: 'center' }}>
          <input
            className="input"
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setPicking(false);
              // Enter cites the first match, as the list shows it.
              if (e.key === 'Enter' && matches[0]) {
                e.preventDefault();
                pick(matches[0].id);
              }
            }}
            placeholder="Search the timeline"
            aria-label="Search timeline entries to cite"
          />
          {matches.map((e) => (
            <button key={e.id} type="button" className="evidence-link" onClick={() => pick(e.id)}>
              {when(e.at)} {e.summary.slice(0, 40) || e.kind}
            </button>
          ))}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setPicking(false)}>
            Cancel
          </button>
        </span>
      )}
    </div>
  );
}
