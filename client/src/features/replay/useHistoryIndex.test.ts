import { describe, expect, it } from 'vitest';
import type { HistoryIndex } from '@hindsight/protocol';
import { keepPosition } from './useHistoryIndex.ts';

const index = (seq: number[]): HistoryIndex => ({
  reviewId: 'r',
  latestSeq: seq[seq.length - 1] ?? 0,
  authors: [{ role: 'editor', label: 'Responder' }],
  seq,
  at: seq.map((s) => s * 1000),
  author: seq.map(() => 0),
});

describe('keepPosition (the history index read again)', () => {
  it('follows the latest update when the latest was shown, else keeps the update shown', () => {
    const before = index([1, 2, 3, 4]);
    expect(keepPosition(null, null, before)).toBe(3);
    expect(keepPosition(before, 3, index([1, 2, 3, 4, 5, 6]))).toBe(5);
    expect(keepPosition(before, 1, index([1, 2, 3, 4, 5, 6]))).toBe(1);
  });

  it('after a purge merged the start of the log, shows the update that now holds the one shown', () => {
    const before = index([1, 2, 3, 4, 5, 6]);
    // Seqs 1..4 became one update at 4.
    expect(keepPosition(before, 2, index([4, 5, 6, 7]))).toBe(0);
    expect(keepPosition(before, 4, index([4, 5, 6, 7]))).toBe(1);
  });
});
