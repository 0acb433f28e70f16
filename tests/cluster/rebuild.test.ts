// A refused change makes a server rebuild its document of the review (server/src/relay/room.ts). In the
// multi-server mode the other servers keep writing meanwhile: their updates reach this server's clients
// all the same, and nobody's copy is left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { CloseCode } from '@hindsight/protocol';
import { canonical, connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, updateMessage } from '../helpers/raw.ts';
import { entryWithUnknownField } from '../helpers/rawRecords.ts';
import { startCluster, type Cluster } from '../helpers/cluster.ts';
import type { RunningServer } from '../helpers/server.ts';

const AT = Date.UTC(2026, 11, 7, 9, 0);

describe('a rebuild on one server while another writes', () => {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterAll(() => cluster?.stop());

  it('every client converges, and no refused change shows anywhere', async () => {
    const [a, b] = cluster!.servers as [RunningServer, RunningServer];
    const review = await a.createReview('Rebuilt while the other writes');
    const onA = connect(a, review.id, review.tokens.editor);
    const onB = connect(b, review.id, review.tokens.editor);
    await Promise.all([synced(onA), synced(onB)]);
    const ctx = defaultContext('typist');
    const written: string[] = [];
    let typing = true;
    // Both keep writing while B refuses changes (and so rebuilds its document) again and again.
    const typist = async (client: Client, who: string): Promise<void> => {
      for (let i = 0; typing; i++) {
        written.push(addEntry(client.doc, { at: AT + written.length, summary: `${who} ${i}` }, ctx));
        await new Promise((r) => setTimeout(r, 15));
      }
    };
    const typing$ = Promise.all([typist(onA, 'A'), typist(onB, 'B')]);
    for (let n = 0; n < 8; n++) {
      const raw = await openRawOk(b, review.id, review.tokens.editor);
      raw.send(updateMessage(entryWithUnknownField(onB.doc, `refused-${n}`, `REFUSED ${n}`)));
      expect((await raw.closed).code).toBe(CloseCode.SchemaViolation);
      await new Promise((r) => setTimeout(r, 100));
    }
    typing = false;
    await typing$;
    expect(b.logs.some((l) => l.msg === 'document rebuilt after a change that was not stored')).toBe(true);
    const all = (c: Client): boolean => {
      const ids = new Set(readTimeline(c.doc).map((e) => e.id));
      return written.every((id) => ids.has(id));
    };
    await waitFor(() => all(onA) && all(onB), 'every entry at both connected clients', 30_000);
    const fresh = [connect(a, review.id, review.tokens.observer), connect(b, review.id, review.tokens.observer)];
    await Promise.all(fresh.map(synced));
    await waitFor(() => fresh.every(all), 'every entry at fresh joiners on both servers', 30_000);
    const states = [onA, onB, ...fresh].map((c) => canonical(c.doc));
    expect(new Set(states).size).toBe(1);
    expect(readTimeline(onB.doc).some((e) => e.summary.startsWith('REFUSED'))).toBe(false);
    [onA, onB, ...fresh].forEach((c) => c.destroy());
  });
});
