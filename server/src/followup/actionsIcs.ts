// Deadlines of open action items as an iCalendar feed (RFC 5545), written by
// ical-generator: one all-day event per item on its due date.
import ical, { ICalEventStatus } from 'ical-generator';
import type { ActionRow } from '@hindsight/report';

/** The calendar text; items without a due date are left out. */
export function actionsIcs(
  rows: readonly ActionRow[],
  options: { host: string; reviewUrl: (reviewId: string) => string; now: number },
): string {
  const cal = ical({
    name: 'Hindsight action items',
    prodId: { company: 'Hindsight', product: 'action-items', language: 'EN' },
  });
  for (const r of rows) {
    if (r.due === null) continue;
    const [y, m, d] = r.due.split('-').map(Number) as [number, number, number];
    cal.createEvent({
      id: `${r.reviewId}.${r.id}@${options.host}`,
      // All-day on the due date: without a calendar time zone ical-generator writes the UTC date.
      start: new Date(Date.UTC(y, m - 1, d)),
      allDay: true,
      stamp: new Date(options.now),
      summary: `Due: ${r.title}`,
      description: [
        `Review: ${r.reviewTitle}`,
        `Owner: ${r.owner ?? 'unassigned'}`,
        `Status: ${r.status}`,
        r.link ? `Tracker: ${r.link}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      url: options.reviewUrl(r.reviewId),
      status: r.status === 'done' || r.status === 'wont_do' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545: every content line, the last included, ends with CRLF.
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
