import { describe, expect, it } from 'vitest';
import { parseSyncUrl } from './upgrade.ts';

describe('parseSyncUrl', () => {
  it('reads the review id and token the stock client sends', () => {
    expect(parseSyncUrl('/sync/abc123?token=t0k')).toEqual({ reviewId: 'abc123', token: 't0k' });
    expect(parseSyncUrl('/sync/abc%20123')).toEqual({ reviewId: 'abc 123', token: null });
  });
  it('refuses other paths', () => {
    for (const url of ['/', '/sync', '/sync/', '/other/abc', '/sync/a/b', '/sync/%E0%A4%A']) {
      expect(parseSyncUrl(url)).toBeNull();
    }
  });
});
