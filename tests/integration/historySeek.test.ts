// Seeking in the edit history without rebuilding, over the real server: `?since=M` answers only what changed
// after M (applied to the state as of M it gives the state as of N), `?nearest=1` the stored state a seek
// starts from; a `since` the page cannot hold is refused with a clear 400, and the writers-only rule holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, insertSummaryText, readTimeline } from '@hindsight/doc';
import { canonical, connect, synced, waitFor } from '../helpers/clients.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

/** More updates than one history snapshot spans (one per 1,000 seqs), so a seek starts from a snapshot. */
const EDITS = 1_150;

describe('edit history: seek by difference', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let latest = 0;
  const auth = (token = review.tokens.editor) => ({ authorization: `Bearer ${token}` });

  async function ask(query: string, token?: string): Promise<Response> {
    return server.fetch(`/api/reviews/${review.id}/history/state?${query}`, { headers: auth(token) });
  }

  async function answer(query: string): Promise<{ update: Uint8Array; seq: number }> {
    const res = await ask(query);
    expect(res.status, query).toBe(200);
    return { update: new Uint8Array(await res.arrayBuffer()), seq: Number(res.headers.get('x-hindsight-seq')) };
  }

  async function docAt(seq: number): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await answer(`seq=${seq}`)).update);
    return doc;
  }

  beforeAll(async () => {
    // A burst of typing well past the default per-link rate, so the log gets its 1,000+ rows in seconds.
    server = await startServer({ env: { UPDATES_PER_SECOND: '100000', MESSAGES_PER_SECOND: '100000' } });
    review = await server.createReview('Seek');
    const writer = connect(server, review.id, review.tokens.editor);
    const watcher = connect(server, review.id, review.tokens.observer);
    await Promise.all([synced(writer), synced(watcher)]);
    const ctx = defaultContext('w');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++)
      ids.push(addEntry(writer.doc, { at: Date.UTC(2026, 0, 1, 9, i), summary: `e${i}` }, ctx));
    // Each edit its own update, as typing sends them.
    for (let i = 0; i < EDITS; i++) insertSummaryText(writer.doc, ids[i % ids.length]!, 0, 'x', ctx);
    // The relay forwards an update only once it is stored: when the watcher has them all, so has the log.
    const total = (doc: Y.Doc) => readTimeline(doc).reduce((n, e) => n + e.summary.length, 0);
    await waitFor(() => total(watcher.doc) === total(writer.doc), 'every edit to be stored', 60_000);
    writer.destroy();
    watcher.destroy();
    const index = (await (await server.fetch(`/api/reviews/${review.id}/history`, { headers: auth() })).json()) as {
      latestSeq: number;
    };
    latest = index.latestSeq;
    expect(latest).toBeGreaterThan(EDITS);
  }, 120_000);
  afterAll(async () => {
    await server.stop();
  });

  it('the difference applied onto the state at `since` is the state at `seq`', async () => {
    for (const [since, seq] of [
      [0, 5],
      [5, 6],
      [6, 6],
      [30, 900],
      [900, 1_100],
      [3, latest],
      [latest - 1, latest],
    ] as const) {
      const doc = await docAt(since);
      const diff = await answer(`seq=${seq}&since=${since}`);
      expect(diff.seq).toBe(seq);
      Y.applyUpdate(doc, diff.update);
      expect(canonical(doc), `${since} → ${seq}`).toBe(canonical(await docAt(seq)));
      // Only the difference travels: smaller than the whole state once the review has grown.
      if (since >= 30) expect(diff.update.length).toBeLessThan((await answer(`seq=${seq}`)).update.length);
    }
  }, 60_000);

  it('nearest answers a stored state at or before the seq, from which the difference reaches it', async () => {
    for (const seq of [1_100, latest, 7]) {
      const base = await answer(`seq=${seq}&nearest=1`);
      expect(base.seq).toBeLessThanOrEqual(seq);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, base.update);
      Y.applyUpdate(doc, (await answer(`seq=${seq}&since=${base.seq}`)).update);
      expect(canonical(doc), String(seq)).toBe(canonical(await docAt(seq)));
    }
    // Past the first 1,000 seqs a seek starts from a state stored there, not from the start: the snapshot the
    // builder (started by the first far seek, in the background) writes at 1,000, or one a checkpoint kept
    // between 1,000 and the seq (it keeps its state as a snapshot too, at whatever seq it covered).
    let start = 0;
    for (const deadline = Date.now() + 30_000; start < 1_000 && Date.now() < deadline;) {
      start = (await answer('seq=1100&nearest=1')).seq;
      if (start < 1_000) await new Promise((r) => setTimeout(r, 50));
    }
    expect(start).toBeGreaterThanOrEqual(1_000);
    expect(start).toBeLessThanOrEqual(1_100);
  }, 60_000);

  it('refuses a since the page cannot hold, saying why, and still answers after', async () => {
    for (const [query, why] of [
      [`seq=5&since=6`, /since \(6\) must be no greater than the seq asked for \(5\)/],
      [`seq=${latest + 10}&since=${latest + 5}`, /past the latest seq/],
      ['seq=5&since=abc', /since must be a non-negative integer/],
      ['seq=5&since=-1', /since must be a non-negative integer/],
      ['seq=5&since=1.5', /since must be a non-negative integer/],
      ['seq=5&since=', /since must be a non-negative integer/],
      ['seq=5&since=2&nearest=1', /either since or nearest/],
      ['seq=5&nearest=yes', /nearest must be 1/],
    ] as const) {
      const res = await ask(query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, query).toMatch(why);
    }
    expect((await answer(`seq=6&since=5`)).seq).toBe(6);
  });

  it('keeps the history to the writers for the new parameters too', async () => {
    for (const query of ['seq=6&since=5', 'seq=6&nearest=1']) {
      expect((await server.fetch(`/api/reviews/${review.id}/history/state?${query}`)).status, query).toBe(401);
      for (const token of [review.tokens.observer, review.tokens.reader]) {
        const res = await ask(query, token);
        expect(res.status, query).toBe(403);
        expect(((await res.json()) as { error: { message: string } }).error.message).toBeTruthy();
      }
      expect((await ask(query, review.tokens.facilitator)).status, query).toBe(200);
    }
  });
});
