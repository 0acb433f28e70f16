// GET /api/reviews/:id/first-screen: the top of the timeline a page shows while it loads the document.
// It comes from a document a server held (the loaded room's, or the one stored with the last checkpoint,
// unload or stop while nothing was stored after it), never from one built for the request; a reader never
// gets it.
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_ENTRIES, type FirstScreen } from '@hindsight/api';
import { addEntry, defaultContext, readTimeline, setEntrySummary } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

const AT = Date.UTC(2026, 10, 28, 9, 0);

async function firstScreen(
  server: RunningServer,
  reviewId: string,
  token: string | null,
): Promise<{ status: number; body: FirstScreen | null; cache: string | null }> {
  const res = await server.fetch(`/api/reviews/${reviewId}/first-screen`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await res.text();
  return {
    status: res.status,
    body: res.status === 200 ? (JSON.parse(text) as FirstScreen) : null,
    cache: res.headers.get('cache-control'),
  };
}

describe('the first screen', () => {
  it('is the timeline order’s first entries with the count, read from the live review, for live links only', async () => {
    const server = await startServer();
    try {
      const review = await server.createReview('First screen');
      const writer = connect(server, review.id, review.tokens.editor);
      await synced(writer);
      const ctx = defaultContext('writer');
      // Out of order, so the answer is sorted by time and not by insertion.
      const total = FIRST_SCREEN_ENTRIES + 15;
      for (let i = 0; i < total; i++)
        addEntry(writer.doc, { at: AT + ((i * 37) % total) * 60_000, summary: `entry ${i}` }, ctx);
      const watcher = connect(server, review.id, review.tokens.observer);
      await waitFor(() => readTimeline(watcher.doc).length === total, 'every entry at the server');

      const got = await firstScreen(server, review.id, review.tokens.editor);
      expect(got.status).toBe(200);
      expect(got.cache).toBe('no-store');
      expect(got.body!.title).toBe('First screen');
      expect(got.body!.total).toBe(total);
      const expected = readTimeline(watcher.doc).slice(0, FIRST_SCREEN_ENTRIES);
      expect(got.body!.entries.map((e) => [e.id, e.at, e.summary])).toEqual(
        expected.map((e) => [e.id, e.at, e.summary]),
      );

      // A change is in the next answer (the room reads it again once its document changed).
      setEntrySummary(writer.doc, { id: expected[0]!.id, text: 'changed at the top' }, ctx);
      await waitFor(
        () => readTimeline(watcher.doc)[0]!.summary === 'changed at the top',
        'the change to reach the server',
      );
      expect((await firstScreen(server, review.id, review.tokens.observer)).body!.entries[0]!.summary).toBe(
        'changed at the top',
      );
      expect((await firstScreen(server, review.id, review.tokens.facilitator)).status).toBe(200);

      // A reader link opens the published review only; no token, or a wrong one, is not a link.
      const reader = await firstScreen(server, review.id, review.tokens.reader);
      expect(reader.status).toBe(403);
      expect(reader.body).toBeNull();
      expect((await firstScreen(server, review.id, null)).status).toBe(401);
      expect((await firstScreen(server, review.id, 'not-a-token')).status).toBe(401);
      watcher.destroy();
      writer.destroy();
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('is stored when the room unloads and when the server stops, so the first page after a restart gets it without a load', async () => {
    // No checkpoint on a quiet moment: what the unload and the stop store is what the page gets.
    const env = { IDLE_UNLOAD_MS: '200', COMPACT_DEBOUNCE_MS: '600000' };
    let server = await startServer({ env });
    try {
      const review = await server.createReview('Kept');
      const writer = connect(server, review.id, review.tokens.editor);
      await synced(writer);
      addEntry(writer.doc, { at: AT, summary: 'before the unload' }, defaultContext('writer'));
      const watcher = connect(server, review.id, review.tokens.observer);
      await waitFor(() => readTimeline(watcher.doc).length === 1, 'the entry at the server');
      watcher.destroy();
      writer.destroy();
      await waitFor(
        () => server.logs.some((l) => l.msg === 'room unloaded' && l.reviewId === review.id),
        'the room to unload',
      );
      const kept = await firstScreen(server, review.id, review.tokens.editor);
      expect(kept.status).toBe(200);
      expect(kept.body!.entries.map((e) => e.summary)).toEqual(['before the unload']);

      // Opened again, edited, and the server stopped while the room is loaded: the stop stores it too.
      const editor = connect(server, review.id, review.tokens.editor);
      await synced(editor);
      const [entry] = readTimeline(editor.doc);
      setEntrySummary(editor.doc, { id: entry!.id, text: 'before the stop' }, defaultContext('writer'));
      await waitFor(
        async () =>
          (await firstScreen(server, review.id, review.tokens.editor)).body?.entries[0]?.summary === 'before the stop',
        'the edit in the loaded room’s first screen',
      );
      expect(await server.stop()).toBe(0);
      editor.destroy();
      server = await startServer({ dataDir: server.dataDir, env });
      const afterRestart = await firstScreen(server, review.id, review.tokens.editor);
      expect(afterRestart.status).toBe(200);
      expect(afterRestart.body!.entries.map((e) => e.summary)).toEqual(['before the stop']);
      expect(afterRestart.body!.title).toBe('Kept');
      // Read from the store: no document was built for it.
      expect(server.logs.some((l) => l.msg === 'room loaded')).toBe(false);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('is not served once something was stored after it (a crash before the next checkpoint): 204, no load', async () => {
    // No checkpoint after the first: the server is killed with the last edit in the log only.
    const env = { COMPACT_DEBOUNCE_MS: '600000', COMPACT_EVERY_UPDATES: '100000' };
    let server = await startServer({ env });
    try {
      const review = await server.createReview('Crashed');
      const writer = connect(server, review.id, review.tokens.editor);
      await synced(writer);
      addEntry(writer.doc, { at: AT, summary: 'checkpointed' }, defaultContext('writer'));
      const watcher = connect(server, review.id, review.tokens.observer);
      await waitFor(() => readTimeline(watcher.doc).length === 1, 'the first entry at the server');
      watcher.destroy();
      writer.destroy();
      expect(await server.stop()).toBe(0);
      server = await startServer({ dataDir: server.dataDir, env });
      expect((await firstScreen(server, review.id, review.tokens.editor)).body!.entries).toHaveLength(1);

      const late = connect(server, review.id, review.tokens.editor);
      await synced(late);
      addEntry(late.doc, { at: AT - 60_000, summary: 'only in the log' }, defaultContext('writer'));
      const seen = connect(server, review.id, review.tokens.observer);
      // Relayed only once stored: the second entry is on disk.
      await waitFor(() => readTimeline(seen.doc).length === 2, 'the second entry at the server');
      seen.destroy();
      late.destroy();
      await server.kill9();
      server = await startServer({ dataDir: server.dataDir, env });
      const stale = await firstScreen(server, review.id, review.tokens.editor);
      expect(stale.status).toBe(204);
      expect(server.logs.some((l) => l.msg === 'room loaded')).toBe(false);
      // Once someone opens it, the loaded room answers with both.
      const opener = connect(server, review.id, review.tokens.observer);
      await synced(opener);
      await waitFor(() => server.logs.some((l) => l.msg === 'room loaded'), 'the room to load');
      expect((await firstScreen(server, review.id, review.tokens.editor)).body!.entries.map((e) => e.summary)).toEqual([
        'only in the log',
        'checkpointed',
      ]);
      opener.destroy();
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('a history purge deletes the stored one and stores it again from the purged document', async () => {
    // A checkpoint soon after each write, so one (and its first screen) holds the secret before it is deleted.
    const server = await startServer({ env: { IDLE_UNLOAD_MS: '200', COMPACT_DEBOUNCE_MS: '50' } });
    try {
      const review = await server.createReview('Leak');
      const writer = connect(server, review.id, review.tokens.editor);
      await synced(writer);
      const ctx = defaultContext('writer');
      const id = addEntry(writer.doc, { at: AT, summary: 'login with DB_PASSWORD=first-screen-9931' }, ctx);
      const stored = (summary: string) =>
        waitFor(
          async () =>
            (await firstScreen(server, review.id, review.tokens.editor)).body?.entries[0]?.summary === summary,
          `"${summary}" in the first screen`,
        );
      await stored('login with DB_PASSWORD=first-screen-9931');
      let mark = server.logs.length;
      await waitFor(
        () => server.logs.slice(mark).some((l) => l.msg === 'checkpoint stored' && l.reviewId === review.id),
        'a checkpoint while the secret is on the timeline',
      );
      mark = server.logs.length;
      setEntrySummary(writer.doc, { id, text: 'login' }, ctx);
      await stored('login');
      // Checkpointed (and the first screen stored) before the purge, at the seq the purge then takes.
      await waitFor(
        () => server.logs.slice(mark).some((l) => l.msg === 'checkpoint stored' && l.reviewId === review.id),
        'a checkpoint after the deletion',
      );
      const purge = await server.fetch(`/api/reviews/${review.id}/history/purge`, {
        method: 'POST',
        headers: { authorization: `Bearer ${review.tokens.facilitator}` },
      });
      expect(purge.status).toBe(200);
      mark = server.logs.length;
      writer.destroy();
      await waitFor(
        () => server.logs.slice(mark).some((l) => l.msg === 'room unloaded' && l.reviewId === review.id),
        'the room to unload',
      );
      // From the store (no room is loaded): the purged document's, without the deleted text.
      const after = await firstScreen(server, review.id, review.tokens.editor);
      expect(after.status).toBe(200);
      expect(after.body!.entries.map((e) => e.summary)).toEqual(['login']);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
