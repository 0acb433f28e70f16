// Earlier reviews by capability, over the real server and stock clients: an
// editor links an earlier review by pasting one of its links; the token never
// reaches the document; the later review's links (and its published page) see
// the earlier review's title, status and unfinished actions only while that
// link is unrevoked; an id written into the document by a raw client shows
// nothing but the id; bad pastes are refused and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, defaultContext, linkEarlierReview, readActionsModel, readEarlierReviews } from '@hindsight/doc';
import { EARLIER_LINK_INVALID, type EarlierReviewInfo, type PublishedEarlier } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

interface Earlier {
  reviews: EarlierReviewInfo[];
  items: { reviewId: string; title: string; owner: string | null }[];
}

describe('earlier reviews by capability', () => {
  let server: RunningServer;
  let earlier: ReviewHandle;
  let secret: ReviewHandle;
  let later: ReviewHandle;
  let laterEditor: Client;
  const clients: Client[] = [];
  const ctx = defaultContext('Dana Smith');

  const paste = (link: string, token = later.tokens.editor) =>
    server.fetch(`/api/reviews/${later.id}/earlier`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(token) },
      body: JSON.stringify({ link }),
    });
  const earlierActions = async (token = later.tokens.observer): Promise<Earlier> => {
    const res = await server.fetch(`/api/reviews/${later.id}/earlier-actions`, { headers: auth(token) });
    expect(res.status).toBe(200);
    return (await res.json()) as Earlier;
  };
  const publishedPage = async () => {
    const res = await server.fetch(`/api/reviews/${later.id}/published`, { headers: auth(later.tokens.reader) });
    expect(res.status).toBe(200);
    return (await res.json()) as { html: string; earlier: PublishedEarlier };
  };

  beforeAll(async () => {
    server = await startServer();
    earlier = await server.createReview('Edge reload loop');
    secret = await server.createReview('Payroll export leaked salaries');
    later = await server.createReview('Reload loop, second time');
    const old = connect(server, earlier.id, earlier.tokens.editor);
    const hidden = connect(server, secret.id, secret.tokens.editor);
    laterEditor = connect(server, later.id, later.tokens.editor);
    clients.push(old, hidden, laterEditor);
    await Promise.all(clients.map(synced));
    addAction(old.doc, { title: 'Alert on reload loops', owner: 'Priya Patel', due: '2020-01-10' }, ctx);
    addAction(hidden.doc, { title: 'Rotate the payroll bucket keys', owner: 'Sam Lee' }, ctx);
    const observer = connect(server, earlier.id, earlier.tokens.observer);
    await waitFor(() => readActionsModel(observer.doc).items.length === 1, 'the action to be stored');
    observer.destroy();
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.stop();
  });

  it('refuses an id alone, this review, a reader link, a foreign token and an observer; nothing is linked', async () => {
    const cases: [string, string, number, RegExp][] = [
      [earlier.id, later.tokens.editor, 400, /id alone is not enough/],
      [`${server.origin}/r/${earlier.id}`, later.tokens.editor, 400, /id alone is not enough/],
      [later.links.editor, later.tokens.editor, 400, /this review/],
      [earlier.links.reader, later.tokens.editor, 400, /published review/],
      // Another review's token under the earlier review's id.
      [`${server.origin}/r/${earlier.id}#t=${secret.tokens.editor}`, later.tokens.editor, 400, /another review/],
      [earlier.links.editor, later.tokens.observer, 403, /read-only/],
      [earlier.links.editor, later.tokens.reader, 403, /published review/],
    ];
    for (const [link, token, status, message] of cases) {
      const res = await paste(link, token);
      expect(res.status, link).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const plain = await server.fetch(`/api/reviews/${later.id}/earlier`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...auth(later.tokens.editor) },
      body: JSON.stringify({ link: earlier.links.editor }),
    });
    expect(plain.status).toBe(415);
    expect(await earlierActions()).toEqual({ reviews: [], items: [] });
    expect(readEarlierReviews(laterEditor.doc)).toEqual([]);
  });

  it('links by a pasted link: the document gets the id only, every link of the review sees title and actions', async () => {
    const res = await paste(`  ${earlier.links.editor}  `);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      reviewId: earlier.id,
      valid: true,
      title: 'Edge reload loop',
      status: 'collecting',
    });
    await waitFor(() => readEarlierReviews(laterEditor.doc).length === 1, 'the link to reach the editor');
    const [linked] = readEarlierReviews(laterEditor.doc);
    expect(linked).toMatchObject({ reviewId: earlier.id, title: null });
    // The pasted token is nowhere in the document every editor and observer receives.
    expect(Buffer.from(Y.encodeStateAsUpdate(laterEditor.doc)).toString('latin1')).not.toContain(earlier.tokens.editor);

    const seen = await earlierActions();
    expect(seen.reviews).toEqual([
      { reviewId: earlier.id, valid: true, title: 'Edge reload loop', status: 'collecting' },
    ]);
    expect(seen.items.map((i) => [i.title, i.owner])).toEqual([['Alert on reload loops', 'Priya Patel']]);
  });

  it('shows nothing but the id of a review written into the document without a pasted link', async () => {
    linkEarlierReview(laterEditor.doc, { reviewId: secret.id, title: 'typed by a raw client' }, ctx);
    await expect.poll(async () => (await earlierActions()).reviews.length, { timeout: 10_000 }).toBe(2);
    const seen = await earlierActions(later.tokens.editor);
    expect(seen.reviews).toContainEqual({ reviewId: secret.id, valid: false, message: EARLIER_LINK_INVALID });
    expect(JSON.stringify(seen)).not.toMatch(/Payroll|payroll bucket|Sam Lee/);
    const html = await (
      await server.fetch(`/api/reviews/${later.id}/export.html`, { headers: auth(later.tokens.observer) })
    ).text();
    expect(html).toContain('Edge reload loop');
    expect(html).not.toMatch(/Payroll|typed by a raw client/);
  });

  it('the published page names the earlier review while its link is valid; once revoked, it says so', async () => {
    const published = await server.fetch(`/api/reviews/${later.id}/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(later.tokens.facilitator) },
      body: '{}',
    });
    expect(published.status).toBe(200);
    const before = await publishedPage();
    expect(before.earlier.reviews).toContainEqual({
      reviewId: earlier.id,
      valid: true,
      title: 'Edge reload loop',
      status: 'collecting',
    });
    expect(before.earlier.unfinished).toEqual([
      { reviewId: earlier.id, title: 'Alert on reload loops', due: '2020-01-10', overdue: true },
    ]);
    expect(before.html).toContain('Edge reload loop');
    // A reader gets no names, of this review or the earlier one.
    expect(JSON.stringify(before.earlier)).not.toContain('Priya');
    expect(JSON.stringify(before)).not.toMatch(/Payroll|Sam Lee/);

    // The earlier review's facilitator revokes the pasted link.
    const links = (await (
      await server.fetch(`/api/reviews/${earlier.id}/links`, { headers: auth(earlier.tokens.facilitator) })
    ).json()) as { links: { id: string; role: string }[] };
    const editorLink = links.links.find((l) => l.role === 'editor')!;
    const revoked = await server.fetch(`/api/reviews/${earlier.id}/links/${editorLink.id}`, {
      method: 'DELETE',
      headers: auth(earlier.tokens.facilitator),
    });
    expect(revoked.status).toBe(200);

    const after = await earlierActions();
    expect(after.reviews).toContainEqual({ reviewId: earlier.id, valid: false, message: EARLIER_LINK_INVALID });
    expect(after.items).toEqual([]);
    const page = await publishedPage();
    expect(page.earlier.reviews).toContainEqual({ reviewId: earlier.id, valid: false, message: EARLIER_LINK_INVALID });
    expect(page.earlier.unfinished).toEqual([]);
    expect(page.html).not.toContain('Edge reload loop');

    // A current link of the earlier review shows it again.
    expect((await paste(earlier.links.facilitator)).status).toBe(201);
    expect((await earlierActions()).reviews).toContainEqual(
      expect.objectContaining({ reviewId: earlier.id, valid: true }),
    );
  });
});
