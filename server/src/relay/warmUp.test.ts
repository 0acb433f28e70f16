import { describe, expect, it } from 'vitest';
import { migrate, roots } from '@hindsight/doc';
import { warmUp } from './warmUp.ts';

describe('warmUp', () => {
  it('runs a made-up review through the load path, prepare included', () => {
    const prepared: number[] = [];
    const ms = warmUp((doc) => {
      migrate(doc);
      prepared.push(roots(doc).timeline.size);
    });
    expect(Number.isFinite(ms)).toBe(true);
    // One built document, holding every made-up entry (the path a stored review takes).
    expect(prepared).toEqual([250]);
  });
});
