// The participant survey over the real server: rounds open with the meeting's
// end and with publication, one answer per person and round, the facilitator
// sees an aggregate only from three answers on, and nothing any endpoint
// returns tells who answered (the answers stay out of the document too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext, endMeeting, startMeeting } from '@hindsight/doc';
import { connect, synced, type Client } from '../helpers/clients.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const key = (n: number): string => `respondent-key-${String(n).padStart(4, '0')}-abcdef`;

describe('participant feedback', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let facilitator: Client;

  const answer = (token: string, body: Record<string, unknown>) =>
    server.fetch(`/api/reviews/${review.id}/feedback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const survey = (n: number, over: Record<string, unknown> = {}) => ({
    round: 'meeting',
    usefulness: 5,
    safety: 4,
    timeWellSpent: 3,
    keep: `keep ${n}`,
    change: `change ${n}`,
    respondent: key(n),
    ...over,
  });
  const aggregate = async (token = review.tokens.facilitator) =>
    server.fetch(`/api/reviews/${review.id}/feedback`, { headers: { authorization: `Bearer ${token}` } });
  const meetingRound = async () => {
    const body = (await (await aggregate()).json()) as {
      rounds: { round: string; answers: number; breakdown: unknown }[];
    };
    return body.rounds.find((r) => r.round === 'meeting')!;
  };

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Checkout outage', { facilitatorName: 'Fay Okafor' });
    facilitator = connect(server, review.id, review.tokens.facilitator);
    await synced(facilitator);
  });
  afterAll(async () => {
    facilitator.destroy();
    await server.stop();
  });

  it('refuses answers before the meeting has ended, and bad answers, storing nothing', async () => {
    const early = await answer(review.tokens.editor, survey(1));
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({
      error: { code: 'conflict', message: expect.stringMatching(/meeting/) },
    });
    const bad = await answer(review.tokens.editor, survey(1, { usefulness: 6 }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'bad_request', message: expect.stringMatching(/usefulness/) },
    });
    expect((await answer(review.tokens.reader, survey(1))).status).toBe(403);
    expect((await meetingRound()).answers).toBe(0);
  });

  it('takes one answer per person and round and shows no breakdown below three answers', async () => {
    const ctx = defaultContext('Fay Okafor');
    startMeeting(facilitator.doc, { minutes: 60 }, ctx);
    endMeeting(facilitator.doc, ctx);
    // The meeting's end reaches the server through the relay: poll until the round opens.
    let first = await answer(review.tokens.editor, survey(1, { usefulness: 2, change: 'Start on time' }));
    for (let i = 0; first.status === 409 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      first = await answer(review.tokens.editor, survey(1, { usefulness: 2, change: 'Start on time' }));
    }
    expect(first.status).toBe(201);
    expect((await answer(review.tokens.facilitator, survey(2, { usefulness: 4, change: 'Fewer slides' }))).status).toBe(
      201,
    );
    // The same person (link and browser key) again: refused, nothing changes.
    const twice = await answer(review.tokens.editor, survey(1, { usefulness: 1 }));
    expect(twice.status).toBe(409);
    expect(await meetingRound()).toEqual({ round: 'meeting', answers: 2, breakdown: null });

    // A third person on the same shared editor link, with their own browser key.
    expect(
      (await answer(review.tokens.editor, survey(3, { usefulness: 3, safety: 2, change: 'Ask the quiet ones first' })))
        .status,
    ).toBe(201);
    const round = await meetingRound();
    expect(round).toEqual({
      round: 'meeting',
      answers: 3,
      breakdown: {
        scales: {
          usefulness: { mean: 3, counts: [0, 1, 1, 1, 0] },
          safety: { mean: 3.3, counts: [0, 1, 0, 2, 0] },
          timeWellSpent: { mean: 3, counts: [0, 0, 3, 0, 0] },
        },
        keep: ['keep 1', 'keep 2', 'keep 3'],
        // Sorted by text, not by who answered first.
        change: ['Ask the quiet ones first', 'Fewer slides', 'Start on time'],
      },
    });
  });

  it('never says who answered, and keeps the answers out of the document and its exports', async () => {
    const text = await (await aggregate()).text();
    for (const secret of [key(1), key(2), key(3), 'Fay', 'Responder', 'editor', 'facilitator', 'linkId', 'At"'])
      expect(text).not.toContain(secret);
    expect((await aggregate(review.tokens.editor)).status).toBe(403);
    expect((await aggregate(review.tokens.reader)).status).toBe(403);
    const json = JSON.stringify(await exportJson(server, review.id, review.tokens.facilitator));
    expect(json).not.toContain('Ask the quiet ones first');
    const md = await (
      await server.fetch(`/api/reviews/${review.id}/export.md`, {
        headers: { authorization: `Bearer ${review.tokens.facilitator}` },
      })
    ).text();
    expect(md).not.toContain('Fewer slides');
    expect(JSON.stringify(facilitator.doc.toJSON())).not.toContain('Start on time');
  });

  it('opens the second round once the review is published', async () => {
    expect((await answer(review.tokens.editor, survey(1, { round: 'published' }))).status).toBe(409);
    const published = await server.fetch(`/api/reviews/${review.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${review.tokens.facilitator}` },
    });
    expect(published.status).toBe(200);
    // The same person answers again in the new round.
    expect((await answer(review.tokens.editor, survey(1, { round: 'published' }))).status).toBe(201);
    const body = (await (await aggregate()).json()) as { rounds: { round: string; answers: number }[] };
    expect(body.rounds.map((r) => [r.round, r.answers])).toEqual([
      ['meeting', 3],
      ['published', 1],
    ]);
  });

  const team = () => ({ headers: { authorization: `Bearer ${server.teamToken!}` } });
  it('the quarterly process review counts the answers and lists what to change, as JSON and Markdown', async () => {
    const q = (await (await server.fetch('/api/insights/quarter', team())).json()) as {
      reviews: { held: number; published: number };
      answers: number;
      whatToChange: string[];
    };
    expect(q.reviews).toEqual({ held: 1, published: 1 });
    expect(q.answers).toBe(4);
    expect(q.whatToChange).toEqual(
      expect.arrayContaining(['Ask the quiet ones first', 'Fewer slides', 'Start on time']),
    );
    const md = await server.fetch('/api/insights/quarter.md', team());
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await md.text();
    expect(text).toMatch(/^# Process review \d{4}-Q[1-4]/);
    expect(text).toContain('- Fewer slides');
    expect((await server.fetch('/api/insights/quarter?quarter=2026-Q9', team())).status).toBe(400);
  });
});
