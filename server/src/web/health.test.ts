import { describe, expect, it } from 'vitest';
import { throttledPing } from './health.ts';

describe('throttledPing', () => {
  it('writes at most once per interval after a success, and shares one run between concurrent callers', async () => {
    let t = 0;
    let writes = 0;
    const ping = throttledPing(
      async () => {
        writes += 1;
      },
      5_000,
      () => t,
    );
    await Promise.all([ping(), ping(), ping()]);
    expect(writes).toBe(1);
    t = 4_999;
    await ping();
    expect(writes).toBe(1);
    t = 5_000;
    await ping();
    expect(writes).toBe(2);
  });

  it('never keeps a failure: the next call checks again', async () => {
    let fail = true;
    let writes = 0;
    const ping = throttledPing(
      async () => {
        writes += 1;
        if (fail) throw new Error('disk full');
      },
      5_000,
      () => 0,
    );
    await expect(ping()).rejects.toThrow('disk full');
    fail = false;
    await expect(ping()).resolves.toBeUndefined();
    expect(writes).toBe(2);
    await ping();
    expect(writes).toBe(2);
  });
});
