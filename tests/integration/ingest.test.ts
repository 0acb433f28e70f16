// Live alert ingest: an ingest link (its own token, ingest-only, revocable)
// posts Alertmanager and generic alerts into the live document; connected
// stock clients see them appear; every refused or malformed post changes nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTimeline } from '@hindsight/doc';
import type { LinkInfo } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRaw } from '../helpers/raw.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const fixture = (path: string): string => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const firing = fixture('alertmanager/firing.json');
const resolved = fixture('alertmanager/resolved.json');
const generic = fixture('generic-alerts.json');

describe('alert ingest', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let other: ReviewHandle;
  let ingest: LinkInfo & { url: string; token: string };
  let a: Client;
  let b: Client;

  const post = (path: string, body: string, token: string | null, id = review.id): Promise<Response> =>
    server.fetch(`/api/reviews/${id}/ingest/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body,
    });
  const entries = async (): Promise<{ summary: string; at: string; source: { type: string; ref: string } }[]> =>
    (await exportJson(server, review.id, review.tokens.observer)).timeline as never;

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Checkout outage');
    other = await server.createReview('Another incident');
    const res = await server.fetch(`/api/reviews/${review.id}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${review.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ingest', label: 'Alertmanager' }),
    });
    expect(res.status).toBe(201);
    ingest = (await res.json()) as typeof ingest;
    a = connect(server, review.id, review.tokens.editor);
    b = connect(server, review.id, review.tokens.observer);
    await Promise.all([synced(a), synced(b)]);
  });
  afterAll(async () => {
    a?.destroy();
    b?.destroy();
    await server.stop();
  });

  it('gives the facilitator an ingest URL and a bearer token, not an app link', () => {
    expect(ingest.role).toBe('ingest');
    expect(ingest.url).toBe(`${server.origin}/api/reviews/${review.id}/ingest/alertmanager`);
    expect(ingest.url).not.toContain('#');
    expect(ingest.token.length).toBeGreaterThan(20);
  });

  it('refuses missing, wrong, other-review and non-ingest tokens, changing nothing', async () => {
    const cases: [string | null, number, string][] = [
      [null, 401, review.id],
      ['not-a-real-token', 401, review.id],
      [other.tokens.facilitator, 403, review.id],
      [review.tokens.editor, 403, review.id],
      [review.tokens.observer, 403, review.id],
      [review.tokens.reader, 403, review.id],
      [ingest.token, 403, other.id],
    ];
    for (const [token, status, id] of cases) {
      const res = await post('alertmanager', firing, token, id);
      expect(res.status, `${token} on ${id}`).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message.length).toBeGreaterThan(0);
    }
    expect(await entries()).toEqual([]);
    expect(readTimeline(a.doc)).toEqual([]);
  });

  it('cannot open the sync WebSocket, the session or the export with an ingest token', async () => {
    const outcome = await openRaw(server, review.id, ingest.token);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') {
      expect(outcome.status).toBe(403);
      expect(outcome.bytesAfter).toBe(0);
    }
    for (const path of ['session', 'export.json', 'links']) {
      const res = await server.fetch(`/api/reviews/${review.id}/${path}`, {
        headers: { authorization: `Bearer ${ingest.token}` },
      });
      expect(res.status, path).toBe(403);
    }
  });

  it('refuses a malformed payload with 400 naming the problem, changing nothing', async () => {
    const broken = JSON.parse(firing) as { alerts: Record<string, unknown>[] };
    broken.alerts[1]!.startsAt = 'yesterday';
    const cases: [string, string, RegExp][] = [
      ['alertmanager', '{"alerts": ', /body must be JSON/],
      ['alertmanager', '{"status": "firing"}', /"alerts" must be a list/],
      ['alertmanager', JSON.stringify(broken), /alerts\[1\]\.startsAt must be an RFC 3339 time/],
      ['alerts', '{"alerts": [{"id": "x", "title": "t", "at": "soon"}]}', /alerts\[0\]\.at must be an ISO 8601 time/],
    ];
    for (const [path, body, message] of cases) {
      const res = await post(path, body, ingest.token);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await entries()).toEqual([]);
  });

  it('adds firing alerts that both connected clients see appear', async () => {
    const res = await post('alertmanager', firing, ingest.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ added: 2, alreadyPresent: 0 });
    for (const client of [a, b]) {
      await waitFor(() => readTimeline(client.doc).length === 2, 'the alerts on a client');
    }
    expect(readTimeline(b.doc).map((e) => [e.summary, new Date(e.at).toISOString(), e.kind, e.source.type])).toEqual([
      [
        'Firing: CheckoutErrorRate — Checkout 5xx ratio above 5% for 5 minutes',
        '2026-10-24T21:37:30.123Z',
        'alert',
        'alert',
      ],
      [
        'Firing: DBConnectionsSaturated — db-primary is at max_connections',
        '2026-10-24T21:41:00.000Z',
        'alert',
        'alert',
      ],
    ]);
    expect(readTimeline(a.doc)[0]).toMatchObject({
      createdBy: 'Alertmanager',
      source: { ref: 'alertmanager CheckoutErrorRate a1f6c2d3e4b5a697' },
    });
  });

  it('adds only the resolutions when the resolved payload follows, and nothing on a re-post', async () => {
    let res = await post('alertmanager', resolved, ingest.token);
    expect(await res.json()).toEqual({ added: 2, alreadyPresent: 2 });
    res = await post('alertmanager', resolved, ingest.token);
    expect(await res.json()).toEqual({ added: 0, alreadyPresent: 4 });
    // Concurrent re-posts of the same payload are serialised: still nothing twice.
    const again = await Promise.all([1, 2, 3].map(() => post('alertmanager', firing, ingest.token)));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    await waitFor(() => readTimeline(a.doc).length === 4 && readTimeline(b.doc).length === 4, 'the resolutions');
    expect((await entries()).map((e) => e.summary.split(' —')[0])).toEqual([
      'Firing: CheckoutErrorRate',
      'Firing: DBConnectionsSaturated',
      'Resolved: DBConnectionsSaturated',
      'Resolved: CheckoutErrorRate',
    ]);
  });

  it('takes the generic alert shape at /ingest/alerts', async () => {
    const res = await post('alerts', generic, ingest.token);
    expect(await res.json()).toEqual({ added: 3, alreadyPresent: 0 });
    expect(await (await post('alerts', generic, ingest.token)).json()).toEqual({ added: 0, alreadyPresent: 3 });
    await waitFor(() => readTimeline(b.doc).length === 7, 'the generic alerts');
  });

  it('stores what it ingests durably: a restarted server still has it', async () => {
    await server.stop();
    server = await startServer({ dataDir: server.dataDir });
    expect(await entries()).toHaveLength(7);
  });

  it('stops accepting a revoked ingest link', async () => {
    const del = await server.fetch(`/api/reviews/${review.id}/links/${ingest.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(del.status).toBe(200);
    const res = await post('alertmanager', firing, ingest.token);
    expect(res.status).toBe(403);
  });
});
