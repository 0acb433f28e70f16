import { describe, expect, it } from 'vitest';
import { parseRoute } from './parseRoute.ts';

describe('parseRoute', () => {
  it('reads the known pages', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'home' });
    expect(parseRoute('/actions', '')).toEqual({ page: 'actions' });
    expect(parseRoute('/insights/', '')).toEqual({ page: 'insights' });
    expect(parseRoute('/insights/quarter', '')).toEqual({ page: 'quarter' });
    expect(parseRoute('/r/abc', '#t=tok')).toEqual({ page: 'review', reviewId: 'abc', token: 'tok' });
    expect(parseRoute('/r/abc/report', '')).toEqual({ page: 'report', reviewId: 'abc', token: null });
    expect(parseRoute('/replay/a%20b', '#t=x')).toEqual({ page: 'replay', reviewId: 'a b', token: 'x' });
  });

  it('calls anything else not found instead of showing the home page', () => {
    for (const path of ['/nope', '/r/', '/r/abc/whatever', '/replay', '/replay/', '/actions/x']) {
      expect(parseRoute(path, '')).toEqual({ page: 'notFound', path });
    }
  });
});
