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

/** From this many people on, chips show initials only (the header would wrap into several lines otherwise). */
const INITIALS_ONLY_FROM = 5;

/**
 * A chip per person: initials, the whole name and the role; what they are editing is a ✎ in their colour.
 * The full sentence (name, role, what they edit) is the chip's tooltip and accessible name, so a chip that
 * has to shrink (a very long name, many people) loses text on screen only.
 */
export function PresenceList() {
  const { sync, role: myRole } = useReview();
  const people = usePeople(sync.provider.awareness);
  const initialsOnly = people.length >= INITIALS_ONLY_FROM;
  return (
    <ul className="presence" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} present`}>
      {people.map((p) => {
        const role = p.self ? myRole : p.role;
        const doing = describe(sync.doc, p.editing);
        const label = `${p.name}${p.self ? ' (you)' : ''}, ${role ?? 'connecting'}${doing ? `, ${doing}` : ''}`;
        return (
          <li
            key={p.clientId}
            className={`person${initialsOnly ? ' person-initials' : ''}`}
            title={label}
            aria-label={label}
            data-testid="person"
          >
            <Avatar name={p.name} color={p.color} />
            <span className={initialsOnly ? 'visually-hidden' : 'person-text'}>
              <span className="person-name">
                {p.name}
                {p.self ? ' (you)' : ''}
              </span>{' '}
              <span className="muted">· {role}</span>
              {doing && <span className="visually-hidden">, {doing}</span>}
            </span>
            {doing && (
              <span className="person-doing" style={{ color: p.color }} aria-hidden="true">
                ✎
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
