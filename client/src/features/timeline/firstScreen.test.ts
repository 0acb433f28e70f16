// The page's first screen: asked for once per open review, shown until the live timeline is in, and not
// asked for or shown again until the review is closed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FirstScreen } from '@hindsight/api';
import {
  currentFirstScreen,
  dropFirstScreen,
  finishFirstScreen,
  firstScreenDrawn,
  startFirstScreen,
} from './firstScreen.ts';

const screenOf = (reviewId: string): FirstScreen => ({
  reviewId,
  title: 'Queue backlog',
  total: 1,
  entries: [
    {
      id: 'e1',
      at: 0,
      precision: 'minute',
      approxMinutes: null,
      kind: 'observation',
      summary: 'Pager fired',
      notes: '',
      source: { type: 'manual', ref: null, url: null, urlText: null },
      tags: [],
      starred: false,
      createdAt: 0,
      createdBy: null,
      author: null,
      importKey: null,
      replyTo: null,
      problems: [],
    },
  ],
  markers: { started: null, detected: null, acknowledged: null, mitigated: null, resolved: null },
});

/** A fetch that answers each first-screen request when told to; records the paths asked. */
function server() {
  const asked: string[] = [];
  const answers: (() => void)[] = [];
  vi.stubGlobal('fetch', (path: string) => {
    asked.push(path);
    const reviewId = path.split('/')[3]!;
    return new Promise<Response>((resolve) =>
      answers.push(() => resolve(new Response(JSON.stringify(screenOf(reviewId)), { status: 200 }))),
    );
  });
  return { asked, answerAll: () => answers.splice(0).forEach((a) => a()) };
}

describe('the first screen store', () => {
  afterEach(() => {
    dropFirstScreen('A');
    vi.unstubAllGlobals();
  });

  it('is asked for once, and shown once it is in', async () => {
    const s = server();
    const answered = startFirstScreen('A', 't');
    void startFirstScreen('A', 't');
    expect(s.asked).toEqual(['/api/reviews/A/first-screen']);
    expect(currentFirstScreen('A')).toBeNull();
    s.answerAll();
    await answered;
    expect(currentFirstScreen('A')?.entries[0]?.summary).toBe('Pager fired');
  });

  it('once the live timeline is in, it is neither shown nor asked for again until the review is closed', async () => {
    const s = server();
    const answered = startFirstScreen('A', 't');
    finishFirstScreen('A');
    // The review route's own start (its effect runs after the timeline's) asks nothing more…
    void startFirstScreen('A', 't');
    s.answerAll();
    await answered;
    expect(s.asked).toHaveLength(1);
    // …and the answer that came late is not shown (a reload after a refused change shows no old screen).
    expect(currentFirstScreen('A')).toBeNull();
    // The held sync message has nothing to wait for.
    await firstScreenDrawn('A');
    // Closed and opened again: asked afresh.
    dropFirstScreen('A');
    void startFirstScreen('A', 't');
    expect(s.asked).toHaveLength(2);
  });

  it('finishing a review that never asked keeps a later start from asking', () => {
    const s = server();
    finishFirstScreen('A');
    void startFirstScreen('A', 't');
    expect(s.asked).toHaveLength(0);
  });
});
