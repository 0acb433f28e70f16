// Unit tests for timeline row layout: day grouping in the viewer zone and long gaps.
import { describe, expect, it } from 'vitest';
import { buildRows } from './buildRows.ts';

const t = (h: number, m: number, d = 28): number => Date.UTC(2026, 10, d, h, m);

describe('buildRows', () => {
  it('keeps row keys unique when a row held in place repeats a day', () => {
    // 'b' was moved to the next day while someone edits it: it holds its place between two entries of the 27th.
    const rows = buildRows(
      [
        { id: 'a', at: t(9, 0, 27) },
        { id: 'b', at: t(9, 5) },
        { id: 'c', at: t(9, 10, 27) },
      ],
      'UTC',
    );
    expect(rows.filter((r) => r.type === 'day').map((r) => r.label)).toHaveLength(3);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

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

describe('buildRows with chat threads', () => {
  const entries = [
    { id: 'p', at: t(0, 7), importKey: 'slack:C:1' },
    { id: 'x', at: t(0, 9), importKey: 'slack:C:2' },
    { id: 'r1', at: t(0, 10), importKey: 'slack:C:3', replyTo: 'slack:C:1' },
    { id: 'r2', at: t(0, 40), importKey: 'slack:C:4', replyTo: 'slack:C:1' },
    { id: 'orphan', at: t(0, 41), importKey: 'slack:C:5', replyTo: 'slack:C:gone' },
  ];

  it('puts replies right under their parent, and orphans at their own time', () => {
    const rows = buildRows(entries, 'UTC').filter((r) => r.type === 'entry');
    expect(rows.map((r) => [r.entry.id, r.depth])).toEqual([
      ['p', 0],
      ['r1', 1],
      ['r2', 1],
      ['x', 0],
      ['orphan', 0],
    ]);
    expect(rows[0]).toMatchObject({ replies: 2 });
  });

  it('hides the replies of a collapsed parent', () => {
    const rows = buildRows(entries, 'UTC', undefined, new Set(['p'])).filter((r) => r.type === 'entry');
    expect(rows.map((r) => r.entry.id)).toEqual(['p', 'x', 'orphan']);
  });
});
