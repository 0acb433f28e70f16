// Unit tests for timeline row layout: day grouping in the viewer zone and long gaps.
import { describe, expect, it } from 'vitest';
import { buildRows } from './buildRows.ts';

const t = (h: number, m: number, d = 28): number => Date.UTC(2026, 10, d, h, m);

describe('buildRows', () => {
  it('groups by day in the viewer zone and marks long gaps', () => {
    const entries = [
      { id: 'a', at: t(22, 50, 27) },
      { id: 'b', at: t(22, 55, 27) },
      { id: 'c', at: t(23, 30, 27) }, // 00:30 on the 28th in Berlin
    ];
    const rows = buildRows(entries, 'Europe/Berlin');
    expect(rows.map((r) => r.type)).toEqual(['day', 'entry', 'entry', 'gap', 'day', 'entry']);
    expect(rows[3]).toMatchObject({ type: 'gap', ms: 35 * 60_000 });
    expect(buildRows(entries, 'UTC').map((r) => r.type)).toEqual(['day', 'entry', 'entry', 'gap', 'entry']);
  });

  it('returns nothing for no entries', () => {
    expect(buildRows([], 'UTC')).toEqual([]);
  });
});
