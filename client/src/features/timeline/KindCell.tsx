// An entry's kind: a select for writers, a pill for readers; a kind this version does not know is shown as stored.
import { ENTRY_KINDS, isEntryKind, setEntryKind, type EntryKind } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import './kindPill.css';

const UNKNOWN_TITLE = 'A kind this version of Hindsight does not know (another client wrote it); shown as stored.';

/** The kind as a pill; an unknown kind gets a neutral pill with its raw text. */
export function KindPill({ kind }: { kind: string }) {
  if (isEntryKind(kind)) return <span className={`kind-pill kind-${kind}`}>{kind}</span>;
  return (
    <span className="kind-pill kind-unknown" title={UNKNOWN_TITLE} data-testid="unknown-kind">
      {kind}
    </span>
  );
}

export function KindCell({ entryId, kind }: { entryId: string; kind: string }) {
  const { sync, ctx, canWrite } = useReview();
  const known = isEntryKind(kind);
  if (!canWrite) return known ? <span className="tl-static muted">{kind}</span> : <KindPill kind={kind} />;
  return (
    <>
      {!known && <KindPill kind={kind} />}
      <select
        className="tl-kind"
        value={known ? kind : ''}
        aria-label={known ? 'Kind' : `Kind (stored as “${kind}”, unknown here)`}
        onChange={(e) => setEntryKind(sync.doc, entryId, e.target.value as EntryKind, ctx)}
      >
        {!known && (
          <option value="" disabled>
            set a kind…
          </option>
        )}
        {ENTRY_KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
    </>
  );
}
