// The store contract: the behaviour every Store adapter must show. Each adapter
// runs it from its own test file with a factory for fresh, empty stores.
import { describe, expect, it, afterEach } from 'vitest';
import * as Y from 'yjs';
import { migrationContract } from './migration.contract.ts';
import { type LinkRecord, type Store, StoreWriteError } from './store.ts';

export interface StoreFactory {
  /** A fresh, empty store. `reopen` returns a new store over the same data. */
  create(): Promise<{ store: Store; reopen: () => Promise<Store> }>;
}

const link = (over: Partial<LinkRecord> & { id: string; reviewId: string }): LinkRecord => ({
  role: 'editor',
  label: 'Responders',
  tokenHash: `hash-${over.id}`,
  createdAt: 1_700_000_000_000,
  revokedAt: null,
  ...over,
});

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const onUpdate = (u: Uint8Array): void => {
    captured = u;
  };
  doc.on('update', onUpdate);
  doc.getText('t').insert(doc.getText('t').length, text);
  doc.off('update', onUpdate);
  if (!captured) throw new Error('no update produced');
  return captured;
}

function replay(loaded: { checkpoint: Uint8Array | null; tail: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (loaded.checkpoint) Y.applyUpdate(doc, loaded.checkpoint);
  for (const u of loaded.tail) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    const open: Store[] = [];
    const fresh = async (): Promise<{ store: Store; reopen: () => Promise<Store> }> => {
      const made = await factory.create();
      open.push(made.store);
      return {
        store: made.store,
        reopen: async () => {
          const s = await made.reopen();
          open.push(s);
          return s;
        },
      };
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close().catch(() => undefined);
    });

    it('creates a review with its links and first update atomically', async () => {
      const { store } = await fresh();
      const doc = new Y.Doc();
      const first = textUpdate(doc, 'hello');
      await store.createReview(
        { id: 'r1', title: 'Outage', createdAt: 1 },
        [link({ id: 'l1', reviewId: 'r1' })],
        first,
      );
      expect(await store.getReview('r1')).toEqual({ id: 'r1', title: 'Outage', createdAt: 1 });
      expect(await store.getReview('nope')).toBeNull();
      expect((await store.findLinkByTokenHash('hash-l1'))?.reviewId).toBe('r1');
      expect(replay(await store.load('r1'))).toBe('hello');
      // A duplicate id fails and leaves the first review untouched.
      await expect(
        store.createReview({ id: 'r1', title: 'Again', createdAt: 2 }, [link({ id: 'l2', reviewId: 'r1' })], first),
      ).rejects.toThrow();
      expect((await store.getReview('r1'))?.title).toBe('Outage');
      expect(await store.findLinkByTokenHash('hash-l2')).toBeNull();
    });

    it('lists and revokes links, and revocation is scoped to the review', async () => {
      const { store } = await fresh();
      await store.createReview(
        { id: 'a', title: 'A', createdAt: 1 },
        [link({ id: 'la', reviewId: 'a' })],
        new Uint8Array([0, 0]),
      );
      await store.createReview(
        { id: 'b', title: 'B', createdAt: 1 },
        [link({ id: 'lb', reviewId: 'b' })],
        new Uint8Array([0, 0]),
      );
      await store.createLink(link({ id: 'la2', reviewId: 'a', role: 'reader', label: 'Readers' }));
      expect((await store.listLinks('a')).map((l) => l.id).sort()).toEqual(['la', 'la2']);
      expect(await store.revokeLink('b', 'la', 5)).toBe(false);
      expect((await store.findLinkByTokenHash('hash-la'))?.revokedAt).toBeNull();
      expect(await store.revokeLink('a', 'la', 5)).toBe(true);
      expect((await store.findLinkByTokenHash('hash-la'))?.revokedAt).toBe(5);
    });

    it('assigns increasing seqs to appends in one tick and keeps their order', async () => {
      const { store } = await fresh();
      await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const doc = new Y.Doc();
      const updates = Array.from({ length: 50 }, (_, i) => textUpdate(doc, String(i % 10)));
      const seqs = await Promise.all(
        updates.map((u, i) => store.append('r', { update: u, receivedAt: 100 + i, role: 'editor', linkId: 'l' })),
      );
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(50);
      const log = await store.readLog('r', 0, 1000);
      expect(log).toHaveLength(51);
      expect(log[0]?.role).toBe('system');
      expect(log[1]).toMatchObject({ receivedAt: 100, role: 'editor', linkId: 'l' });
      expect(replay(await store.load('r'))).toBe(doc.getText('t').toString());
    });

    it('keeps every appended update across a reopen', async () => {
      const { store, reopen } = await fresh();
      await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const doc = new Y.Doc();
      const earlier: number[] = [];
      for (let i = 0; i < 20; i++)
        earlier.push(
          await store.append('r', { update: textUpdate(doc, 'x'), receivedAt: i, role: 'editor', linkId: null }),
        );
      await store.close();
      const again = await reopen();
      expect(replay(await again.load('r'))).toBe('x'.repeat(20));
      // Seqs keep increasing after the reopen rather than colliding or restarting.
      const seq = await again.append('r', {
        update: textUpdate(doc, 'y'),
        receivedAt: 99,
        role: 'editor',
        linkId: null,
      });
      expect(seq).toBeGreaterThan(Math.max(...earlier));
      expect((await again.load('r')).lastSeq).toBe(seq);
    });

    it('gives two stores over the same data distinct, contiguous seqs when they append to one review at once', async () => {
      const { store: a, reopen } = await fresh();
      const b = await reopen();
      await a.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const da = new Y.Doc();
      const db = new Y.Doc();
      const fromA = Array.from({ length: 40 }, (_, i) => textUpdate(da, String(i % 10)));
      const fromB = Array.from({ length: 40 }, (_, i) => textUpdate(db, String.fromCharCode(97 + (i % 26))));
      // Interleaved across several ticks so both stores have batches in flight together.
      const pending: Promise<number>[] = [];
      for (let i = 0; i < 40; i++) {
        pending.push(a.append('r', { update: fromA[i]!, receivedAt: i, role: 'editor', linkId: 'la' }));
        pending.push(b.append('r', { update: fromB[i]!, receivedAt: i, role: 'editor', linkId: 'lb' }));
        if (i % 8 === 7) await new Promise((r) => setImmediate(r));
      }
      const seqs = await Promise.all(pending);
      const sorted = [...seqs].sort((x, y) => x - y);
      expect(sorted).toEqual(Array.from({ length: 80 }, (_, i) => i + 2));
      // Each store's own appends keep their order.
      const seqsA = seqs.filter((_, i) => i % 2 === 0);
      const seqsB = seqs.filter((_, i) => i % 2 === 1);
      expect(seqsA).toEqual([...seqsA].sort((x, y) => x - y));
      expect(seqsB).toEqual([...seqsB].sort((x, y) => x - y));
      // Either store loads every update.
      const merged = new Y.Doc();
      Y.applyUpdate(merged, Y.encodeStateAsUpdate(da));
      Y.applyUpdate(merged, Y.encodeStateAsUpdate(db));
      for (const s of [a, b]) {
        const loaded = await s.load('r');
        expect(loaded.tail).toHaveLength(81);
        expect(loaded.lastSeq).toBe(81);
        expect(replay(loaded)).toBe(merged.getText('t').toString());
      }
      expect((await b.readLog('r', 0, 1000)).map((u) => u.seq)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    });

    it('refuses an append to an unknown review without failing the others in its tick', async () => {
      const { store } = await fresh();
      await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const doc = new Y.Doc();
      const input = { update: textUpdate(doc, 'ok'), receivedAt: 1, role: 'editor', linkId: null } as const;
      const [unknown, known] = await Promise.allSettled([store.append('ghost', input), store.append('r', input)]);
      expect(unknown.status).toBe('rejected');
      expect(unknown.status === 'rejected' && unknown.reason).toBeInstanceOf(StoreWriteError);
      expect(known).toEqual({ status: 'fulfilled', value: 2 });
      expect(await store.readLog('ghost', 0, 10)).toEqual([]);
      expect((await store.load('ghost')).lastSeq).toBe(0);
      expect(replay(await store.load('r'))).toBe('ok');
    });

    it('refuses an index row for an unknown review without failing the appends and writes of its tick', async () => {
      const { store } = await fresh();
      await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const doc = new Y.Doc();
      const input = { update: textUpdate(doc, 'ok'), receivedAt: 1, role: 'editor', linkId: null } as const;
      const results = await Promise.allSettled([
        store.append('r', input),
        store.putIndex('ghost', 1, '{}'),
        store.compact('r', Y.encodeStateAsUpdate(doc), 2),
        store.putIndex('r', 2, '{"status":"draft"}'),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StoreWriteError);
      const loaded = await store.load('r');
      expect(loaded).toMatchObject({ checkpointSeq: 2, tail: [], lastSeq: 2 });
      expect(replay(loaded)).toBe('ok');
      expect(await store.listIndex()).toEqual([
        { reviewId: 'r', indexedSeq: 2, lastSeq: 2, data: '{"status":"draft"}' },
      ]);
    });

    it('loads a checkpoint plus only the tail after it', async () => {
      const { store } = await fresh();
      await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const doc = new Y.Doc();
      let last = 0;
      for (let i = 0; i < 10; i++)
        last = await store.append('r', { update: textUpdate(doc, 'a'), receivedAt: i, role: 'editor', linkId: null });
      await store.compact('r', Y.encodeStateAsUpdate(doc), last);
      for (let i = 0; i < 3; i++)
        await store.append('r', { update: textUpdate(doc, 'b'), receivedAt: i, role: 'editor', linkId: null });
      const loaded = await store.load('r');
      expect(loaded.checkpointSeq).toBe(last);
      expect(loaded.tail).toHaveLength(3);
      expect(loaded.lastSeq).toBe(last + 3);
      expect(replay(loaded)).toBe('aaaaaaaaaabbb');
      // An older checkpoint never replaces a newer one.
      await store.compact('r', new Uint8Array([0, 0]), 2);
      expect((await store.load('r')).checkpointSeq).toBe(last);
      // The full log stays for replay.
      expect(await store.readLog('r', 0, 100)).toHaveLength(14);
      expect(await store.readLog('r', 12, 100)).toHaveLength(2);
    });

    it('keeps history snapshots and reads log metadata without the bytes', async () => {
      const { store } = await fresh();
      await store.createReview({ id: 'h', title: 'H', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const doc = new Y.Doc();
      for (let i = 0; i < 5; i++) {
        await store.append('h', { update: textUpdate(doc, 'x'), receivedAt: 100 + i, role: 'editor', linkId: 'l1' });
      }
      const meta = await store.readLogMeta('h', 1, 10);
      expect(meta.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6]);
      expect(meta[0]).toEqual({ seq: 2, receivedAt: 100, role: 'editor', linkId: 'l1' });
      expect(await store.snapshotAtOrBefore('h', 6)).toBeNull();
      await store.addSnapshot('h', 3, new Uint8Array([3]));
      await store.addSnapshot('h', 5, new Uint8Array([5]));
      await store.addSnapshot('h', 5, new Uint8Array([9])); // idempotent: the first one stays
      expect(await store.snapshotAtOrBefore('h', 2)).toBeNull();
      expect(await store.snapshotAtOrBefore('h', 4)).toEqual({ seq: 3, state: new Uint8Array([3]) });
      expect(await store.snapshotAtOrBefore('h', 100)).toEqual({ seq: 5, state: new Uint8Array([5]) });
    });

    it('keeps an exact checkpoint as a history snapshot, no denser than asked, never one older than a purge', async () => {
      const { store } = await fresh();
      await store.createReview({ id: 'c', title: 'C', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const doc = new Y.Doc();
      const appendText = (text: string) =>
        store.append('c', { update: textUpdate(doc, text), receivedAt: 1, role: 'editor', linkId: null });
      await appendText('a');
      const secret = 'TOKEN=checkpoint-purge-4417';
      const withSecret = await appendText(secret);
      const atSecret = Y.encodeStateAsUpdate(doc);
      await store.compact('c', atSecret, withSecret, { minGap: 3 });
      // In the same commit as the checkpoint: a seek to that seq starts from it, no builder needed.
      expect(await store.snapshotAtOrBefore('c', withSecret)).toEqual({ seq: withSecret, state: atSecret });
      expect((await store.load('c')).checkpointSeq).toBe(withSecret);
      // Within the gap after it: a checkpoint, but no snapshot.
      const next = await appendText('b');
      await store.compact('c', Y.encodeStateAsUpdate(doc), next, { minGap: 3 });
      expect((await store.load('c')).checkpointSeq).toBe(next);
      expect(await store.snapshotAtOrBefore('c', 100)).toMatchObject({ seq: withSecret });
      // Without asSnapshot (a document not exactly as of its seq): a checkpoint only.
      await appendText('c');
      const seven = await appendText('d');
      await store.compact('c', Y.encodeStateAsUpdate(doc), seven);
      expect((await store.load('c')).checkpointSeq).toBe(seven);
      expect(await store.snapshotAtOrBefore('c', 100)).toMatchObject({ seq: withSecret });
      // A purge drops every snapshot; a compaction from before it that lands after it adds none back.
      const text = doc.getText('t');
      text.delete(0, text.length);
      const purged = await appendText('e');
      await store.purgeHistory('c', Y.encodeStateAsUpdate(doc), purged, 2);
      await store.compact('c', atSecret, withSecret, { minGap: 1 });
      // Nor does the snapshot builder, which may have read the log before the purge.
      await store.addSnapshot('c', withSecret, atSecret);
      expect(await store.snapshotAtOrBefore('c', 100)).toBeNull();
      expect((await store.load('c')).checkpointSeq).toBe(purged);
      // After the purge, an exact checkpoint is a snapshot again.
      const after = await appendText('f');
      const atAfter = Y.encodeStateAsUpdate(doc);
      await store.compact('c', atAfter, after, { minGap: 3 });
      expect(await store.snapshotAtOrBefore('c', 100)).toEqual({ seq: after, state: atAfter });
    });

    it('purges the history up to a seq: one system row with the state, no snapshots, later rows kept', async () => {
      const { store, reopen } = await fresh();
      await store.createReview({ id: 'p', title: 'P', createdAt: 1 }, [], new Uint8Array([0, 0]));
      await store.createReview({ id: 'q', title: 'Q', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const doc = new Y.Doc();
      const secret = 'DB_PASSWORD=purge-me-7731';
      await store.append('p', { update: textUpdate(doc, secret), receivedAt: 10, role: 'editor', linkId: 'l' });
      const text = doc.getText('t');
      let deletion: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (deletion = u));
      text.delete(0, text.length);
      const upto = await store.append('p', { update: deletion!, receivedAt: 11, role: 'editor', linkId: 'l' });
      await store.addSnapshot('p', 2, new Uint8Array([2]));
      // The first screen kept while the secret was on the timeline goes with the history.
      await store.putFirstScreen('p', 1, JSON.stringify({ summary: secret }));
      await store.putFirstScreen('q', 1, '{"summary":"kept"}');
      await store.append('q', { update: textUpdate(new Y.Doc(), secret), receivedAt: 12, role: 'editor', linkId: 'l' });
      // The live document (gc on) holds no deleted text: its state is what the purge stores.
      const state = Y.encodeStateAsUpdate(doc);
      expect(new TextDecoder().decode(state)).not.toContain('purge-me');
      await store.purgeHistory('p', state, upto, 99);
      // One read before the purge and written after it is not kept.
      await store.putFirstScreen('p', 1, JSON.stringify({ summary: secret }));
      const later = await store.append('p', {
        update: textUpdate(doc, 'ok'),
        receivedAt: 100,
        role: 'editor',
        linkId: 'l',
      });
      for (const s of [store, await reopen()]) {
        const log = await s.readLog('p', 0, 100);
        expect(log.map((r) => [r.seq, r.role])).toEqual([
          [upto, 'system'],
          [later, 'editor'],
        ]);
        for (const row of log) expect(new TextDecoder().decode(row.update)).not.toContain('purge-me');
        expect(await s.snapshotAtOrBefore('p', 1000)).toBeNull();
        expect(await s.getFirstScreen('p')).toBeNull();
        expect(await s.getFirstScreen('q')).toEqual({ seq: 1, data: '{"summary":"kept"}' });
        expect(replay(await s.load('p'))).toBe('ok');
        // Another review's history is untouched.
        expect(
          (await s.readLog('q', 0, 100)).some((r) => new TextDecoder().decode(r.update).includes('purge-me')),
        ).toBe(true);
      }
    });

    it('keeps reviews apart', async () => {
      const { store } = await fresh();
      for (const id of ['x', 'y'])
        await store.createReview({ id, title: id, createdAt: 1 }, [], new Uint8Array([0, 0]));
      const dx = new Y.Doc();
      const dy = new Y.Doc();
      await Promise.all([
        store.append('x', { update: textUpdate(dx, 'xx'), receivedAt: 1, role: 'editor', linkId: null }),
        store.append('y', { update: textUpdate(dy, 'yy'), receivedAt: 1, role: 'editor', linkId: null }),
      ]);
      expect(replay(await store.load('x'))).toBe('xx');
      expect(replay(await store.load('y'))).toBe('yy');
      expect((await store.load('none')).tail).toEqual([]);
    });

    it('rejects appends after close instead of acknowledging them', async () => {
      const { store } = await fresh();
      await store.close();
      await expect(
        store.append('r', { update: new Uint8Array([0, 0]), receivedAt: 1, role: 'editor', linkId: null }),
      ).rejects.toThrow(/closed/);
    });

    it('keeps a follow-up index row per review, never replaced by an older seq', async () => {
      const { store, reopen } = await fresh();
      await store.createReview({ id: 'i1', title: 'A', createdAt: 1 }, [], new Uint8Array([0, 0]));
      await store.createReview({ id: 'i2', title: 'B', createdAt: 2 }, [], new Uint8Array([0, 0]));
      expect(await store.listIndex()).toEqual([
        { reviewId: 'i1', indexedSeq: 0, lastSeq: 1, data: null },
        { reviewId: 'i2', indexedSeq: 0, lastSeq: 1, data: null },
      ]);
      await store.append('i1', { update: new Uint8Array([0, 0]), receivedAt: 3, role: 'editor', linkId: null });
      await store.putIndex('i1', 2, '{"v":2}');
      await store.putIndex('i1', 1, '{"v":1}');
      const again = await reopen();
      expect((await again.listIndex())[0]).toEqual({ reviewId: 'i1', indexedSeq: 2, lastSeq: 2, data: '{"v":2}' });
    });

    it('keeps the latest first screen of each review, across a reopen', async () => {
      const { store, reopen } = await fresh();
      await store.createReview({ id: 'f1', title: 'A', createdAt: 1 }, [], new Uint8Array([0, 0]));
      await store.createReview({ id: 'f2', title: 'B', createdAt: 2 }, [], new Uint8Array([0, 0]));
      expect(await store.getFirstScreen('f1')).toBeNull();
      await store.putFirstScreen('f1', 3, '{"v":3}');
      // A write that read an older document (a checkpoint racing an unload) does not replace a newer one.
      await store.putFirstScreen('f1', 2, '{"v":2}');
      await store.putFirstScreen('f2', 1, '{"v":"b"}');
      await store.putFirstScreen('f1', 3, '{"v":"3 again"}');
      for (const s of [store, await reopen()]) {
        expect(await s.getFirstScreen('f1')).toEqual({ seq: 3, data: '{"v":"3 again"}' });
        expect(await s.getFirstScreen('f2')).toEqual({ seq: 1, data: '{"v":"b"}' });
        expect(await s.getFirstScreen('nope')).toBeNull();
      }
    });

    it('records publications with increasing versions and their states', async () => {
      const { store } = await fresh();
      await store.createReview({ id: 'p1', title: 'A', createdAt: 1 }, [], new Uint8Array([0, 0]));
      expect(await store.listPublications('p1')).toEqual([]);
      const v1 = await store.addPublication('p1', { publishedAt: 10, by: 'Fay', state: new Uint8Array([1, 2]) });
      const v2 = await store.addPublication('p1', { publishedAt: 20, by: null, state: new Uint8Array([3]) });
      expect([v1, v2]).toEqual([1, 2]);
      expect(await store.listPublications('p1')).toEqual([
        { reviewId: 'p1', version: 1, publishedAt: 10, by: 'Fay', state: new Uint8Array([1, 2]) },
        { reviewId: 'p1', version: 2, publishedAt: 20, by: null, state: new Uint8Array([3]) },
      ]);
    });

    it('keeps feedback apart per review, refuses a used receipt, and lists answers by content only', async () => {
      const { store, reopen } = await fresh();
      await store.createReview({ id: 'f1', title: 'A', createdAt: 1 }, [], new Uint8Array([0, 0]));
      await store.createReview({ id: 'f2', title: 'B', createdAt: 2 }, [], new Uint8Array([0, 0]));
      const answer = (usefulness: number, change: string) =>
        ({ round: 'meeting', usefulness, safety: 4, timeWellSpent: 3, keep: '', change }) as const;
      expect(await store.addFeedback('f1', 'r-b', answer(5, 'later'))).toBe(true);
      expect(await store.addFeedback('f1', 'r-a', answer(2, 'earlier'))).toBe(true);
      expect(await store.addFeedback('f1', 'r-a', answer(1, 'again'))).toBe(false);
      expect(await store.addFeedback('f2', 'r-c', answer(3, 'other'))).toBe(true);
      const again = await reopen();
      expect((await again.listFeedback('f1')).map((f) => f.answer)).toEqual([answer(2, 'earlier'), answer(5, 'later')]);
      expect((await again.listFeedback(null)).map((f) => f.reviewId)).toEqual(['f1', 'f1', 'f2']);
    });

    it('numbers template versions 1, 2, ... even when saved at once, and keeps each as saved', async () => {
      const { store, reopen } = await fresh();
      expect(await store.listTemplates()).toEqual([]);
      expect(await store.getTemplate(1)).toBeNull();
      const saved = await Promise.all([
        store.addTemplate({ note: 'first', createdAt: 10, content: '{"a":1}' }),
        store.addTemplate({ note: 'second', createdAt: 20, content: '{"a":2}' }),
      ]);
      expect([...saved].sort()).toEqual([1, 2]);
      const again = await reopen();
      expect((await again.listTemplates()).map((t) => t.version)).toEqual([1, 2]);
      const first = await again.getTemplate(saved[0]!);
      expect(first).toEqual({ version: saved[0], note: 'first', createdAt: 10, content: '{"a":1}' });
    });

    migrationContract(fresh);

    it('keeps one active team link: re-minting and revoking keep the old rows, revoked', async () => {
      const { store, reopen } = await fresh();
      expect(await store.listTeamLinks()).toEqual([]);
      const team = (id: string, createdAt: number) => ({ id, tokenHash: `team-${id}`, createdAt, revokedAt: null });
      await store.replaceTeamLink(team('t1', 10), 10);
      await store.replaceTeamLink(team('t2', 20), 20);
      const again = await reopen();
      expect(await again.listTeamLinks()).toEqual([
        { ...team('t1', 10), revokedAt: 20 },
        { ...team('t2', 20), revokedAt: null },
      ]);
      await again.replaceTeamLink(null, 30);
      expect((await again.listTeamLinks()).map((l) => l.revokedAt)).toEqual([20, 30]);
    });

    it('keeps one earlier-review grant per pair: a newly pasted link replaces the old', async () => {
      const { store, reopen } = await fresh();
      expect(await store.listEarlierGrants('later')).toEqual([]);
      const grant = (earlierId: string, linkId: string, grantedAt: number) => ({
        reviewId: 'later',
        earlierId,
        linkId,
        grantedAt,
      });
      await store.putEarlierGrant(grant('b', 'l1', 10));
      await store.putEarlierGrant(grant('a', 'l2', 20));
      await store.putEarlierGrant(grant('b', 'l3', 30));
      await store.putEarlierGrant({ ...grant('a', 'l4', 40), reviewId: 'other' });
      const again = await reopen();
      expect(await again.listEarlierGrants('later')).toEqual([grant('a', 'l2', 20), grant('b', 'l3', 30)]);
    });

    it('answers ping while open', async () => {
      const { store } = await fresh();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
