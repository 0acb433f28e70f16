// Everyone present in the review: name, colour, role and what they are editing.
import { findRecord, readEntry, Root } from '@hindsight/doc';
import type * as Y from 'yjs';
import { formatClock, viewerZone } from '../../app/timeZone.ts';
import { usePeople, type Editing } from '../../sync/presence.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { Avatar } from '../../ui/Avatar.tsx';

function describe(doc: Y.Doc, editing: Editing | null): string {
  if (!editing) return '';
  if (editing.kind === 'entry') {
    const entry = findRecord(doc, Root.timeline, editing.id);
    return entry ? `editing the ${formatClock(readEntry(entry).at, viewerZone())} entry` : 'editing an entry';
  }
  return { why: 'editing a why', action: 'editing an action', question: 'answering a question' }[editing.kind];
}

export function PresenceList() {
  const { sync, role: myRole } = useReview();
  const people = usePeople(sync.provider.awareness);
  return (
    <ul className="presence" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} present`}>
      {people.map((p) => {
        const role = p.self ? myRole : p.role;
        const doing = describe(sync.doc, p.editing);
        const label = `${p.name}${p.self ? ' (you)' : ''}, ${role ?? 'connecting'}${doing ? `, ${doing}` : ''}`;
        return (
          <li key={p.clientId} className="person" title={label} aria-label={label} data-testid="person">
            <Avatar name={p.name} color={p.color} />
            <span className="person-text">
              {p.name}
              {p.self ? ' (you)' : ''} <span className="muted">· {role}</span>
              {doing && <span className="muted"> · {doing}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
