// Records the stock y-websocket client writes as SPEC 3.4 allows (a minimal entry, an unknown
// kind, no notes) or worse: the server stores them and every export reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';
import { minimalEntry, writeRaw } from '../helpers/rawRecords.ts';

const T0 = Date.UTC(2026, 10, 28, 13, 0);
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('exports of records other clients wrote', () => {
  let server: RunningServer;
  let review: ReviewHandle;

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Odd records', { startedAt: T0 });
    await writeRaw(server, review.id, review.tokens.editor, (doc) => {
      const timeline = doc.getMap('timeline');
      timeline.set('min-1', minimalEntry('min-1', T0 + 60_000, 'DB failover started'));
      timeline.set('odd-kind', minimalEntry('odd-kind', T0 + 120_000, 'Pager rotated', 'hand|over <b>'));
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('export.json lists the minimal entry with empty notes and the unknown kind as stored', async () => {
    const out = (await exportJson(server, review.id, review.tokens.observer)) as {
      timeline: { id: string; summary: string; notes: string; kind: string; tags: string[] }[];
      humanFactors: { id: string; answer: string }[];
    };
    expect(out.timeline.map((e) => [e.id, e.summary, e.notes, e.kind, e.tags])).toEqual([
      ['min-1', 'DB failover started', '', 'observation', []],
      ['odd-kind', 'Pager rotated', '', 'hand|over <b>', []],
    ]);
    // (A plain-string answer no longer reaches the store: the write gate refuses it with 4422.)
    expect(out.humanFactors.find((q) => q.id === 'rested')?.answer).toBe('');
  });

  it('export.md and export.html show both entries, the unknown kind escaped', async () => {
    const md = await server.fetch(`/api/reviews/${review.id}/export.md?timeline=all`, auth(review.tokens.observer));
    expect(md.status).toBe(200);
    const text = await md.text();
    expect(text).toContain('DB failover started');
    expect(text).toContain('hand\\|over &lt;b&gt;');
    const html = await server.fetch(`/api/reviews/${review.id}/export.html?timeline=all`, auth(review.tokens.observer));
    expect(html.status).toBe(200);
    const page = await html.text();
    expect(page).toContain('Pager rotated');
    expect(page).toContain('hand|over &lt;b&gt;');
    expect(page).not.toContain('<b>');
  });
});
