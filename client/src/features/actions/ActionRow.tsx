// One action item row: every field edited in place through packages/doc's updateAction; what it addresses
// and its tracker link sit under the action's text, so the row fits beside the meeting panel.
import { useUndo } from '../undo/UndoLayer.tsx';
import * as Y from 'yjs';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  ActionKey,
  actionStatusLabel,
  deleteAction,
  LEVELS,
  Root,
  updateAction,
  type ActionFields,
  type ActionView,
  type WhyNodeView,
} from '@hindsight/doc';
import { editingFocus } from '../../sync/presence.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYText } from '../../sync/useY.ts';
import { useRecordField } from '../../sync/useRecordField.ts';
import { CommitInput } from '../../ui/CommitInput.tsx';
import { TrashIcon } from '../../ui/icons.tsx';
import { LiveTextInput } from '../../ui/LiveTextInput.tsx';
import { LanguageField } from '../language/LanguageField.tsx';
import { ActionWarnings } from '../followup/ActionWarnings.tsx';
import { ActionLinks } from './ActionLinks.tsx';
import './actions.css';

export function ActionRow({ item, factors }: { item: ActionView; factors: WhyNodeView[] }) {
  const { sync, ctx, canWrite } = useReview();
  const undo = useUndo();
  // A title stored as a plain string (or missing) reads as such; updateAction makes it a Y.Text.
  const stored = useRecordField(sync.doc, Root.actions, item.id, ActionKey.title);
  const live = useYText(stored instanceof Y.Text ? stored : null);
  const title = stored instanceof Y.Text ? live : item.title;
  const name = title || 'Untitled action';
  const update = (fields: ActionFields): string | void => {
    try {
      updateAction(sync.doc, { id: item.id, ...fields }, ctx);
    } catch (err) {
      return err instanceof Error ? err.message : 'invalid value';
    }
  };
  const linked = factors.filter((f) => item.factorIds.includes(f.id));
  const unlinked = factors.filter((f) => !item.factorIds.includes(f.id));
  const priority = item.priority ? (
    <span
      className={`priority priority-${item.priority === 'P1' ? 'high' : item.priority === 'P2' ? 'medium' : 'low'}`}
    >
      {item.priority}
    </span>
  ) : (
    <span className="muted">—</span>
  );

  if (!canWrite) {
    return (
      <tr>
        <td>{priority}</td>
        <td>
          {name}
          <p className="action-links muted small">
            Addresses {linked.map((f) => f.text).join(', ') || '—'} · Tracker{' '}
            {item.linkHref ? <a href={item.linkHref}>issue</a> : item.link ? item.link : '—'}
          </p>
        </td>
        <td>{item.owner ?? '—'}</td>
        <td>{item.due ?? '—'}</td>
        <td>{item.impact ?? '—'}</td>
        <td>{item.effort ?? '—'}</td>
        <td>{actionStatusLabel(item.status)}</td>
      </tr>
    );
  }
  const level = (field: 'impact' | 'effort') => (
    <select
      className="input action-level"
      value={item[field] ?? ''}
      aria-label={`${field} of “${name}”`}
      onChange={(e) => update({ [field]: (e.target.value || null) as ActionFields['impact'] })}
    >
      <option value="">—</option>
      {LEVELS.map((l) => (
        <option key={l}>{l}</option>
      ))}
    </select>
  );
  return (
    <tr {...editingFocus(sync.provider.awareness, { kind: 'action', id: item.id })}>
      <td>{priority}</td>
      <td>
        <LanguageField textId={`action:${item.id}`} text={title}>
          {/* Grows with its text: a long action wraps instead of being cut; Enter does not add a line. */}
          <LiveTextInput
            multiline
            rows={1}
            className="input action-title"
            value={title}
            onValue={(next) => update({ title: next.replace(/\n/g, ' ') })}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            aria-label="Action"
          />
        </LanguageField>
        <ActionWarnings title={title} owner={item.owner} due={item.due} status={item.status} />
        <ActionLinks item={item} name={name} linked={linked} unlinked={unlinked} update={update} />
      </td>
      <td>
        <CommitInput
          className="input action-owner"
          value={item.owner ?? ''}
          placeholder="one owner"
          aria-label={`Owner of “${name}”`}
          onCommit={(v) => update({ owner: v.trim() || null })}
        />
      </td>
      <td>
        <input
          className="input"
          type="date"
          value={item.due ?? ''}
          aria-label={`Due date of “${name}”`}
          onChange={(e) => update({ due: e.target.value || null })}
        />
      </td>
      <td>{level('impact')}</td>
      <td>{level('effort')}</td>
      <td>
        <select
          className="input"
          value={item.status}
          aria-label={`Status of “${name}”`}
          onChange={(e) => update({ status: e.target.value as ActionView['status'] })}
        >
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button
          type="button"
          className="btn-icon"
          aria-label={`Delete “${name}”`}
          onClick={() => undo.deleted('Action deleted', () => deleteAction(sync.doc, item.id, ctx))}
        >
          <TrashIcon />
        </button>
      </td>
    </tr>
  );
}
