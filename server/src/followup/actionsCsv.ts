// Action items as CSV for Jira's and GitHub's CSV importers, written by
// papaparse (quoting, embedded commas, quotes and newlines handled there).
import Papa from 'papaparse';
import type { ActionRow } from '@hindsight/report';

/** Column headers: Jira maps them in its import wizard; GitHub Projects reads `Title`, `Assignees`, `Status`. */
export const CSV_COLUMNS = [
  'Title',
  'Description',
  'Assignees',
  'Due date',
  'Priority',
  'Status',
  'Labels',
  'Review',
  'Review ID',
  'Action ID',
  'Link',
];

// A leading = + - @ makes spreadsheets run a formula: prefix it with a quote (OWASP CSV injection).
const cell = (s: string | null): string => (s === null ? '' : /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** The rows as CSV text (CRLF line ends, a header row). */
export function actionsCsv(rows: readonly ActionRow[], reviewUrl: (reviewId: string) => string): string {
  return Papa.unparse(
    {
      fields: CSV_COLUMNS,
      data: rows.map((r) => [
        cell(r.title),
        cell(`Action item from the learning review "${r.reviewTitle}": ${reviewUrl(r.reviewId)}`),
        cell(r.owner),
        r.due ?? '',
        r.priority ?? '',
        r.status,
        'incident-review',
        cell(r.reviewTitle),
        r.reviewId,
        r.id,
        cell(r.link),
      ]),
    },
    { newline: '\r\n', quotes: true },
  );
}
