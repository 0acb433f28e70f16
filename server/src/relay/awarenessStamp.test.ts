import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { colorFor, decodeAwarenessUpdate, displayName, encodeAwarenessEntries, stampUser } from './awarenessStamp.ts';

describe('awareness stamping', () => {
  it('decodes what y-protocols encodes, and y-protocols applies what we re-encode', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ana', role: 'facilitator' }, cursor: 3 });
    const entries = decodeAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(entries).toEqual([
      { clientId: doc.clientID, clock: 1, state: { user: { name: 'Ana', role: 'facilitator' }, cursor: 3 } },
    ]);

    const stamped = entries.map((e) => ({
      ...e,
      state: stampUser(e.state!, {
        name: displayName(e.state!.user, 'Responder'),
        role: 'editor',
        color: colorFor(e.clientId),
        linkId: 'l1',
      }),
    }));
    const remote = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(remote, encodeAwarenessEntries(stamped), 'test');
    expect(remote.getStates().get(doc.clientID)).toEqual({
      user: { name: 'Ana', role: 'editor', color: colorFor(doc.clientID), linkId: 'l1' },
      cursor: 3,
    });
    awareness.destroy();
    remote.destroy();
  });

  it('rejects states that are not objects, and truncated updates', () => {
    const bad = encodeAwarenessEntries([{ clientId: 1, clock: 1, state: null }]);
    expect(decodeAwarenessUpdate(bad)).toEqual([{ clientId: 1, clock: 1, state: null }]);
    expect(() => decodeAwarenessUpdate(bad.slice(0, 3))).toThrow();
    const arrayState = new Uint8Array([1, 1, 1, 2, 0x5b, 0x5d]); // state "[]"
    expect(() => decodeAwarenessUpdate(arrayState)).toThrow(/object/);
  });

  it('cleans claimed names and falls back to the link label', () => {
    expect(displayName({ name: '  Bo\u0007b  ' }, 'Responder')).toBe('Bob');
    expect(displayName({ name: 'x'.repeat(100) }, 'Responder')).toHaveLength(60);
    expect(displayName({ name: 42 }, 'Responder')).toBe('Responder');
    expect(displayName(undefined, 'Reader')).toBe('Reader');
  });
});
