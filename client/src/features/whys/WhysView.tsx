// The whys tree: the incident at the root, contributing factors as marked nodes; keyboard and drag to shape it.
import { useCallback, useState } from 'react';
import { addWhy, moveWhy, readMeta, readTimeline, readWhysTree, roots } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { editorsById, usePeople } from '../../sync/presence.ts';
import { WhyNode } from './WhyNode.tsx';
import { WhysTreeContext, type WhysTreeApi } from './treeContext.ts';
import { focusWhy } from './focusWhy.ts';
import { useKeepFocus } from './useKeepFocus.ts';
import './whys.css';

export function WhysView({ onJumpToEntry }: { onJumpToEntry: (id: string) => void }) {
  const { sync, ctx, canWrite } = useReview();
  const doc = sync.doc;
  const forest = useYRead(
    roots(doc).whys,
    useCallback(() => readWhysTree(doc), [doc]),
  );
  const title = useYRead(
    roots(doc).meta,
    useCallback(() => readMeta(doc).title, [doc]),
  );
  const entries = useYRead(
    roots(doc).timeline,
    useCallback(() => readTimeline(doc), [doc]),
    (ev) => ev.some((e) => e.path.length <= 2),
  );
  const editors = editorsById(usePeople(sync.provider.awareness));
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [rootDrop, setRootDrop] = useState(false);
  const keepFocus = useKeepFocus();

  const api: WhysTreeApi = {
    forest,
    entries,
    editors,
    collapsed,
    toggle: (id) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    add: (parentId, index) => {
      if (parentId)
        setCollapsed((prev) => (prev.has(parentId) ? new Set([...prev].filter((x) => x !== parentId)) : prev));
      const id = addWhy(doc, { parentId, index }, ctx);
      void focusWhy(id);
    },
    move: (id, parentId, index) => {
      try {
        moveWhy(doc, { id, parentId, index }, ctx);
        setMessage(null);
        void focusWhy(id);
      } catch (err) {
        setMessage(err instanceof Error ? err.message : 'That move is not possible.');
      }
    },
    jumpToEntry: onJumpToEntry,
  };

  return (
    <WhysTreeContext.Provider value={api}>
      <div className="view-scroll" data-testid="whys">
        {canWrite && (
          <p className="whys-help">
            <kbd>Enter</kbd> adds a why beside, <kbd>Ctrl</kbd>+<kbd>Enter</kbd> one under · <kbd>Alt</kbd>+<kbd>↑</kbd>
            /<kbd>↓</kbd> reorders, <kbd>Alt</kbd>+<kbd>→</kbd>/<kbd>←</kbd> nests or lifts · drag a card onto another
            to put it under.
          </p>
        )}
        {message && (
          <p className="banner banner-warn" role="alert">
            {message}
          </p>
        )}
        <ul
          className="whys-tree"
          role="tree"
          aria-label="Whys tree"
          onFocus={keepFocus.onFocus}
          onSelect={keepFocus.onSelect}
          onKeyUp={keepFocus.onSelect}
          onInput={keepFocus.onSelect}
          onBlur={keepFocus.onBlur}
        >
          <li role="treeitem" aria-expanded="true" aria-selected="false">
            <div
              className={`why-card why-root${rootDrop ? ' is-drop' : ''}`}
              onDragOver={(e) => {
                if (!canWrite) return;
                e.preventDefault();
                setRootDrop(true);
              }}
              onDragLeave={() => setRootDrop(false)}
              onDrop={(e) => {
                setRootDrop(false);
                const id = e.dataTransfer.getData('text/x-why');
                if (id) api.move(id, null, forest.length);
              }}
            >
              <span aria-hidden="true">⚑</span>
              <span>Incident: {title || 'Untitled'}</span>
              {canWrite && (
                <button type="button" className="btn btn-small" onClick={() => api.add(null, forest.length)}>
                  Add a why
                </button>
              )}
            </div>
            {forest.length === 0 ? (
              <p className="muted" style={{ padding: '8px 0 0 38px' }}>
                Why did this happen? Add the first why, then ask why again under it. Several branches are normal.
              </p>
            ) : (
              <ul role="group">
                {forest.map((node) => (
                  <WhyNode key={node.id} node={node} />
                ))}
              </ul>
            )}
          </li>
        </ul>
      </div>
    </WhysTreeContext.Provider>
  );
}
