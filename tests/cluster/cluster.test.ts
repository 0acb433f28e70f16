// Several Hindsight servers sharing one Postgres and one Redis: clients spread
// across them converge, roles and revocations hold on every server, and a
// killed server loses nothing anyone had received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@hindsight/protocol';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { canonical, connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, updateMessage } from '../helpers/raw.ts';
import { startCluster, type Cluster } from '../helpers/cluster.ts';
import { exportJson, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

describe('three servers, one Postgres, one Redis', () => {
  let cluster: Cluster | undefined;
  let servers: RunningServer[];
  let review: ReviewHandle;
  const clients: Client[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3, { CATCH_UP_INTERVAL_MS: '1000' });
    servers = cluster.servers;
    review = await servers[0]!.createReview('Cluster');
    for (const s of servers) expect(s.logs.some((l) => String(l.msg).startsWith('multi-server mode'))).toBe(true);
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await cluster?.stop();
  });

  it('clients spread across servers converge, and every server exports the same review', async () => {
    for (let i = 0; i < 6; i++) clients.push(connect(servers[i % 3]!, review.id, review.tokens.editor));
    await Promise.all(clients.map(synced));
    const minute = Date.UTC(2026, 10, 28, 9, 0);
    const shared = addEntry(clients[0]!.doc, { at: minute, summary: '' }, defaultContext('a'));
    await waitFor(() => clients.every((c) => readTimeline(c.doc).some((e) => e.id === shared)), 'the entry everywhere');
    await Promise.all(
      clients.map(async (c, i) => {
        for (let k = 0; k < 10; k++) {
          addEntry(c.doc, { at: minute, summary: `c${i}-${k}` }, defaultContext(`p${i}`));
          const text = c.doc.getMap('timeline').get(shared) as Y.Map<unknown>;
          (text.get('summary') as Y.Text).insert(0, String(i));
          await new Promise((r) => setTimeout(r, 3));
        }
      }),
    );
    await waitFor(
      () => new Set(clients.map((c) => canonical(c.doc))).size === 1 && readTimeline(clients[0]!.doc).length === 61,
      'all six clients on three servers to converge',
      20_000,
    );
    const exports = await Promise.all(servers.map((s) => exportJson(s, review.id, review.tokens.observer)));
    expect(exports[1]).toEqual(exports[0]);
    expect(exports[2]).toEqual(exports[0]);
    expect((exports[0]!.timeline as unknown[]).length).toBe(61);
  });

  it('an observer on one server cannot write through another', async () => {
    const observer = await openRawOk(servers[1]!, review.id, review.tokens.observer);
    const forged = new Y.Doc();
    addEntry(forged, { at: 0, summary: 'forged by an observer' }, defaultContext('mallory'));
    observer.send(updateMessage(Y.encodeStateAsUpdate(forged)));
    // The positive signal: server 1 closed the observer as read-only (judged by length, never decoded).
    expect((await observer.closed).code).toBe(CloseCode.ReadOnly);
    const honest = clients[0]!;
    addEntry(honest.doc, { at: 1, summary: 'honest after the forgery' }, defaultContext('a'));
    await waitFor(
      () => clients.every((c) => readTimeline(c.doc).some((e) => e.summary === 'honest after the forgery')),
      'the honest edit everywhere',
    );
    for (const c of clients) expect(readTimeline(c.doc).some((e) => e.summary.includes('forged'))).toBe(false);
    for (const s of servers)
      expect(JSON.stringify(await exportJson(s, review.id, review.tokens.observer))).not.toContain('forged');
  });

  it('shares presence across servers, stamped by the server each client is on', async () => {
    const [a, b] = [clients[0]!, clients[1]!]; // on servers 0 and 1
    a.provider.awareness.setLocalStateField('user', { name: 'Ana', role: 'facilitator' });
    await waitFor(() => {
      const s = b.provider.awareness.getStates().get(a.doc.clientID) as
        { user?: { name: string; role: string } } | undefined;
      return s?.user?.name === 'Ana' && s.user.role === 'editor';
    }, 'Ana’s presence, as an editor, on the other server');
  });

  it('a revoked link is cut off on every server', async () => {
    const auth = { authorization: `Bearer ${review.tokens.facilitator}`, 'content-type': 'application/json' };
    const res = await servers[2]!.fetch(`/api/reviews/${review.id}/links`, {
      method: 'POST',
      headers: auth,
      body: '{"role":"editor"}',
    });
    const link = (await res.json()) as { id: string; url: string };
    const token = new URL(link.url).hash.slice(3);
    const peers = await Promise.all(servers.map((s) => openRawOk(s, review.id, token)));
    const revoke = await servers[0]!.fetch(`/api/reviews/${review.id}/links/${link.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(revoke.status).toBe(200);
    const codes = await Promise.all(peers.map((p) => p.closed.then((c) => c.code)));
    expect(codes).toEqual([CloseCode.LinkRevoked, CloseCode.LinkRevoked, CloseCode.LinkRevoked]);
  });

  it('kill -9 of one server while everyone edits: its clients move on, nothing anyone received is lost', async () => {
    const victim = servers[2]!;
    const onVictim = clients.filter((_, i) => i % 3 === 2);
    let stop = false;
    const streams = clients.map(async (c, i) => {
      for (let k = 0; !stop && k < 200; k++) {
        addEntry(c.doc, { at: 2_000_000 + k, summary: `kill-${i}-${k}` }, defaultContext(`p${i}`));
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    await waitFor(
      () => readTimeline(clients[0]!.doc).filter((e) => e.summary.startsWith('kill-')).length > 150,
      'a good part of the stream',
    );
    await victim.kill9();
    // What each surviving client had received from its server at the moment of the crash.
    const survivors = clients.filter((c) => !onVictim.includes(c));
    const seenBefore = new Set(survivors.flatMap((c) => readTimeline(c.doc).map((e) => e.summary)));
    stop = true;
    await Promise.all(streams);
    // The victim's clients reconnect to another server with their documents.
    const moved = onVictim.map((c, i) => {
      c.provider.destroy();
      return connect(servers[i % 2]!, review.id, review.tokens.editor, c.doc);
    });
    await Promise.all(moved.map(synced));
    const everyone = [...survivors, ...moved];
    await waitFor(
      () => new Set(everyone.map((c) => canonical(c.doc))).size === 1,
      'everyone to converge after the crash',
      20_000,
    );
    const stored = new Set(
      ((await exportJson(servers[0]!, review.id, review.tokens.observer)).timeline as { summary: string }[]).map(
        (e) => e.summary,
      ),
    );
    expect([...seenBefore].filter((s) => !stored.has(s))).toEqual([]);
    // Every edit anyone made, including what only the victim had seen, is there.
    const made = new Set(everyone.flatMap((c) => readTimeline(c.doc).map((e) => e.summary)));
    expect([...made].filter((s) => !stored.has(s))).toEqual([]);
    clients.splice(0, clients.length, ...everyone);
    servers = servers.slice(0, 2);
  });
});
