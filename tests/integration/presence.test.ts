// Presence is bounded and owned (issue 12, attack 7), on a real server with
// stock clients and raw sockets: an oversized state closes its sender and
// reaches nobody; only the app's fields travel, under the server's stamp; an
// editor cannot take the facilitator's client id after the facilitator's
// socket drops; the facilitator reconnects and gets presence and spotlight back.
// Every "did not arrive" is read after a later change from the same sender did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { CloseCode, MessageType } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, type RawPeer } from '../helpers/raw.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const MAX_STATE = 4096;

type State = Record<string, unknown> & { user?: Record<string, unknown> };

function stateOf(viewer: Client, clientId: number): State | undefined {
  return viewer.provider.awareness.getStates().get(clientId) as State | undefined;
}

/** An awareness message setting `state` for client `clientId` at `clock`. */
function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
  return encoding.toUint8Array(e);
}

describe('presence is bounded and owned', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let facilitator: Client;
  let viewer: Client;

  beforeAll(async () => {
    server = await startServer({ env: { MAX_AWARENESS_STATE_BYTES: String(MAX_STATE) } });
    review = await server.createReview('Presence');
    facilitator = connect(server, review.id, review.tokens.facilitator);
    viewer = connect(server, review.id, review.tokens.editor);
    await Promise.all([facilitator, viewer].map(synced));
  });
  afterAll(async () => {
    facilitator?.destroy();
    viewer?.destroy();
    await server?.stop();
  });

  it('an oversized state closes its sender and reaches nobody; a state within the limit goes through', async () => {
    const big = connect(server, review.id, review.tokens.editor);
    await synced(big);
    const closed = new Promise<number>((resolve) =>
      big.provider.on('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    );
    big.provider.awareness.setLocalState({ editing: 'x'.repeat(MAX_STATE * 4), user: { name: 'Big' } });
    expect(await closed).toBe(CloseCode.BadMessage);
    big.destroy();

    // A later, honest state from a raw peer arrives; the big one never did.
    const raw = await openRawOk(server, review.id, review.tokens.editor);
    const id = 700_001;
    raw.send(awarenessMessage(id, 1, { editing: 'entry-1' }));
    await waitFor(() => stateOf(viewer, id)?.editing === 'entry-1', 'the honest state to arrive');
    expect(stateOf(viewer, big.doc.clientID)).toBeUndefined();
    raw.ws.close();
  });

  it('only the app’s fields travel, under the server’s stamp: no invented fields, role or spotlight from an editor', async () => {
    const raw: RawPeer = await openRawOk(server, review.id, review.tokens.editor);
    const id = 700_002;
    raw.send(
      awarenessMessage(id, 1, {
        editing: 'entry-2',
        cursor: { anchor: 1 },
        spotlight: 'entry-9',
        payload: 'z'.repeat(1000),
        user: { name: 'Mallory', role: 'facilitator', color: '#000000', admin: true },
      }),
    );
    await waitFor(() => stateOf(viewer, id)?.editing === 'entry-2', 'the editor’s state');
    const seen = stateOf(viewer, id)!;
    expect(Object.keys(seen).sort()).toEqual(['cursor', 'editing', 'user']);
    expect(seen.user).toMatchObject({ name: 'Mallory', role: 'editor' });
    expect(seen.user!.color).not.toBe('#000000');
    expect(seen.user).not.toHaveProperty('admin');
    raw.ws.close();
  });

  it('an editor cannot take the facilitator’s client id after its socket drops; the facilitator gets presence and spotlight back', async () => {
    const facilitatorId = facilitator.doc.clientID;
    facilitator.provider.awareness.setLocalState({ user: { name: 'Fran' }, spotlight: 'entry-7' });
    await waitFor(() => stateOf(viewer, facilitatorId)?.spotlight === 'entry-7', 'the facilitator’s spotlight');
    expect(stateOf(viewer, facilitatorId)!.user).toMatchObject({ role: 'facilitator' });

    // The facilitator's socket drops; the viewer sees it leave.
    facilitator.provider.disconnect();
    await waitFor(() => stateOf(viewer, facilitatorId) === undefined, 'the facilitator to leave');

    // An editor claims the facilitator's id with a high clock, then sends a state of its own.
    const squatter = await openRawOk(server, review.id, review.tokens.editor);
    squatter.send(awarenessMessage(facilitatorId, 10_000, { spotlight: 'entry-666', user: { name: 'Fran' } }));
    const ownId = 700_003;
    squatter.send(awarenessMessage(ownId, 1, { editing: 'entry-3', user: { name: 'Sam' } }));
    await waitFor(() => stateOf(viewer, ownId)?.editing === 'entry-3', 'the squatter’s own state');
    expect(stateOf(viewer, facilitatorId)).toBeUndefined();

    // Writing a document change as the facilitator's client is refused too.
    const doc = new Y.Doc();
    doc.clientID = facilitatorId;
    doc.getMap('meta').set('title', 'Squatted');
    const refused = await openRawOk(server, review.id, review.tokens.editor);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
    refused.send(encoding.toUint8Array(e));
    expect((await refused.closed).code).toBe(CloseCode.ChangeRefused);

    // The facilitator comes back: same id, presence and spotlight restored, with the facilitator's stamp.
    facilitator.provider.connect();
    await synced(facilitator);
    facilitator.provider.awareness.setLocalState({ user: { name: 'Fran' }, spotlight: 'entry-8' });
    await waitFor(() => stateOf(viewer, facilitatorId)?.spotlight === 'entry-8', 'the facilitator’s spotlight again');
    expect(stateOf(viewer, facilitatorId)!.user).toMatchObject({ name: 'Fran', role: 'facilitator' });
    squatter.ws.close();
  });
});
