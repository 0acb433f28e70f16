// Purging the edit history over the real server and its SQLite file: a secret
// typed into an entry and deleted again is still in the stored history (the
// file's bytes) until the facilitator purges; the publish checklist's check
// finds it (masked); after the purge the file no longer holds it, the review
// itself is unchanged, and later edits are kept across a restart.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addEntry, defaultContext, readTimeline, roots } from '@hindsight/doc';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const SECRET = 'hunter2-Correct-Horse-9471';
const auth = (token: string, method = 'GET') => ({ method, headers: { authorization: `Bearer ${token}` } });

/** The SQLite file and its write-ahead log, as bytes on disk. */
function storedBytes(dataDir: string): string {
  return ['hindsight.sqlite', 'hindsight.sqlite-wal']
    .map((f) => join(dataDir, f))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

describe('purging the edit history', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let editor: Client;
  const ctx = defaultContext('Sam');

  beforeAll(async () => {
    // A checkpoint soon after each write: one (with the first screen read from it) holds the secret.
    server = await startServer({ env: { COMPACT_DEBOUNCE_MS: '50' } });
    review = await server.createReview('Leaked credentials');
    editor = connect(server, review.id, review.tokens.editor);
    await synced(editor);
    const id = addEntry(editor.doc, { at: Date.UTC(2026, 5, 1, 9), summary: 'Tried the replica login' }, ctx);
    const summary = () => (roots(editor.doc).timeline.get(id) as Y.Map<unknown>).get('summary') as unknown as Y.Text;
    summary().insert(summary().length, ` with DB_PASSWORD=${SECRET}`);
    // Deleted again a moment later, as someone who noticed would.
    const watcher = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(watcher.doc)[0]?.summary.includes(SECRET) === true, 'the secret to be stored');
    const mark = server.logs.length;
    await waitFor(
      () => server.logs.slice(mark).some((l) => l.msg === 'checkpoint stored' && l.reviewId === review.id),
      'a checkpoint while the secret is on the timeline',
    );
    const text = summary().toString();
    summary().delete(text.indexOf(' with DB_PASSWORD'), text.length - text.indexOf(' with DB_PASSWORD'));
    await waitFor(() => readTimeline(watcher.doc)[0]?.summary === 'Tried the replica login', 'the deletion stored');
    watcher.destroy();
  });
  afterAll(async () => {
    editor?.destroy();
    await server.stop();
  });

  it('finds the deleted secret in the history, masked, for the facilitator only', async () => {
    expect(storedBytes(server.dataDir)).toContain(SECRET);
    for (const token of [review.tokens.editor, review.tokens.observer, review.tokens.reader]) {
      expect((await server.fetch(`/api/reviews/${review.id}/history/deleted`, auth(token))).status).toBe(403);
      expect((await server.fetch(`/api/reviews/${review.id}/history/purge`, auth(token, 'POST'))).status).toBe(403);
    }
    const res = await server.fetch(`/api/reviews/${review.id}/history/deleted`, auth(review.tokens.facilitator));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { secretCount: number; secrets: { rule: string; masked: string }[] };
    expect(body.secretCount).toBeGreaterThan(0);
    expect(body.secrets[0]!.masked).toMatch(/^DB_PASSWORD=hu•+/);
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('purges: the secret leaves the SQLite file, the review stays as it is', async () => {
    const before = await exportJson(server, review.id, review.tokens.facilitator);
    const res = await server.fetch(`/api/reviews/${review.id}/history/purge`, auth(review.tokens.facilitator, 'POST'));
    expect(res.status).toBe(200);
    expect(storedBytes(server.dataDir)).not.toContain(SECRET);
    expect(await exportJson(server, review.id, review.tokens.facilitator)).toEqual(before);
    const deleted = (await (
      await server.fetch(`/api/reviews/${review.id}/history/deleted`, auth(review.tokens.facilitator))
    ).json()) as { secretCount: number };
    expect(deleted.secretCount).toBe(0);
    // The history starts again from the purged state: the server's one update, then whatever follows.
    const index = (await (
      await server.fetch(`/api/reviews/${review.id}/history`, auth(review.tokens.editor))
    ).json()) as { seq: number[]; authors: { label: string }[] };
    expect(index.seq).toHaveLength(1);
    expect(index.authors.map((a) => a.label)).toEqual(['Server']);
  });

  it('keeps editing after the purge, across a restart', async () => {
    addEntry(editor.doc, { at: Date.UTC(2026, 5, 1, 10), summary: 'Rotated the credentials' }, ctx);
    const watcher = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(watcher.doc).length === 2, 'the new entry to be stored');
    watcher.destroy();
    editor.destroy();
    const dataDir = server.dataDir;
    expect(await server.stop()).toBe(0);
    server = await startServer({ dataDir });
    const exported = (await exportJson(server, review.id, review.tokens.facilitator)) as {
      timeline: { summary: string }[];
    };
    expect(exported.timeline.map((e) => e.summary)).toEqual(['Tried the replica login', 'Rotated the credentials']);
    expect(storedBytes(dataDir)).not.toContain(SECRET);
    editor = connect(server, review.id, review.tokens.editor);
    await synced(editor);
    expect(readTimeline(editor.doc)).toHaveLength(2);
  });
});
