// The 24-hour collection window on the real server: a review whose window ends
// moves from collecting to reviewing for every connected client (the sweep),
// a review loaded after its window ended is closed on load, and only the
// facilitator may extend the window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readMeta, readTimeline, setCollectionEndsAt } from '@hindsight/doc';
import { CloseCode } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { exportJson, startServer, type RunningServer } from '../helpers/server.ts';

describe('the collection window', () => {
  let server: RunningServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { COLLECTION_SWEEP_MS: '200', IDLE_UNLOAD_MS: '200' } });
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.stop();
  });

  it('refuses a malformed collectionEndsAt on create', async () => {
    const res = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', collectionEndsAt: 'tomorrow' }),
    });
    expect(res.status).toBe(400);
  });

  it('moves a review to reviewing for every connected client when its window ends', async () => {
    const review = await server.createReview('Short window', { collectionEndsAt: Date.now() + 1_500 });
    const a = connect(server, review.id, review.tokens.editor);
    const b = connect(server, review.id, review.tokens.observer);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    expect(readMeta(a.doc).status).toBe('collecting');
    await waitFor(
      () => readMeta(a.doc).status === 'reviewing' && readMeta(b.doc).status === 'reviewing',
      'both clients to see status reviewing',
      10_000,
    );
    const exported = (await exportJson(server, review.id, review.tokens.observer)) as Record<string, unknown>;
    expect(exported.id).toBe(review.id);
  });

  it('closes a review on load when its window ended while nobody had it open', async () => {
    const endsAt = Date.now() + 300;
    const review = await server.createReview('Ended while closed', { collectionEndsAt: endsAt });
    await waitFor(() => Date.now() > endsAt, 'the collection window to end');
    const a = connect(server, review.id, review.tokens.editor);
    clients.push(a);
    await synced(a);
    // The first sync may be answered from the stored state while the room loads; the load's
    // closing change follows it to every client.
    await waitFor(() => readMeta(a.doc).status === 'reviewing', 'the review to move to reviewing on load');
  });

  it('lets the facilitator extend the window; an editor’s extension closes its connection', async () => {
    const review = await server.createReview('Extended', { collectionEndsAt: Date.now() + 60_000 });
    const fac = connect(server, review.id, review.tokens.facilitator);
    const ed = connect(server, review.id, review.tokens.editor);
    clients.push(fac, ed);
    await Promise.all([synced(fac), synced(ed)]);
    const later = Date.now() + 6 * 3_600_000;
    setCollectionEndsAt(fac.doc, later, defaultContext('Fay'));
    await waitFor(() => readMeta(ed.doc).collectionEndsAt === later, 'the editor to see the extension');
    const closed = new Promise<number>((resolve) => ed.provider.ws?.addEventListener('close', (e) => resolve(e.code)));
    setCollectionEndsAt(ed.doc, later + 1, defaultContext('Ed'));
    expect(await closed).toBe(CloseCode.ChangeRefused);
    // The positive signal: an entry written after the refusal reaches the facilitator. The server
    // relays one review's updates in order, so a relayed refused change would have arrived first.
    const other = connect(server, review.id, review.tokens.editor);
    clients.push(other);
    await synced(other);
    addEntry(other.doc, { at: Date.UTC(2026, 0, 1, 10), summary: 'after the refusal' }, defaultContext('Olu'));
    await waitFor(
      () => readTimeline(fac.doc).some((e) => e.summary === 'after the refusal'),
      'the facilitator to get the later entry',
    );
    expect(readMeta(fac.doc).collectionEndsAt).toBe(later);
  });
});
