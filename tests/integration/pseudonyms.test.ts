// Golden test over the real server: the pseudonyms of a review stay the same
// from one publication to the next, even when a person who sorts before
// everyone else ("Aaron Abbott") and an "Also hide" name are added between
// them; and the published, anonymised report names nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction, addEntry, addRedaction, defaultContext } from '@hindsight/doc';
import { connect, synced, type Client } from '../helpers/clients.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const T0 = Date.UTC(2026, 2, 1, 9, 52);
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

interface Preview {
  people: { name: string; pseudonym: string; forms: string[] }[];
}

describe('pseudonyms across publications', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let client: Client;
  const ctx = defaultContext('Gus Lindqvist');

  const preview = async (): Promise<Preview> =>
    (await (
      await server.fetch(`/api/reviews/${review.id}/anonymised-preview?timeline=all`, auth(review.tokens.facilitator))
    ).json()) as Preview;
  const publish = async (): Promise<number> => {
    const res = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      ...auth(review.tokens.facilitator),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { version: number }).version;
  };
  const published = async (): Promise<string> =>
    (
      await server.fetch(
        `/api/reviews/${review.id}/export.md?version=published&anonymised=1&timeline=all`,
        auth(review.tokens.facilitator),
      )
    ).text();
  /** Polls until the server's preview satisfies `check` (edits reach it asynchronously). */
  const previewUntil = async (check: (p: Preview) => boolean): Promise<Preview> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const p = await preview();
      if (check(p)) return p;
      if (Date.now() > deadline) throw new Error(`the preview never showed the edit: ${JSON.stringify(p.people)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Checkout outage', { startedAt: T0, facilitatorName: 'Fay Okafor' });
    client = connect(server, review.id, review.tokens.editor);
    await synced(client);
    addEntry(client.doc, { at: T0, summary: "Devi Raman's export job held the pool", starred: true }, ctx);
    addEntry(client.doc, { at: T0 + 60_000, summary: 'Paged ana at 23:38; Gus confirmed the lag', starred: true }, ctx);
    addAction(client.doc, { title: 'Move the export off the pool', owner: 'Ana Kovač' }, ctx);
  });

  afterAll(async () => {
    client.destroy();
    await server.stop();
  });

  it('keeps every pseudonym from version 1 in version 2', async () => {
    const v1 = await previewUntil((p) => p.people.some((x) => x.name === 'Ana Kovač'));
    expect(await publish()).toBe(1);
    const report1 = await published();
    for (const n of ['Devi', 'Raman', 'Gus', 'Lindqvist', 'Ana', 'ana', 'Kovač'])
      expect(report1).not.toMatch(new RegExp(`\\b${n}\\b`));

    // Between the versions: a new owner who sorts first, and an "Also hide" name.
    addAction(client.doc, { title: 'Page the secondary sooner', owner: 'Aaron Abbott' }, ctx);
    addRedaction(client.doc, { term: 'Zed Zimmer', kind: 'name' }, ctx);
    const between = await previewUntil((p) => p.people.some((x) => x.name === 'Zed Zimmer'));
    expect(await publish()).toBe(2);
    const v2 = await preview();
    for (const person of v1.people) {
      expect(v2.people.find((p) => p.name === person.name)?.pseudonym, person.name).toBe(person.pseudonym);
      expect(between.people.find((p) => p.name === person.name)?.pseudonym, person.name).toBe(person.pseudonym);
    }
    const aaron = v2.people.find((p) => p.name === 'Aaron Abbott')!.pseudonym;
    expect(v1.people.map((p) => p.pseudonym)).not.toContain(aaron);
    const report2 = await published();
    expect(report2).not.toMatch(/Aaron|Abbott|Devi|Kovač/);
    expect(report2).toContain(aaron);
  });
});
