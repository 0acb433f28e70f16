// The instance template over the real server: saving a change makes a new,
// immutable version; new reviews record and use the latest version (its
// questions, language terms and report sections); older reviews keep theirs;
// a template that does not fit is refused with a message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLanguageTerms, readMeta } from '@hindsight/doc';
import * as Y from 'yjs';
import { CloseCode } from '@hindsight/protocol';
import { connect, synced } from '../helpers/clients.ts';
import { openRawOk, updateMessage } from '../helpers/raw.ts';
import { exportJson, startServer, tokenOf, type RunningServer } from '../helpers/server.ts';

const TOKEN = 'operator-token-for-templates-0123456789';

interface TemplateContent {
  reportSections: { id: string; title: string }[];
  humanFactorsQuestions: { id: string; prompt: string }[];
  factorCategories: string[];
  agenda: { phase: string; minutes: number }[];
  languageTerms: { term: string; suggestion: string | null }[];
}

describe('instance template versions', () => {
  let server: RunningServer;
  const json = { 'content-type': 'application/json' };
  const operator = { ...json, authorization: `Bearer ${TOKEN}` };

  const createReview = async (title: string) => {
    const res = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: operator,
      body: JSON.stringify({ title }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; links: { facilitator: string; editor: string } };
    return { id: body.id, token: tokenOf(body.links.facilitator), editorToken: tokenOf(body.links.editor) };
  };
  const save = (content: unknown, note = 'a change', headers: Record<string, string> = operator) =>
    server.fetch('/api/templates', { method: 'POST', headers, body: JSON.stringify({ note, content }) });
  const reviewTemplate = async (r: { id: string; token: string }) => {
    const res = await server.fetch(`/api/reviews/${r.id}/template`, {
      headers: { authorization: `Bearer ${r.token}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { version: number; recorded: number | null; content: TemplateContent };
  };
  const questions = async (r: { id: string; token: string }) =>
    ((await exportJson(server, r.id, r.token)) as { humanFactors: { prompt: string }[] }).humanFactors.map(
      (q) => q.prompt,
    );
  const markdown = async (r: { id: string; token: string }) =>
    (await server.fetch(`/api/reviews/${r.id}/export.md`, { headers: { authorization: `Bearer ${r.token}` } })).text();

  // The built-in template (version 0), as the server serves it.
  const BUILT_IN_TEMPLATE = { content: {} as TemplateContent };
  beforeAll(async () => {
    server = await startServer({ env: { CREATE_TOKEN: TOKEN } });
    BUILT_IN_TEMPLATE.content = (
      (await (await server.fetch('/api/templates/0')).json()) as { content: TemplateContent }
    ).content;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('starts from the built-in template (version 0), recorded by every new review', async () => {
    const list = await (await server.fetch('/api/templates')).json();
    expect(list).toMatchObject({ latest: 0, versions: [{ version: 0, note: 'Built-in template' }] });
    const review = await createReview('Before any template');
    expect(await reviewTemplate(review)).toMatchObject({ version: 0, recorded: 0 });
    expect(await questions(review)).toEqual(BUILT_IN_TEMPLATE.content.humanFactorsQuestions.map((q) => q.prompt));
  });

  it('saves a change as a new version: new reviews use it, older reviews keep their own', async () => {
    const old = await createReview('Started on the built-in');
    const content: TemplateContent = {
      ...BUILT_IN_TEMPLATE.content,
      reportSections: BUILT_IN_TEMPLATE.content.reportSections
        .filter((s) => s.id !== 'gotLucky')
        .map((s) => (s.id === 'actions' ? { ...s, title: 'What we will change' } : s)),
      humanFactorsQuestions: [
        { id: 'handover', prompt: 'Was the handover between shifts clear?' },
        { id: 'rested', prompt: 'Were the people involved rested?' },
      ],
      factorCategories: ['process', 'technology', 'vendor'],
      languageTerms: [{ term: 'sloppy', suggestion: 'Describe what the system allowed instead.' }],
    };
    const res = await save(content, 'Shift handovers keep coming up');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: 1, note: 'Shift handovers keep coming up', content });

    const fresh = await createReview('Started on version 1');
    expect(await reviewTemplate(fresh)).toMatchObject({ version: 1, recorded: 1, content });
    expect(await questions(fresh)).toEqual([
      'Was the handover between shifts clear?',
      'Were the people involved rested?',
    ]);
    const client = connect(server, fresh.id, fresh.token);
    try {
      await synced(client);
      expect(readLanguageTerms(client.doc).map((t) => [t.term, t.suggestion])).toEqual([
        ['sloppy', 'Describe what the system allowed instead.'],
      ]);
      expect(readMeta(client.doc).templateVersion).toBe(1);
    } finally {
      client.destroy();
    }
    const md = await markdown(fresh);
    expect(md).toContain('## What we will change');
    expect(md).not.toContain('## Where we got lucky');

    // The older review still reads version 0: its questions, its sections.
    expect(await reviewTemplate(old)).toMatchObject({ version: 0, recorded: 0 });
    expect(await questions(old)).toEqual(BUILT_IN_TEMPLATE.content.humanFactorsQuestions.map((q) => q.prompt));
    const oldMd = await markdown(old);
    expect(oldMd).toContain('## Where we got lucky');
    expect(oldMd).toContain('## Action items');

    // Version 1 is kept as saved after version 2 arrives; the diff shows each field's changes.
    expect((await save({ ...content, factorCategories: ['process', 'vendor'] }, 'Fewer categories')).status).toBe(201);
    expect(await (await server.fetch('/api/templates/1')).json()).toMatchObject({ version: 1, content });
    const diff = (await (await server.fetch('/api/templates/diff?from=1&to=2')).json()) as {
      fields: { field: string; changes: { kind: string; key: string }[] }[];
    };
    expect(diff.fields.find((f) => f.field === 'factorCategories')!.changes).toEqual([
      { kind: 'removed', key: 'technology', before: 'technology', after: null },
    ]);
    expect(diff.fields.filter((f) => f.field !== 'factorCategories').every((f) => f.changes.length === 0)).toBe(true);
  });

  it('refuses a template that does not fit, saying why, and keeps the versions as they were', async () => {
    const before = await (await server.fetch('/api/templates')).json();
    const bad = await save({
      ...BUILT_IN_TEMPLATE.content,
      agenda: BUILT_IN_TEMPLATE.content.agenda.map((p) => ({ ...p, minutes: 30 })),
      humanFactorsQuestions: [{ id: 'Bad Id', prompt: '' }],
    });
    expect(bad.status).toBe(400);
    const message = ((await bad.json()) as { error: { message: string } }).error.message;
    expect(message).toMatch(/not saved/);
    expect(message).toMatch(/150 minutes; a review meeting lasts 60 to 90/);
    expect(message).toMatch(/humanFactorsQuestions\.0\.id: a question id is lowercase/);
    expect(message).toMatch(/humanFactorsQuestions\.0\.prompt: a question cannot be empty/);
    expect((await save(BUILT_IN_TEMPLATE.content, '')).status).toBe(400);
    expect((await save({ ...BUILT_IN_TEMPLATE.content, extra: 1 })).status).toBe(400);
    expect(await (await server.fetch('/api/templates')).json()).toEqual(before);
  });

  it('does not let an editor switch the template version a review follows', async () => {
    const review = await createReview('Editor tries another version');
    const editor = connect(server, review.id, review.editorToken);
    try {
      await synced(editor);
      const recorded = readMeta(editor.doc).templateVersion;
      const raw = await openRawOk(server, review.id, review.editorToken);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor.doc));
      const before = Y.encodeStateVector(copy);
      copy.getMap('meta').set('templateVersion', 0);
      raw.send(updateMessage(Y.encodeStateAsUpdate(copy, before)));
      expect((await raw.closed).code).toBe(CloseCode.ChangeRefused);
      expect(await reviewTemplate(review)).toMatchObject({ recorded });
    } finally {
      editor.destroy();
    }
  });

  it('saves only with the team link or the operator token; a review link or a revoked team link changes nothing', async () => {
    const before = await (await server.fetch('/api/templates')).json();
    const anon = await save(BUILT_IN_TEMPLATE.content, 'no token', json);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { message: expect.stringMatching(/team link/) } });
    const facilitator = await createReview('Not the instance');
    const asReview = await save(BUILT_IN_TEMPLATE.content, 'a review link', {
      ...json,
      authorization: `Bearer ${facilitator.token}`,
    });
    expect(asReview.status).toBe(401);
    expect(await (await server.fetch('/api/templates')).json()).toEqual(before);

    const team = { ...json, authorization: `Bearer ${server.teamToken!}` };
    const saved = await save(BUILT_IN_TEMPLATE.content, 'saved with the team link', team);
    expect(saved.status).toBe(201);
    const savedVersion = ((await saved.json()) as { version: number }).version;
    // The review's own template stays readable with the review's link.
    expect((await reviewTemplate(facilitator)).version).toBeLessThan(savedVersion);

    expect((await server.fetch('/api/team-link', { method: 'DELETE', headers: operator })).status).toBe(200);
    const revoked = await save(BUILT_IN_TEMPLATE.content, 'revoked team link', team);
    expect(revoked.status).toBe(403);
    expect(await revoked.json()).toMatchObject({ error: { message: expect.stringMatching(/revoked/) } });
    expect(((await (await server.fetch('/api/templates')).json()) as { latest: number }).latest).toBe(savedVersion);
  });

  it('answers a known version and refuses an unknown one', async () => {
    expect((await server.fetch('/api/templates/99')).status).toBe(404);
    expect((await server.fetch('/api/templates/x')).status).toBe(400);
  });
});
