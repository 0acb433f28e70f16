// The published page of a later review is anonymised, and so is its 'earlier'
// block: an earlier review's title and unfinished actions, pasted in by an
// editor, reach a reader link without the names they hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction, defaultContext, readActionsModel } from '@hindsight/doc';
import type { PublishedEarlier } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the published earlier block is anonymised', () => {
  let server: RunningServer;
  let earlier: ReviewHandle;
  let later: ReviewHandle;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startServer();
    earlier = await server.createReview('Priya Patel deployed the broken edge config');
    later = await server.createReview('Reload loop, second time');
    const old = connect(server, earlier.id, earlier.tokens.editor);
    clients.push(old);
    await synced(old);
    addAction(
      old.doc,
      { title: 'Priya Patel adds an alert on reload loops', owner: 'Priya Patel' },
      defaultContext('Dana Smith'),
    );
    const observer = connect(server, earlier.id, earlier.tokens.observer);
    clients.push(observer);
    await waitFor(() => readActionsModel(observer.doc).items.length === 1, 'the action to be stored');
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.stop();
  });

  it('a reader sees the earlier review and its action without the name in them', async () => {
    const pasted = await server.fetch(`/api/reviews/${later.id}/earlier`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(later.tokens.editor) },
      body: JSON.stringify({ link: earlier.links.editor }),
    });
    expect(pasted.status).toBe(201);
    const published = await server.fetch(`/api/reviews/${later.id}/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(later.tokens.facilitator) },
      body: '{}',
    });
    expect(published.status).toBe(200);
    const res = await server.fetch(`/api/reviews/${later.id}/published`, { headers: auth(later.tokens.reader) });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { html: string; earlier: PublishedEarlier };
    expect(page.earlier.reviews).toHaveLength(1);
    expect(page.earlier.reviews[0]).toMatchObject({
      valid: true,
      title: expect.stringContaining('deployed the broken edge'),
    });
    expect(page.earlier.unfinished.map((a) => a.title)).toEqual([
      expect.stringContaining('adds an alert on reload loops'),
    ]);
    expect(JSON.stringify(page)).not.toMatch(/Priya|Patel/);
    // The same pseudonym as the report's 'Related earlier reviews'.
    const [shown] = page.earlier.reviews;
    expect(shown?.valid && page.html.includes(shown.title)).toBe(true);
  });
});
