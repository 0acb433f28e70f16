// Publishing and follow-up over the real server: report exports with every
// kind of link, publishing (facilitator only, seen live by connected clients,
// kept as a publication with amendments), and the cross-review action items
// API, CSV, iCalendar, metrics and repeat-incident links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAction,
  addEntry,
  defaultContext,
  readMeta,
  setIncidentTime,
  setNarrative,
  updateAction,
} from '@hindsight/doc';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const T0 = Date.UTC(2026, 2, 1, 9, 52);
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** Polls `check` until it holds (expect.poll cannot run in hooks). */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('report exports and publishing', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let earlier: ReviewHandle;
  const clients: Client[] = [];
  const ctx = defaultContext('Dana Smith');

  beforeAll(async () => {
    server = await startServer();
    earlier = await server.createReview('Edge reload loop', {
      startedAt: T0 - 30 * 86_400_000,
      facilitatorName: 'Fay Okafor',
    });
    review = await server.createReview('Checkout outage', { startedAt: T0, facilitatorName: 'Fay Okafor' });
    const old = connect(server, earlier.id, earlier.tokens.editor);
    const cur = connect(server, review.id, review.tokens.editor);
    clients.push(old, cur);
    await Promise.all([synced(old), synced(cur)]);
    addAction(old.doc, { title: 'Alert on reload loops', owner: 'Priya Patel', due: '2020-01-10' }, ctx);
    const done = addAction(old.doc, { title: 'Document the reload flag', owner: 'Dana Smith', due: '2020-01-05' }, ctx);
    updateAction(old.doc, { id: done, status: 'done' }, ctx);
    addEntry(
      cur.doc,
      { at: T0, summary: 'Dana Smith pushed config v412 (dana@example.com, 10.0.0.7)', starred: true },
      ctx,
    );
    addEntry(cur.doc, { at: T0 + 360_000, summary: 'Alert: checkout 5xx above 5%', kind: 'alert' }, ctx);
    setIncidentTime(cur.doc, { marker: 'detected', at: T0 + 360_000 }, ctx);
    setIncidentTime(cur.doc, { marker: 'resolved', at: T0 + 71 * 60_000 }, ctx);
    setNarrative(cur.doc, { section: 'wentWell', text: 'The alert fired within 6 minutes.' }, ctx);
    addAction(cur.doc, { title: 'Let rollbacks skip the deploy queue', owner: 'Priya Patel', due: '2099-03-15' }, ctx);
    // The earlier review is linked by pasting one of its links (the server keeps which, outside the document).
    const linked = await server.fetch(`/api/reviews/${review.id}/earlier`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${review.tokens.editor}` },
      body: JSON.stringify({ link: earlier.links.editor }),
    });
    if (linked.status !== 201) throw new Error(`link the earlier review: ${linked.status} ${await linked.text()}`);
    await until(
      async () =>
        JSON.stringify(await exportJson(server, review.id, review.tokens.observer)).includes('skip the deploy queue'),
      'the server to store review',
    );
    await until(
      async () => JSON.stringify(await exportJson(server, earlier.id, earlier.tokens.observer)).includes('reload flag'),
      'the server to store the earlier review',
    );
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.stop();
  });

  it('exports Markdown and HTML with each live link, and refuses a wrong token', async () => {
    const { reader, ...live } = review.tokens;
    // A reader link has only the published review: nothing before the first publication.
    expect((await server.fetch(`/api/reviews/${review.id}/export.md`, auth(reader))).status).toBe(404);
    for (const token of Object.values(live)) {
      const md = await server.fetch(`/api/reviews/${review.id}/export.md`, auth(token));
      expect(md.status).toBe(200);
      expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
      const text = await md.text();
      expect(text).toContain('# Checkout outage');
      expect(text).toContain('Dana Smith pushed config v412');
      const html = await server.fetch(`/api/reviews/${review.id}/export.html`, auth(token));
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await html.text()).toContain('<h2>Action items</h2>');
    }
    const bad = await server.fetch(`/api/reviews/${review.id}/export.md`, auth('not-a-token'));
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const other = await server.fetch(`/api/reviews/${review.id}/export.html`, auth(earlier.tokens.facilitator));
    expect([401, 403]).toContain(other.status);
  });

  it('exports the anonymised version with ?anonymised=1, and previews its changes for the facilitator', async () => {
    const text = await (
      await server.fetch(`/api/reviews/${review.id}/export.md?anonymised=1&timeline=all`, auth(review.tokens.observer))
    ).text();
    expect(text).not.toMatch(/Dana|Priya|dana@example\.com|10\.0\.0\.7/);
    // Markdown escapes the brackets and parentheses: they render literally.
    expect(text).toContain('Responder A pushed config v412 \\(\\[email\\], \\[ip\\]\\)');
    const preview = await server.fetch(`/api/reviews/${review.id}/anonymised-preview`, auth(review.tokens.facilitator));
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as {
      changes: { kind: string; original: string }[];
      pseudonyms: Record<string, string>;
      suspects: { path: string; text: string }[];
    };
    expect(body.pseudonyms).toMatchObject({ 'Fay Okafor': 'the facilitator', 'Dana Smith': 'Responder A' });
    expect(Array.isArray(body.suspects)).toBe(true);
    expect(body.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['name', 'email', 'ip']));
    expect(
      (await server.fetch(`/api/reviews/${review.id}/anonymised-preview`, auth(review.tokens.editor))).status,
    ).toBe(403);
  });

  it('an editor cannot publish; the facilitator publishes and connected clients see it; later edits are amendments', async () => {
    const watcher = connect(server, review.id, review.tokens.observer);
    clients.push(watcher);
    await synced(watcher);
    const denied = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      ...auth(review.tokens.editor),
    });
    expect(denied.status).toBe(403);
    expect(readMeta(watcher.doc).status).not.toBe('published');

    const res = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      ...auth(review.tokens.facilitator),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'published', version: 1 });
    await waitFor(() => readMeta(watcher.doc).status === 'published', 'the observer to see the review published');
    // The editor's client gets the same server change on its own socket, not necessarily by now: wait for it too.
    await waitFor(() => readMeta(clients[1]!.doc).publishedAt !== null, 'the editor to see the review published');
    expect(readMeta(clients[1]!.doc).publishedAt).toEqual(expect.any(Number));
    expect((await exportJson(server, review.id, review.tokens.observer)).status).toBe('published');

    const pub = async () =>
      (await (
        await server.fetch(`/api/reviews/${review.id}/publication`, auth(review.tokens.observer))
      ).json()) as Record<string, unknown>;
    expect(await pub()).toMatchObject({
      published: true,
      amended: false,
      publications: [{ version: 1, by: 'Fay Okafor' }],
    });
    setNarrative(clients[1]!.doc, { section: 'gotLucky', text: 'Low Sunday traffic.' }, ctx);
    await expect.poll(async () => (await pub()).amended, { timeout: 10_000 }).toBe(true);
    expect((await pub()).amendedSections).toEqual(['narrative']);
    const published = await (
      await server.fetch(`/api/reviews/${review.id}/export.md?version=published`, auth(review.tokens.observer))
    ).text();
    expect(published).not.toContain('Low Sunday traffic');
  });

  it('lists every action item with filters, completion rate and overdue count', async () => {
    const all = (await (await server.fetch('/api/actions', auth(server.teamToken!))).json()) as {
      stats: Record<string, unknown>;
      items: { title: string; reviewId: string; overdue: boolean }[];
    };
    expect(all.stats).toMatchObject({ total: 3, done: 1, open: 2, overdue: 1, completionRate: 1 / 3 });
    expect(all.items.map((i) => i.title)).toEqual([
      'Document the reload flag',
      'Alert on reload loops',
      'Let rollbacks skip the deploy queue',
    ]);
    const overdue = (await (await server.fetch('/api/actions?overdue=true', auth(server.teamToken!))).json()) as {
      items: { title: string }[];
    };
    expect(overdue.items.map((i) => i.title)).toEqual(['Alert on reload loops']);
    const byOwner = (await (
      await server.fetch(`/api/actions?owner=priya&review=${review.id}`, auth(server.teamToken!))
    ).json()) as {
      items: { title: string }[];
    };
    expect(byOwner.items.map((i) => i.title)).toEqual(['Let rollbacks skip the deploy queue']);
    expect((await server.fetch('/api/actions?dueBefore=tomorrow', auth(server.teamToken!))).status).toBe(400);
  });

  it('exports the action items as CSV and iCalendar', async () => {
    const csv = await server.fetch('/api/actions.csv?status=open,in_progress', auth(server.teamToken!));
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Title","Description","Assignees","Due date","Priority","Status","Labels","Review","Review ID","Action ID","Link"',
    );
    expect(lines).toHaveLength(3);
    const ics = await server.fetch('/api/actions.ics', auth(server.teamToken!));
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const cal = await ics.text();
    expect(cal.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(cal).toContain('DTSTART;VALUE=DATE:20990315');
  });

  it('gives metrics across reviews and the unfinished items of linked earlier reviews', async () => {
    const m = (await (await server.fetch('/api/metrics/reviews', auth(server.teamToken!))).json()) as Record<
      string,
      unknown[]
    >;
    expect(m.reviewsPerMonth).toEqual(expect.arrayContaining([{ month: '2026-03', reviews: 1, published: 1 }]));
    expect(m.detectResolve).toEqual(
      expect.arrayContaining([expect.objectContaining({ reviewId: review.id, detectMinutes: 6, resolveMinutes: 71 })]),
    );
    expect(m.timeToPublish).toHaveLength(1);
    const repeat = await server.fetch(`/api/reviews/${review.id}/earlier-actions`, auth(review.tokens.observer));
    const body = (await repeat.json()) as {
      reviews: { reviewId: string; title: string }[];
      items: { title: string }[];
    };
    expect(body.reviews).toEqual([
      { reviewId: earlier.id, valid: true, title: 'Edge reload loop', status: 'collecting' },
    ]);
    expect(body.items.map((i) => i.title)).toEqual(['Alert on reload loops']);
  });
});

describe('follow-up behind the team link', () => {
  it('refuses the cross-review routes without the team token; the team and the operator token pass', async () => {
    const token = 'operator-token-0123456789';
    const server = await startServer({ env: { CREATE_TOKEN: token } });
    try {
      for (const path of ['/api/actions', '/api/actions.csv', '/api/actions.ics', '/api/metrics/reviews']) {
        expect((await server.fetch(path)).status).toBe(401);
        expect((await server.fetch(path, auth(token))).status).toBe(200);
        expect((await server.fetch(path, auth(server.teamToken!))).status).toBe(200);
      }
    } finally {
      await server.stop();
    }
  });
});
