// The document as the trust boundary: every attack from issue 12, tried with
// raw sockets and stock clients against a real server, and the outcome a user
// would notice. Each waits for a positive signal (a close code, a later
// marker edit) rather than for time to pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import {
  addEntry,
  addQuestion,
  defaultContext,
  getAnswerText,
  readFacilitation,
  readHumanFactors,
  readMeta,
  readTimeline,
  setStatus,
  setTimelineFrozen,
  setTitle,
} from '@hindsight/doc';
import { CloseCode } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, syncStep1Message, syncStep2Message, updateMessage } from '../helpers/raw.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const ctx = defaultContext('guard test');

/** An update that `change` makes to a copy of `doc` (as client `clientId` when given). */
function crafted(doc: Y.Doc, change: (d: Y.Doc) => void, clientId?: number): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  // (After applying: Yjs gives a doc a new id when a remote update carries its own.)
  if (clientId !== undefined) copy.clientID = clientId;
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

/** A v1 update with no structs and one delete range over `client`'s clocks [clock, clock + len). */
function deleteRangeUpdate(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // clients with structs
  encoding.writeVarUint(e, 1); // clients with deletes
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // ranges
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}

describe('the write gate', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let facilitator: Client;
  let editor: Client;

  beforeAll(async () => {
    // A raw script that never answers the server's step 1 gets its held changes judged after ANSWER_WAIT_MS.
    server = await startServer({
      env: { MAX_DOC_BYTES: '200000', INGEST_POSTS_PER_MINUTE: '1000', ANSWER_WAIT_MS: '1000' },
    });
    review = await server.createReview('Guarded');
    facilitator = connect(server, review.id, review.tokens.facilitator);
    editor = connect(server, review.id, review.tokens.editor);
    await Promise.all([facilitator, editor].map(synced));
  });
  afterAll(async () => {
    [facilitator, editor].forEach((c) => c.destroy());
    await server.stop();
  });

  /** A marker entry by the facilitator: once `client` has it, everything sent before it was handled. */
  async function settle(client: Client = editor): Promise<void> {
    const id = addEntry(facilitator.doc, { at: 0, summary: `marker ${Math.random()}` }, ctx);
    await waitFor(() => readTimeline(client.doc).some((e) => e.id === id), 'the marker edit');
  }

  async function sendRaw(token: string, message: Uint8Array): Promise<{ code: number; reason: string }> {
    const raw = await openRawOk(server, review.id, token);
    raw.send(message);
    return raw.closed;
  }

  /** The review as a client that connects now sees it. */
  async function fresh(): Promise<Client> {
    const c = connect(server, review.id, review.tokens.facilitator);
    await synced(c);
    return c;
  }

  it('1. a delete set over the facilitator’s future clocks is refused, and the freeze then holds', async () => {
    const facClient = facilitator.doc.clientID;
    const next = Y.getState(facilitator.doc.store, facClient);
    const closed = await sendRaw(review.tokens.editor, updateMessage(deleteRangeUpdate(facClient, next, 2 ** 30)));
    expect(closed.code).toBe(CloseCode.UpdateIncomplete);
    setTimelineFrozen(facilitator.doc, true, ctx);
    const id = addEntry(facilitator.doc, { at: 1, summary: 'added while frozen' }, ctx);
    const late = await fresh();
    await waitFor(() => readTimeline(late.doc).some((e) => e.id === id), 'the facilitator’s entry');
    expect(readFacilitation(late.doc, Date.now()).frozen).toBe(true);
    late.destroy();
    setTimelineFrozen(facilitator.doc, false, ctx);
    await settle();
  });

  it('1b. a change anchored on the facilitator’s next clock is refused; the facilitator’s status stands', async () => {
    const facClient = facilitator.doc.clientID;
    // The facilitator's next change, as the attacker imagines it, then the attacker's on top of it.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(facilitator.doc));
    copy.clientID = facClient;
    copy.getMap('meta').set('status', 'reviewing');
    const svAfterImagined = Y.encodeStateVector(copy);
    copy.clientID = 4242;
    copy.getMap('meta').set('title', 'Anchored on the future');
    const attack = Y.encodeStateAsUpdate(copy, svAfterImagined);
    const closed = await sendRaw(review.tokens.editor, updateMessage(attack));
    // Pending on the facilitator's clock, or (its delete set replaces the status) facilitator-only.
    expect([CloseCode.UpdateIncomplete, CloseCode.ChangeRefused]).toContain(closed.code);
    setStatus(facilitator.doc, 'reviewing', ctx);
    await waitFor(() => readMeta(editor.doc).status === 'reviewing', 'the status to reach the editor');
    const late = await fresh();
    expect(readMeta(late.doc).status).toBe('reviewing');
    expect(readMeta(late.doc).title).toBe('Guarded');
    late.destroy();
    setStatus(facilitator.doc, 'collecting', ctx);
    await settle();
  });

  it('1c. nobody writes as another link’s Yjs client', async () => {
    const attack = crafted(facilitator.doc, (d) => setTitle(d, 'Squatted', ctx), facilitator.doc.clientID);
    expect((await sendRaw(review.tokens.editor, updateMessage(attack))).code).toBe(CloseCode.ChangeRefused);
  });

  it('2. typing fast into a human-factors answer while the timeline is frozen is stored whole', async () => {
    addQuestion(facilitator.doc, { prompt: 'What made sense at the time?' }, ctx);
    await waitFor(() => readHumanFactors(editor.doc).length > 0, 'the questions');
    setTimelineFrozen(facilitator.doc, true, ctx);
    await waitFor(() => readFacilitation(editor.doc, Date.now()).frozen, 'the freeze to reach the editor');
    const question = readHumanFactors(editor.doc)[0]!;
    const answer = 'The runbook pointed at the old dashboard, so we looked at the wrong graph first. '.repeat(2);
    let closedWith: number | null = null;
    editor.provider.ws?.addEventListener('close', (e) => (closedWith = e.code));
    for (let i = 0; i < answer.length; i++) {
      getAnswerText(editor.doc, question.id).insert(i, answer[i]!);
      await new Promise((r) => setTimeout(r, 8));
    }
    await waitFor(
      () => getAnswerText(facilitator.doc, question.id).toString() === answer,
      'the whole answer at the facilitator',
    );
    expect(closedWith).toBeNull();
    setTimelineFrozen(facilitator.doc, false, ctx);
    await settle();
  });

  it('3. an update that would not apply is not stored: history and load keep working', async () => {
    // Two changes by one client; only the second is sent: its origin is ahead of the client's clock.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(editor.doc));
    addEntry(doc, { at: 5, summary: 'first' }, ctx);
    const sv1 = Y.encodeStateVector(doc);
    addEntry(doc, { at: 6, summary: 'second' }, ctx);
    const poisoned = Y.encodeStateAsUpdate(doc, sv1);
    expect((await sendRaw(review.tokens.editor, updateMessage(poisoned))).code).toBe(CloseCode.UpdateIncomplete);
    await settle();
    const index = await server.fetch(`/api/reviews/${review.id}/history`, {
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(index.status).toBe(200);
    const { latestSeq } = (await index.json()) as { latestSeq: number };
    const state = await server.fetch(`/api/reviews/${review.id}/history/state?seq=${latestSeq}`, {
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(state.status).toBe(200);
    const exported = await exportJson(server, review.id, review.tokens.facilitator);
    expect(JSON.stringify(exported)).not.toContain('second');
  });

  it('4. an observer’s change is closed by its length, never decoded or stored', async () => {
    // 2 MiB of tiny structs: decoding them stalled the server before.
    const doc = new Y.Doc();
    const text = doc.getText('narrative.impact');
    for (let i = 0; i < 25_000; i++) text.insert(0, 'x', { b: i % 2 === 0 });
    const big = Y.encodeStateAsUpdate(doc);
    const started = performance.now();
    const closed = await sendRaw(review.tokens.observer, syncStep2Message(big));
    expect(closed.code).toBe(CloseCode.ReadOnly);
    const health = await server.fetch('/healthz');
    expect(health.status).toBe(200);
    console.log(
      `observer's ${Math.round(big.length / 1024)} KiB change closed, /healthz answered after ${Math.round(performance.now() - started)} ms`,
    );
    await settle();
    expect((await exportJson(server, review.id, review.tokens.facilitator)).title).toBe('Guarded');
  });

  it('5. an observer that repeats sync step 1 without reading is cut off', async () => {
    const raw = await openRawOk(server, review.id, review.tokens.observer);
    const before = server.logs.length;
    // Stop reading: every answer (the whole review) would pile up in the server's send buffer.
    (raw.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const step1 = syncStep1Message(new Y.Doc());
    for (let i = 0; i < 300; i++) raw.send(step1);
    const cut = () =>
      server.logs
        .slice(before)
        .find(
          (l) =>
            l.msg === 'closing connection' &&
            l.role === 'observer' &&
            (l.code === CloseCode.RateLimited || l.code === CloseCode.SlowConsumer),
        );
    await waitFor(() => cut() !== undefined, 'the server to cut the observer off');
    raw.ws.terminate();
  });

  it('6. ingest obeys the document size limit; the review stays editable', async () => {
    const created = await server.fetch(`/api/reviews/${review.id}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${review.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ingest', label: 'alerts' }),
    });
    const { token } = (await created.json()) as { token: string };
    const post = (alerts: unknown[]) =>
      server.fetch(`/api/reviews/${review.id}/ingest/alerts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ alerts }),
      });
    const tooMany = await post(Array.from({ length: 501 }, (_, i) => ({ id: `x${i}`, at: i, title: 'x' })));
    expect(tooMany.status).toBe(413);
    let status = 200;
    let batch = 0;
    while (status === 200 && batch < 100) {
      const alerts = Array.from({ length: 100 }, (_, i) => ({
        id: `a${batch}-${i}`,
        at: Date.UTC(2026, 0, 1) + batch * 1000 + i,
        title: `Alert ${batch}-${i} `.padEnd(120, 'x'),
      }));
      status = (await post(alerts)).status;
      batch++;
    }
    expect(status).toBe(413);
    const id = addEntry(editor.doc, { at: 9, summary: 'still editable' }, ctx);
    await waitFor(() => readTimeline(facilitator.doc).some((e) => e.id === id), 'the editor’s entry after the limit');
  });
});
