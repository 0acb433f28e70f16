// Unit tests: whose spotlight counts.
import { describe, expect, it } from 'vitest';
import { currentSpotlight } from './spotlight.ts';

const peer = (clientId: number, state: object, self = false) => ({ clientId, state, self });

describe('currentSpotlight', () => {
  it('follows the newest facilitator spotlight and ignores anyone else claiming one', () => {
    const peers = [
      peer(1, { user: { role: 'editor' }, spotlight: { kind: 'entry', id: 'x', at: 9 } }),
      peer(2, { user: { role: 'facilitator' }, spotlight: { kind: 'entry', id: 'a', at: 5 } }),
      peer(3, { user: { role: 'facilitator' }, spotlight: { kind: 'why', id: 'b', at: 7 } }),
      peer(4, { user: { role: 'facilitator' }, spotlight: { kind: 'bogus', id: 'c', at: 8 } }),
    ];
    expect(currentSpotlight(peers, false)).toEqual({ kind: 'why', id: 'b', at: 7 });
  });

  it('counts our own (unstamped) state only when we are the facilitator', () => {
    const peers = [peer(1, { user: { name: 'me' }, spotlight: { kind: 'entry', id: 'e', at: 1 } }, true)];
    expect(currentSpotlight(peers, true)).toEqual({ kind: 'entry', id: 'e', at: 1 });
    expect(currentSpotlight(peers, false)).toBeNull();
    expect(currentSpotlight([peer(2, { user: { role: 'facilitator' }, spotlight: null })], false)).toBeNull();
  });
});
