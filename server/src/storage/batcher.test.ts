// The shared append batcher's commit window (group commit): which appends share a commit,
// and that no caller hears of its append before that commit. The adapters' own behaviour
// (real SQLite files, Postgres) is in the store contract.
import { setImmediate as nextTick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AppendBatcher, type PendingAppend } from './batcher.ts';

const input = (n: number) => ({ update: new Uint8Array([n]), receivedAt: n, role: 'editor' as const, linkId: null });

/** A batcher over a commit that records each batch and numbers every review's appends from 1. */
function recording(windowMs: number) {
  const commits: string[][] = [];
  const last = new Map<string, number>();
  const batcher = new AppendBatcher(
    (batch: readonly PendingAppend[]) => {
      commits.push(batch.map((p) => `${p.reviewId}:${p.input.update[0]}`));
      const seqs = batch.map((p) => {
        const seq = (last.get(p.reviewId) ?? 0) + 1;
        last.set(p.reviewId, seq);
        return seq;
      });
      return { seqs, sideErrors: [] };
    },
    { windowMs },
  );
  return { batcher, commits };
}

describe('AppendBatcher commit window', () => {
  it('under load, commits appends made in different ticks, to different reviews, together', async () => {
    const { batcher, commits } = recording(60_000);
    // After a quiet spell the first append commits at once, window or not.
    expect(await batcher.append('r1', input(1))).toBe(1);
    // Right after that commit, the window is open: what follows waits for company.
    const settled: string[] = [];
    const a = batcher.append('r1', input(2)).then((seq) => settled.push(`r1:${seq}`));
    await nextTick();
    const b = batcher.append('r2', input(3)).then((seq) => settled.push(`r2:${seq}`));
    await nextTick();
    const c = batcher.append('r1', input(4)).then((seq) => settled.push(`r1:${seq}`));
    // Closing commits what is queued at once, without waiting out the window.
    await batcher.close();
    await Promise.all([a, b, c]);
    expect(commits).toEqual([['r1:1'], ['r1:2', 'r2:3', 'r1:4']]);
    expect(settled).toEqual(['r1:2', 'r2:1', 'r1:3']);
  });

  it('commits when the window ends, with no further append to trigger it', async () => {
    const { batcher, commits } = recording(20);
    expect(await batcher.append('r1', input(1))).toBe(1);
    expect(commits).toEqual([['r1:1']]);
    // Within the window of that commit: it waits for the window to end, then commits alone.
    expect(await batcher.append('r1', input(2))).toBe(2);
    expect(commits).toEqual([['r1:1'], ['r1:2']]);
  });

  it('without a window commits each tick on its own', async () => {
    const { batcher, commits } = recording(0);
    const first = batcher.append('r1', input(1));
    const second = batcher.append('r1', input(2));
    await first;
    const third = batcher.append('r1', input(3));
    expect(await Promise.all([first, second, third])).toEqual([1, 2, 3]);
    expect(commits).toEqual([['r1:1', 'r1:2'], ['r1:3']]);
  });
});
