// Who may connect and what: every refused token gets an HTTP error before the
// upgrade and not one byte of the document; link management is facilitator-only;
// revoking a link cuts its open connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@hindsight/protocol';
import * as Y from 'yjs';
import { openRaw, openRawOk, syncStep1Message } from '../helpers/raw.ts';
import { startServer, tokenOf, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

describe('capability links', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let other: ReviewHandle;

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Payments latency');
    other = await server.createReview('Another incident');
  });
  afterAll(async () => {
    await server.stop();
  });

  const refusals: [string, () => string | null, number][] = [
    ['a missing token', () => null, 401],
    ['an unknown token', () => 'not-a-real-token-at-all', 401],
    ["another review's token", () => other.tokens.editor, 403],
  ];
  for (const [name, token, status] of refusals) {
    it(`refuses ${name} with ${status} and sends no document bytes`, async () => {
      const outcome = await openRaw(server, review.id, token());
      expect(outcome.kind).toBe('refused');
      if (outcome.kind !== 'refused') return;
      expect(outcome.status).toBe(status);
      expect(outcome.bytesAfter).toBe(0);
      const body = JSON.parse(outcome.body) as { error: { code: string; message: string } };
      expect(body.error.message).not.toHaveLength(0);
      expect(body.error.message).not.toContain('Payments latency');
    });
  }

  it('accepts the live links; writers are greeted with sync step 1, an observer answered when it asks', async () => {
    for (const token of [review.tokens.facilitator, review.tokens.editor]) {
      const peer = await openRawOk(server, review.id, token);
      await expect.poll(() => peer.received.length).toBeGreaterThan(0);
      expect([...peer.received[0]!.slice(0, 2)]).toEqual([0, 0]); // messageSync, sync step 1
      peer.ws.close();
    }
    // A read-only link is never asked for its state: it gets sync step 2 when it sends step 1.
    const observer = await openRawOk(server, review.id, review.tokens.observer);
    observer.send(syncStep1Message(new Y.Doc()));
    await expect.poll(() => observer.received.length).toBeGreaterThan(0);
    expect([...observer.received[0]!.slice(0, 2)]).toEqual([0, 1]); // messageSync, sync step 2
    observer.ws.close();
  });

  it('lets only the facilitator manage links', async () => {
    for (const token of [review.tokens.editor, review.tokens.observer, review.tokens.reader]) {
      const res = await server.fetch(`/api/reviews/${review.id}/links`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    const res = await server.fetch(`/api/reviews/${review.id}/links`, {
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(res.status).toBe(200);
    const { links } = (await res.json()) as { links: { role: string }[] };
    expect(links.map((l) => l.role).sort()).toEqual(['editor', 'facilitator', 'observer', 'reader']);
  });

  it('revokes a link: its open socket closes, new upgrades and API calls are refused', async () => {
    const auth = { authorization: `Bearer ${review.tokens.facilitator}`, 'content-type': 'application/json' };
    const created = await server.fetch(`/api/reviews/${review.id}/links`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ role: 'editor', label: 'SRE on call' }),
    });
    expect(created.status).toBe(201);
    const link = (await created.json()) as { id: string; url: string; label: string };
    expect(link.label).toBe('SRE on call');
    const token = tokenOf(link.url);

    const peer = await openRawOk(server, review.id, token);
    const revoked = await server.fetch(`/api/reviews/${review.id}/links/${link.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(revoked.status).toBe(200);
    expect((await peer.closed).code).toBe(CloseCode.LinkRevoked);

    const again = await openRaw(server, review.id, token);
    expect(again.kind === 'refused' && again.status).toBe(403);
    const exportRes = await server.fetch(`/api/reviews/${review.id}/export.json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exportRes.status).toBe(403);
  });

  it('answers API errors as JSON with a code and a message', async () => {
    const bad = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ""}',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/title/);
    const noToken = await server.fetch(`/api/reviews/${review.id}/export.json`);
    expect(noToken.status).toBe(401);
    const missing = await server.fetch('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('reports health; Prometheus metrics need the operator token, which this server has not set', async () => {
    expect((await server.fetch('/healthz')).status).toBe(200);
    const refused = await server.fetch('/metrics');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('CREATE_TOKEN');
  });
});

describe('creating reviews with an operator token', () => {
  it('serves Prometheus metrics to the operator token', async () => {
    const server = await startServer({ env: { CREATE_TOKEN: 'operator-secret-0123456789' } });
    try {
      const text = await (
        await server.fetch('/metrics', { headers: { authorization: 'Bearer operator-secret-0123456789' } })
      ).text();
      for (const name of [
        'hindsight_connections',
        'hindsight_rooms_loaded',
        'hindsight_updates_relayed_total',
        'hindsight_store_append_seconds',
      ]) {
        expect(text).toContain(name);
      }
    } finally {
      await server.stop();
    }
  });

  it('requires CREATE_TOKEN as a bearer token when it is set', async () => {
    const server = await startServer({ env: { CREATE_TOKEN: 'operator-secret-0123456789' } });
    try {
      const body = JSON.stringify({ title: 'Locked down' });
      const headers = { 'content-type': 'application/json' };
      expect((await server.fetch('/api/reviews', { method: 'POST', headers, body })).status).toBe(401);
      const ok = await server.fetch('/api/reviews', {
        method: 'POST',
        headers: { ...headers, authorization: 'Bearer operator-secret-0123456789' },
        body,
      });
      expect(ok.status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});
