// What a review takes from the template version it started from, over the real
// server: the published page's report (and the reader's section names for
// amendments) uses that version's section titles, and the agenda carries the
// version's phase names; a review started earlier keeps the built-in ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const T0 = Date.UTC(2026, 10, 2, 9, 30);

interface TemplateContent {
  reportSections: { id: string; title: string }[];
  agenda: { phase: string; title?: string; minutes: number }[];
}
interface Published {
  html: string;
  sections: Record<string, string | null>;
  amendedSections: string[];
}

describe('a review uses the template version it started from', () => {
  let server: RunningServer;
  let before: ReviewHandle;
  let after: ReviewHandle;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  const publish = async (review: ReviewHandle): Promise<void> => {
    const connection = connect(server, review.id, review.tokens.editor);
    await synced(connection);
    addEntry(connection.doc, { at: T0, summary: 'Card payments failed' }, defaultContext('Sam Reyes'));
    await waitFor(() => readTimeline(connection.doc).length === 1, 'the entry');
    connection.destroy();
    const observer = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(observer.doc).length === 1, 'the entry to be stored');
    observer.destroy();
    const res = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      headers: auth(review.tokens.facilitator),
    });
    expect(res.status).toBe(200);
  };
  const published = async (review: ReviewHandle): Promise<Published> => {
    const res = await server.fetch(`/api/reviews/${review.id}/published`, { headers: auth(review.tokens.reader) });
    expect(res.status).toBe(200);
    return (await res.json()) as Published;
  };
  const template = async (review: ReviewHandle) =>
    (await (
      await server.fetch(`/api/reviews/${review.id}/template`, { headers: auth(review.tokens.facilitator) })
    ).json()) as { version: number; content: TemplateContent };

  beforeAll(async () => {
    server = await startServer();
    before = await server.createReview('Started on the built-in template', { startedAt: T0 });
    const builtIn = ((await (await server.fetch('/api/templates/0')).json()) as { content: TemplateContent }).content;
    const content = {
      ...builtIn,
      reportSections: builtIn.reportSections
        .filter((s) => s.id !== 'gotLucky')
        .map((s) => (s.id === 'actions' ? { ...s, title: 'What we will change' } : s)),
      agenda: builtIn.agenda.map((p) => (p.phase === 'timeline' ? { ...p, title: 'Walk the timeline' } : p)),
    };
    const saved = await server.fetch('/api/templates', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(server.teamToken ?? '') },
      body: JSON.stringify({ note: 'Our words for the report and the meeting', content }),
    });
    expect(saved.status).toBe(201);
    after = await server.createReview('Started on version 1', { startedAt: T0 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('the published report uses the section titles of the review’s version, and leaves out what it drops', async () => {
    await publish(after);
    const page = await published(after);
    expect(page.html).toContain('What we will change');
    expect(page.html).not.toContain('Action items');
    expect(page.html).not.toContain('Where we got lucky');
    expect(page.sections).toMatchObject({ actions: 'What we will change', gotLucky: null });

    await publish(before);
    const old = await published(before);
    expect(old.html).toContain('Action items');
    expect(old.html).toContain('Where we got lucky');
    expect(old.html).not.toContain('What we will change');
    expect(old.sections).toMatchObject({ actions: 'Action items', gotLucky: 'Where we got lucky' });
  });

  it('the publication status gives the same titles, for naming amended sections', async () => {
    const res = await server.fetch(`/api/reviews/${after.id}/publication`, { headers: auth(after.tokens.facilitator) });
    expect(((await res.json()) as { sections: Record<string, string | null> }).sections).toMatchObject({
      actions: 'What we will change',
      gotLucky: null,
    });
  });

  it('the agenda names its phases as the review’s version does', async () => {
    const renamed = await template(after);
    expect(renamed.version).toBe(1);
    expect(renamed.content.agenda.find((p) => p.phase === 'timeline')?.title).toBe('Walk the timeline');
    const builtIn = await template(before);
    expect(builtIn.version).toBe(0);
    expect(builtIn.content.agenda.find((p) => p.phase === 'timeline')?.title).toBe('Timeline walk-through');
  });

  it('refuses an empty phase name, saying which, and saves nothing', async () => {
    const latest = ((await (await server.fetch('/api/templates/latest')).json()) as { content: TemplateContent })
      .content;
    const res = await server.fetch('/api/templates', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(server.teamToken ?? '') },
      body: JSON.stringify({
        note: 'no name',
        content: { ...latest, agenda: latest.agenda.map((p) => (p.phase === 'whys' ? { ...p, title: ' ' } : p)) },
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /agenda\.2\.title: a phase name cannot be empty/,
    );
    expect(((await (await server.fetch('/api/templates')).json()) as { latest: number }).latest).toBe(1);
  });
});
