// Under an action's text: the contributing factors it addresses (unlink, link another) and its tracker link.
import {
  linkActionFactor,
  unlinkActionFactor,
  type ActionFields,
  type ActionView,
  type WhyNodeView,
} from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { CommitInput } from '../../ui/CommitInput.tsx';

export interface ActionLinksProps {
  item: ActionView;
  /** The action's text as people read it (its labels use it). */
  name: string;
  linked: WhyNodeView[];
  unlinked: WhyNodeView[];
  /** The row's update: an error message when the value is refused. */
  update: (fields: ActionFields) => string | void;
}

export function ActionLinks({ item, name, linked, unlinked, update }: ActionLinksProps) {
  const { sync, ctx } = useReview();
  return (
    <div className="action-links">
      <span className="muted small">Addresses</span>
      {linked.map((f) => (
        <button
          key={f.id}
          type="button"
          className="tag"
          aria-label={`Unlink factor “${f.text}”`}
          onClick={() => unlinkActionFactor(sync.doc, { id: item.id, nodeId: f.id }, ctx)}
        >
          {f.text.slice(0, 30) || 'why'} ×
        </button>
      ))}
      {unlinked.length > 0 ? (
        <select
          className="input action-factor"
          value=""
          aria-label={`Link a factor to “${name}”`}
          onChange={(e) => e.target.value && linkActionFactor(sync.doc, { id: item.id, nodeId: e.target.value }, ctx)}
        >
          <option value="">+ factor</option>
          {unlinked.map((f) => (
            <option key={f.id} value={f.id}>
              {f.text.slice(0, 50) || 'Untitled why'}
            </option>
          ))}
        </select>
      ) : (
        linked.length === 0 && <span className="muted small">no factor yet</span>
      )}
      <CommitInput
        className="input action-link"
        value={item.link ?? ''}
        placeholder="Tracker link: https://…"
        aria-label={`Tracker link of “${name}”`}
        onCommit={(v) => update({ link: v.trim() || null })}
      />
    </div>
  );
}
