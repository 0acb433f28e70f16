// Reader links are for later readers of the published review: the sync socket,
// the session, the edit history and every live route refuse them (saying what
// the link is for); before the first publication they learn only that the
// review is being written and when it started; after, the last publication,
// anonymised, and nothing edited since.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction, addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRaw } from '../helpers/raw.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const T0 = Date.UTC(2026, 4, 4, 21, 5);
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

interface Published {
  published: boolean;
  startedAt?: string;
  version?: number;
  publishedAt?: string;
  versions?: { version: number; publishedAt: string }[];
  amendedSections?: string[];
  html?: string;
  review?: { title: string; timeline: { summary: string; at: string }[]; actions: { owner: string | null }[] };
}

describe('reader links', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let editor: Client;
  const ctx = defaultContext('Priya Natarajan');

  const published = async (token = review.tokens.reader): Promise<Published> => {
    const res = await server.fetch(`/api/reviews/${review.id}/published`, auth(token));
    expect(res.status).toBe(200);
    return (await res.json()) as Published;
  };
  const publish = async (): Promise<void> => {
    const res = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      ...auth(review.tokens.facilitator),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Priya Natarajan restarted the primary', {
      startedAt: T0,
      facilitatorName: 'Fay Okafor',
    });
    editor = connect(server, review.id, review.tokens.editor);
    await synced(editor);
    addEntry(editor.doc, { at: T0, summary: 'Priya Natarajan restarted the primary database' }, ctx);
    addAction(editor.doc, { title: 'Add a replica health check', owner: 'Priya Natarajan' }, ctx);
    const observer = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(observer.doc).length === 1, 'the entry to be stored');
    observer.destroy();
  });
  afterAll(async () => {
    editor.destroy();
    await server.stop();
  });

  it('never gets the live document: the sync upgrade is refused with 403, saying what the link opens', async () => {
    const outcome = await openRaw(server, review.id, review.tokens.reader);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.status).toBe(403);
    expect(outcome.bytesAfter).toBe(0);
    const body = JSON.parse(outcome.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toMatch(/only the published review/);
    expect(body.error.message).toContain(`/read/${review.id}`);
    expect(outcome.body).not.toContain('Priya');
  });

  it('is refused by every live route: session, publication, history, earlier reviews, links', async () => {
    for (const path of ['session', 'publication', 'history', 'history/state?seq=1', 'earlier-actions', 'links']) {
      const res = await server.fetch(`/api/reviews/${review.id}/${path}`, auth(review.tokens.reader));
      expect(res.status, path).toBe(403);
      expect(await res.text(), path).not.toContain('Priya');
    }
  });

  it('before publication: only that the review is being written and when it started', async () => {
    expect(await published()).toEqual({
      published: false,
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown as string,
    });
    for (const path of ['export.json', 'export.md', 'export.html?anonymised=0']) {
      const res = await server.fetch(`/api/reviews/${review.id}/${path}`, auth(review.tokens.reader));
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body).toMatch(/not been published yet/);
      expect(body).not.toContain('Priya');
    }
  });

  it('after publication: the anonymised report and replay data, never edits made since', async () => {
    await publish();
    addEntry(editor.doc, { at: T0 + 60_000, summary: 'Unpublished draft note by Priya' }, ctx);
    const observer = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(observer.doc).length === 2, 'the later edit to be stored');
    observer.destroy();

    const first = await published();
    expect(first.published).toBe(true);
    expect(first.version).toBe(1);
    expect(first.versions).toEqual([{ version: 1, publishedAt: first.publishedAt }]);
    expect(first.review!.timeline.map((e) => e.at)).toEqual([new Date(T0).toISOString()]);
    expect(first.review!.timeline[0]!.summary).toMatch(/restarted the primary database/);
    expect(first.review!.actions[0]!.owner).not.toBeNull();
    expect(first.html).toContain('restarted the primary database');
    const everything = JSON.stringify(first);
    expect(everything).not.toMatch(/Priya|Natarajan|Fay|Okafor/);
    expect(everything).not.toContain('Unpublished draft note');

    // The exports answer a reader with the same published, anonymised review, whatever it asks for.
    const json = JSON.stringify(await exportJson(server, review.id, review.tokens.reader));
    expect(json).toContain('restarted the primary database');
    expect(json).not.toMatch(/Priya|Natarajan|Unpublished/);
    const md = await (
      await server.fetch(`/api/reviews/${review.id}/export.md?anonymised=0&version=current`, auth(review.tokens.reader))
    ).text();
    expect(md).toContain('restarted the primary database');
    expect(md).not.toMatch(/Priya|Natarajan|Unpublished/);
    // The observer, a live link, still sees the named, current review.
    expect(JSON.stringify(await exportJson(server, review.id, review.tokens.observer))).toContain('Unpublished');
  });

  it('a new publication is a new version with its date and the sections it amended', async () => {
    await publish();
    const second = await published();
    expect(second.version).toBe(2);
    expect(second.versions!.map((v) => v.version)).toEqual([1, 2]);
    expect(second.amendedSections).toEqual(['timeline']);
    expect(second.review!.timeline).toHaveLength(2);
    expect(JSON.stringify(second)).not.toMatch(/Priya|Natarajan/);
  });
});
