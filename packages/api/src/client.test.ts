import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure, apiPath, callApi, fetchApiText } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

describe('apiPath', () => {
  it('fills and encodes the path parameters, and leaves out empty query values', () => {
    expect(apiPath('DELETE /api/reviews/:id/links/:linkId', { params: { id: 'a b', linkId: 'x/y' } })).toBe(
      '/api/reviews/a%20b/links/x%2Fy',
    );
    expect(
      apiPath('GET /api/actions', { query: { owner: 'priya', status: 'open,done', review: '', dueAfter: undefined } }),
    ).toBe('/api/actions?owner=priya&status=open%2Cdone');
    expect(apiPath('GET /api/templates/:version', { params: { version: 3 } })).toBe('/api/templates/3');
  });
});

describe('callApi', () => {
  it('sends the method, the token and the JSON body, and returns the answer', async () => {
    const fetch = vi.fn(async () => Response.json({ round: 'meeting', stored: true }, { status: 201 }));
    vi.stubGlobal('fetch', fetch);
    const answer = { round: 'meeting' as const, usefulness: 4, safety: 5, timeWellSpent: 3, keep: '', change: '' };
    const stored = await callApi('POST /api/reviews/:id/feedback', {
      params: { id: 'r1' },
      token: 'tok',
      body: { ...answer, respondent: 'k'.repeat(16) },
    });
    expect(stored).toEqual({ round: 'meeting', stored: true });
    expect(fetch).toHaveBeenCalledWith('/api/reviews/r1/feedback', {
      method: 'POST',
      headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
      body: JSON.stringify({ ...answer, respondent: 'k'.repeat(16) }),
    });
  });

  it('answers null for a 204', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    expect(await callApi('POST /api/team-link/claim', { body: {} })).toBeNull();
  });

  it("throws the server's message with its status, and status 0 when the server cannot be reached", async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ error: { code: 'forbidden', message: 'this link may not publish' } }, { status: 403 }),
    );
    const refused = await callApi('POST /api/reviews/:id/publish', { params: { id: 'r1' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiFailure);
    expect(refused).toMatchObject({ status: 403, message: 'this link may not publish' });

    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const offline = await fetchApiText('GET /api/insights/quarter.md', { query: { quarter: '2026-Q1' } }).catch(
      (e: unknown) => e,
    );
    expect(offline).toMatchObject({ status: 0, message: expect.stringContaining('cannot be reached') });
  });
});
