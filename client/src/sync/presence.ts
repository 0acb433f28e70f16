// The shape of Hindsight's awareness states and helpers to read and set them.
import type { Awareness } from 'y-protocols/awareness';
import { isRole, presenceColor, type StampedUser } from '@hindsight/protocol';
import type { FocusEvent } from 'react';
import { isTextField } from '../ui/textField.ts';
import { setLocalField, useAwarenessStates } from './useAwareness.ts';

/** What a person is editing: a record kind and its id (e.g. `{ kind: 'entry', id }`). */
export interface Editing {
  kind: 'entry' | 'why' | 'action' | 'question';
  id: string;
  /** Which part of the record, e.g. `summary` or `notes`. */
  field?: string;
}

export interface PresenceState {
  /** Stamped by the server for remote peers; only `name` locally. */
  user?: Partial<StampedUser>;
  editing?: Editing | null;
}

export interface Person {
  clientId: number;
  self: boolean;
  name: string;
  role: StampedUser['role'] | null;
  color: string;
  editing: Editing | null;
}

const NEUTRAL = '#6c757d';

/** Everyone present, self first, each with the identity the server stamped. */
export function usePeople(awareness: Awareness): Person[] {
  const states = useAwarenessStates<PresenceState>(awareness);
  return states
    .map(({ clientId, state, self }) => ({
      clientId,
      self,
      name: state.user?.name || 'Someone',
      role: isRole(state.user?.role) ? state.user.role : null,
      // The server stamps others' colours; our own is the same function of our client id.
      color: typeof state.user?.color === 'string' ? state.user.color : self ? presenceColor(clientId) : NEUTRAL,
      editing: state.editing ?? null,
    }))
    .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/** Announces (or, with null, clears) what this person is editing. */
export function setEditing(awareness: Awareness, editing: Editing | null): void {
  setLocalField(awareness, 'editing', editing);
}

/**
 * Focus handlers for a record's element: "editing" while one of its text fields has focus, and over
 * as soon as that field loses it (moving to another field of the record announces it again).
 */
export function editingFocus(
  awareness: Awareness,
  editing: Editing,
): { onFocus: (event: FocusEvent) => void; onBlur: () => void } {
  return {
    onFocus: (event) => {
      if (isTextField(event.target)) setEditing(awareness, editing);
    },
    onBlur: () => setEditing(awareness, null),
  };
}

/** Map of record id -> the other people editing it. */
export function editorsById(people: readonly Person[]): Map<string, Person[]> {
  const map = new Map<string, Person[]>();
  for (const p of people) {
    if (p.self || !p.editing) continue;
    const list = map.get(p.editing.id) ?? [];
    list.push(p);
    map.set(p.editing.id, list);
  }
  return map;
}
