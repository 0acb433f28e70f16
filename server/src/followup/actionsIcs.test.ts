import { describe, expect, it } from 'vitest';
import type { ActionRow } from '@hindsight/report';
import { actionsIcs } from './actionsIcs.ts';
import { actionsCsv } from './actionsCsv.ts';

const row = (over: Partial<ActionRow>): ActionRow => ({
  id: 'a1',
  title: 'Let rollbacks skip the deploy queue; also, "fast"',
  owner: 'Priya Patel',
  due: '2026-03-15',
  status: 'open',
  priority: 'P1',
  link: null,
  createdAt: 0,
  completedAt: null,
  reviewId: 'r1',
  reviewTitle: 'Checkout outage, March',
  overdue: false,
  ...over,
});

describe('actions as iCalendar', () => {
  it('writes one all-day event per dated item, escaped and folded', () => {
    const text = actionsIcs(
      [row({}), row({ id: 'a2', due: null }), row({ id: 'a3', title: 'x'.repeat(120), due: '2026-04-01' })],
      {
        host: 'hindsight.test',
        reviewUrl: (id) => `https://hindsight.test/r/${id}`,
        now: Date.UTC(2026, 2, 1),
      },
    );
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain('DTSTART;VALUE=DATE:20260315');
    expect(text).toContain('UID:r1.a1@hindsight.test');
    expect(text).toContain('SUMMARY:Due: Let rollbacks skip the deploy queue\\; also\\, "fast"');
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

describe('actions as CSV', () => {
  it('quotes every cell and defuses spreadsheet formulas', () => {
    const csv = actionsCsv([row({ owner: '=HYPERLINK("x")' })], (id) => `https://h.test/r/${id}`);
    const [header, line] = csv.split('\r\n');
    expect(header).toBe(
      '"Title","Description","Assignees","Due date","Priority","Status","Labels","Review","Review ID","Action ID","Link"',
    );
    expect(line).toContain('"Let rollbacks skip the deploy queue; also, ""fast"""');
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
