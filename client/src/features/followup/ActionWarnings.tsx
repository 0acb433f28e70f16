// Low-leverage warnings for an action item as it is written ("be more careful", "more training", no owner…).
import { useMemo } from 'react';
import { checkAction } from '@hindsight/report';
import './followup.css';

export interface ActionWarningsProps {
  title: string;
  owner: string | null;
  due: string | null;
  status: string;
}

export function ActionWarnings({ title, owner, due, status }: ActionWarningsProps) {
  const warnings = useMemo(() => checkAction({ title, owner, due }), [title, owner, due]);
  // Finished items and empty drafts need no nudging; a missing owner or date shows in its own column.
  if (status === 'done' || status === 'wont_do' || !title.trim()) return null;
  const content = warnings.filter((w) => w.kind !== 'no-owner' && w.kind !== 'no-due');
  if (content.length === 0) return null;
  return (
    <ul className="action-warnings" aria-label="Low-leverage action" data-testid="action-warnings">
      {content.map((w) => (
        <li key={w.kind}>
          <span aria-hidden="true">⚠ </span>
          <strong>Low leverage:</strong> {w.message} <span className="muted">{w.suggestion}</span>
        </li>
      ))}
    </ul>
  );
}
