// The write gate judges each update in the room's own document (server/src/relay/gate.ts): the
// document is ahead of the store by the updates in flight, and a refused change has been applied
// before it is refused. What a user would notice if either leaked: a refused change showing up for
// someone (now or after a restart), or something read from the review (a first sync, the first
// screen) that a crash right after loses.
import { describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { CloseCode } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, updateMessage } from '../helpers/raw.ts';
import { entryWithUnknownField } from '../helpers/rawRecords.ts';
import { exportJson, startServer, type RunningServer } from '../helpers/server.ts';

const ctx = defaultContext('in place');
const AT = Date.UTC(2026, 11, 6, 9, 0);

async function late(server: RunningServer, reviewId: string, token: string): Promise<Client> {
  const c = connect(server, reviewId, token);
  await synced(c);
  return c;
}

describe('updates judged in the room’s own document', () => {
  it('refused changes never reach anyone, while another person keeps writing', async () => {
    const server = await startServer();
    let restarted: RunningServer | null = null;
    try {
      const review = await server.createReview('Judged in place');
      const writer = connect(server, review.id, review.tokens.editor);
      const watcher = connect(server, review.id, review.tokens.facilitator);
      await Promise.all([synced(writer), synced(watcher)]);
      const written: string[] = [];
      const codes: number[] = [];
      for (let round = 0; round < 3; round++) {
        // Entries before, during and after the refused change and the rebuild it causes.
        for (let i = 0; i < 5; i++)
          written.push(addEntry(writer.doc, { at: AT + written.length, summary: `ok ${round}.${i}` }, ctx));
        const raw = await openRawOk(server, review.id, review.tokens.editor);
        raw.send(updateMessage(entryWithUnknownField(writer.doc, `refused-${round}`, `REFUSED-${round}`)));
        for (let i = 0; i < 5; i++)
          written.push(addEntry(writer.doc, { at: AT + written.length, summary: `ok ${round}.${i}b` }, ctx));
        codes.push((await raw.closed).code);
      }
      expect(codes).toEqual([CloseCode.SchemaViolation, CloseCode.SchemaViolation, CloseCode.SchemaViolation]);
      await waitFor(
        () => written.every((id) => readTimeline(watcher.doc).some((e) => e.id === id)),
        'every accepted entry at the other person',
      );
      // The refusals made the server rebuild the document from the store.
      expect(
        server.logs.filter((l) => l.msg === 'document rebuilt after a change that was not stored').length,
      ).toBeGreaterThan(0);
      for (const doc of [watcher.doc, (await late(server, review.id, review.tokens.editor)).doc]) {
        const timeline = readTimeline(doc);
        expect(timeline.filter((e) => written.includes(e.id))).toHaveLength(written.length);
        expect(timeline.some((e) => e.summary.startsWith('REFUSED'))).toBe(false);
      }
      expect(JSON.stringify(await exportJson(server, review.id, review.tokens.facilitator))).not.toContain('REFUSED');
      // Nor was it stored: after a restart the review holds exactly the accepted entries.
      writer.destroy();
      watcher.destroy();
      await server.stop();
      restarted = await startServer({ dataDir: server.dataDir });
      const after = await late(restarted, review.id, review.tokens.editor);
      const timeline = readTimeline(after.doc);
      expect(timeline.map((e) => e.id).sort()).toEqual([...written].sort());
      after.destroy();
      // The writer's link still writes after the rebuilds.
      const again = connect(restarted, review.id, review.tokens.editor);
      await synced(again);
      const more = addEntry(again.doc, { at: AT + 999, summary: 'after the restart' }, ctx);
      const check = await late(restarted, review.id, review.tokens.facilitator);
      await waitFor(() => readTimeline(check.doc).some((e) => e.id === more), 'a new entry after the restart');
      again.destroy();
      check.destroy();
    } finally {
      await restarted?.stop();
      await server.stop();
    }
  });

  it('a first sync and the first screen read while a write is in flight hold it only once it is on disk', async () => {
    // A long commit window keeps a write in flight (judged, in the document, not committed) for a while:
    // a first write commits at once and opens the window, the next waits for the window to end.
    const env = { COMMIT_WINDOW_MS: '1000' };
    let server = await startServer({ env });
    const { dataDir } = server;
    try {
      const review = await server.createReview('In flight');
      /** Writes a marker entry while the window is open; `read` asks for it meanwhile, then the server is killed. */
      const readWhileInFlight = async (read: (s: RunningServer) => Promise<boolean>): Promise<void> => {
        const writer = connect(server, review.id, review.tokens.editor);
        const watcher = connect(server, review.id, review.tokens.facilitator);
        await Promise.all([synced(writer), synced(watcher)]);
        const first = addEntry(writer.doc, { at: AT, summary: 'opens the window' }, ctx);
        await waitFor(() => readTimeline(watcher.doc).some((e) => e.id === first), 'the first write relayed');
        const marker = addEntry(writer.doc, { at: AT + 1, summary: 'IN-FLIGHT' }, ctx);
        // Asked once the marker is judged (well within the window); the answer must wait for its commit.
        await new Promise((r) => setTimeout(r, 150));
        const got = await read(server);
        // Killed the moment the answer is in: whatever it held must be on disk already.
        await server.kill9();
        [writer, watcher].forEach((c) => c.destroy());
        expect(got).toBe(true);
        server = await startServer({ dataDir, env });
        const after = await late(server, review.id, review.tokens.editor);
        expect(readTimeline(after.doc).map((e) => e.id)).toContain(marker);
        after.destroy();
      };
      await readWhileInFlight(async (s) => {
        const res = await s.fetch(`/api/reviews/${review.id}/first-screen`, {
          headers: { authorization: `Bearer ${review.tokens.editor}` },
        });
        const screen = (await res.json()) as { entries: { summary: string }[] };
        return screen.entries.some((e) => e.summary === 'IN-FLIGHT');
      });
      await readWhileInFlight(async (s) => {
        const joiner = connect(s, review.id, review.tokens.editor);
        await synced(joiner);
        const has = readTimeline(joiner.doc).filter((e) => e.summary === 'IN-FLIGHT').length === 2;
        joiner.destroy();
        return has;
      });
    } finally {
      await server.stop();
    }
  });
});
