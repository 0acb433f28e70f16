// The review as it stood at one moment of its history: its entries (those just added marked) and annotations.
import { annotationKindLabel } from '@hindsight/doc';
import type { HistoryView } from './historyDoc.ts';
import { LocalTime } from '../../ui/LocalTime.tsx';
import { KindPill } from '../timeline/KindCell.tsx';

export function HistorySnapshot({ view, added, author }: { view: HistoryView; added: Set<string>; author: string }) {
  return (
    <div className="history-snapshot">
      <section aria-labelledby="hist-entries-h">
        <h3 id="hist-entries-h">
          Timeline then <span className="count">{view.total}</span>
          <span className="muted small"> · {view.whys} whys</span>
        </h3>
        {view.entries.length === 0 ? (
          <p className="muted">No entries yet.</p>
        ) : (
          <ol className="replay-entries" data-testid="history-entries">
            {view.entries.map((e) => (
              <li
                key={e.id}
                className={`replay-entry${added.has(e.id) ? ' is-added' : ''}`}
                data-testid="history-entry"
              >
                <span className="replay-entry-time">
                  <LocalTime ms={e.at} />
                </span>
                <KindPill kind={e.kind} />
                <span className="replay-entry-text">
                  {e.summary || <span className="muted">—</span>}
                  {added.has(e.id) && <span className="added-by"> added by {author}</span>}
                </span>
              </li>
            ))}
            {view.total > view.entries.length && (
              <li className="muted small">… {view.total - view.entries.length} more</li>
            )}
          </ol>
        )}
      </section>
      <section aria-labelledby="hist-ann-h">
        <h3 id="hist-ann-h">
          Annotations then <span className="count">{view.annotations.length}</span>
        </h3>
        <ul className="annotations">
          {view.annotations.map((a) => (
            <li key={a.id} className="annotation">
              <span className={`kind-badge kind-${a.kind}`}>{annotationKindLabel(a.kind)}</span>{' '}
              {a.resolved && <span className="badge">resolved</span>} {a.text}
              <span className="muted small">
                {' '}
                · <LocalTime ms={a.at} />
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
