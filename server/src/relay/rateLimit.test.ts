import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rateLimit.ts';

describe('TokenBucket', () => {
  it('allows a burst of twice the rate, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, () => now);
    let taken = 0;
    while (bucket.take()) taken++;
    expect(taken).toBe(20);
    now += 500; // half a second: five more
    taken = 0;
    while (bucket.take()) taken++;
    expect(taken).toBe(5);
  });
});
