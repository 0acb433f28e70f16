// One why: its text, status, factor and evidence, its children below; keyboard and drag commands on it.
import { useUndo } from '../undo/UndoLayer.tsx';
import { useState, type KeyboardEvent } from 'react';
import * as Y from 'yjs';
import { deleteWhy, Root, setWhyText, WhyKey, type WhyNodeView } from '@hindsight/doc';
import { useRecordField } from '../../sync/useRecordField.ts';
import { editingFocus } from '../../sync/presence.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYText } from '../../sync/useY.ts';
import { ChevronIcon, GripIcon, TrashIcon } from '../../ui/icons.tsx';
import { LiveTextInput } from '../../ui/LiveTextInput.tsx';
import { LanguageField } from '../language/LanguageField.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { focusSibling } from './focusWhy.ts';
import { useWhysTree } from './treeContext.ts';
import { whyCommand } from './whyKeys.ts';
import { WhyControls } from './WhyControls.tsx';
import { RowActions } from '../facilitation/RowActions.tsx';
import { RecordBoundary } from '../../ui/RecordBoundary.tsx';

/** One why and its subtree; a why that fails to render says so in its place and its siblings carry on. */
export function WhyNode({ node }: { node: WhyNodeView }) {
  return (
    <RecordBoundary
      what="why"
      resetKey={node}
      frame={(message) => (
        <li className="why" role="treeitem" aria-selected="false" data-why-id={node.id}>
          {message}
        </li>
      )}
    >
      <WhyCard node={node} />
    </RecordBoundary>
  );
}

function WhyCard({ node }: { node: WhyNodeView }) {
  const { sync, ctx, canWrite } = useReview();
  const undo = useUndo();
  const tree = useWhysTree();
  // A text another client stored as a plain string (or not at all) reads as such; the first edit makes it a Y.Text.
  const stored = useRecordField(sync.doc, Root.whys, node.id, WhyKey.text);
  const live = useYText(stored instanceof Y.Text ? stored : null);
  const value = stored instanceof Y.Text ? live : node.text;
  const [drop, setDrop] = useState(false);
  const open = !tree.collapsed.has(node.id);
  const editors = tree.editors.get(node.id);
  const label = value || 'Untitled why';

  const onKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (!event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      focusSibling(event.currentTarget, event.key === 'ArrowUp' ? -1 : 1);
      return;
    }
    const cmd = whyCommand(tree.forest, node.id, event);
    if (!cmd) return;
    event.preventDefault();
    if (cmd.type === 'add') tree.add(cmd.parentId, cmd.index);
    else tree.move(cmd.id, cmd.parentId, cmd.index);
  };

  const classes = [
    'why-card',
    node.factor ? 'is-factor' : '',
    node.status === 'refuted' ? 'is-refuted' : '',
    drop ? 'is-drop' : '',
  ];
  return (
    <li
      className="why"
      role="treeitem"
      aria-expanded={node.children.length ? open : undefined}
      aria-selected="false"
      aria-label={label}
      data-why-id={node.id}
    >
      <div
        className={classes.join(' ')}
        draggable={canWrite}
        onDragStart={(e) => {
          e.stopPropagation();
          e.dataTransfer.setData('text/x-why', node.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onDragOver={(e) => {
          if (!canWrite || !e.dataTransfer.types.includes('text/x-why')) return;
          e.preventDefault();
          setDrop(true);
        }}
        onDragLeave={() => setDrop(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setDrop(false);
          const id = e.dataTransfer.getData('text/x-why');
          if (id && id !== node.id) tree.move(id, node.id, node.children.length);
        }}
        {...(canWrite ? editingFocus(sync.provider.awareness, { kind: 'why', id: node.id }) : {})}
        style={editors?.[0] ? { boxShadow: `0 0 0 2px ${editors[0].color}` } : undefined}
      >
        {node.children.length > 0 ? (
          <button
            type="button"
            className="btn-icon"
            aria-label={open ? `Collapse “${label}”` : `Expand “${label}”`}
            onClick={() => tree.toggle(node.id)}
          >
            <ChevronIcon open={open} />
          </button>
        ) : canWrite ? (
          <span className="muted" aria-hidden="true" title="Drag to move" style={{ cursor: 'grab', paddingTop: 4 }}>
            <GripIcon />
          </span>
        ) : (
          <span />
        )}
        <div>
          {canWrite ? (
            <LanguageField textId={`why:${node.id}`} text={value}>
              <LiveTextInput
                className="why-text"
                value={value}
                onValue={(next) => setWhyText(sync.doc, { id: node.id, text: next }, ctx)}
                onKeyDown={onKey}
                placeholder="Why? (Enter: beside, Ctrl+Enter: under)"
                aria-label={`Why${node.depth ? ` (level ${node.depth + 1})` : ''}`}
              />
            </LanguageField>
          ) : (
            <span className="why-text">{label}</span>
          )}
          {node.detached && (
            <span
              className="badge"
              title="Concurrent moves put this why under its own branch; it is shown here so nothing is lost."
            >
              {node.detached === 'cycle' ? 'lifted out of a move loop' : 'its parent was deleted'}
            </span>
          )}
          {editors?.map((p) => (
            <span key={p.clientId} className="editing-by" style={{ color: p.color }}>
              ✎ {p.name}
            </span>
          ))}
        </div>
        <div className="why-controls">
          <RowActions target={{ kind: 'why', id: node.id }} label={`the why “${label}”`} />
          <WhyControls node={node} />
          {canWrite && (
            <button
              type="button"
              className="btn-icon"
              aria-label={`Delete “${label}” and the whys under it`}
              onClick={() => undo.deleted('Why deleted', () => deleteWhy(sync.doc, node.id, ctx))}
            >
              <TrashIcon />
            </button>
          )}
        </div>
        <EvidenceList node={node} />
      </div>
      {open && node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child) => (
            <WhyNode key={child.id} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
