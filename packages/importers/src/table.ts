// Importer for a table pasted from a spreadsheet or a shared document: tab- or
// comma-separated (parsed by papaparse), with or without a header, columns
// time / what happened / notes in any order and naming, times with or without
// dates (the incident's date fills in, a run past midnight rolls over).
import Papa from 'papaparse';
import type { EntryKind } from '@hindsight/doc';
import { SourceClock } from './clock.ts';
import { ContentKeys } from './hash.ts';
import { runSteps, runStepsAsync, type Steps } from './progress.ts';
import { columnsFromCells, columnsFromHeader, kindOf, type Columns } from './tableColumns.ts';
import { parseDateCell, parseWrittenTime, type WrittenTime } from './timeText.ts';
import type { AsyncOptions, Candidate, ParseResult, ProgressOptions, TimeOptions } from './types.ts';

export type TableOptions = TimeOptions & {
  /** Force the delimiter; by default a tab anywhere in the first lines means TSV, else papaparse guesses. */
  delimiter?: string;
};

interface Row {
  cells: string[];
  line: number;
}

// A one-column row such as `14:32 paged the on-call` or `2026-03-01 14:32 - text`: the leading time and the rest.
function splitLeadingTime(cell: string): string[] {
  const parts = cell.trim().split(/\s+/);
  for (let n = Math.min(4, parts.length - 1); n >= 1; n--) {
    const head = parts
      .slice(0, n)
      .join(' ')
      .replace(/[-–—|:]$/, '');
    if (parseWrittenTime(head) !== null)
      return [
        head,
        parts
          .slice(n)
          .join(' ')
          .replace(/^[-–—|:]\s*/, ''),
      ];
  }
  return [cell];
}

function readRows(text: string, delimiter: string | undefined): Row[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const head = text.split('\n', 20).join('\n');
  const chosen = delimiter ?? (head.includes('\t') ? '\t' : '');
  const rows: Row[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: chosen,
    delimitersToGuess: [',', ';', '|'],
    step: (result) => {
      rows.push({ cells: result.data.map((c) => String(c ?? '')), line: lineAt(start) });
      start = result.meta.cursor;
    },
  });
  return rows.map((r) => (r.cells.length === 1 ? { ...r, cells: splitLeadingTime(r.cells[0]!) } : r));
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

function tableSteps(text: string, options: TableOptions): Steps<ParseResult> {
  const clock = new SourceClock(options);
  const rows = readRows(text, options.delimiter).filter((r) => !isBlank(r.cells));
  const result: ParseResult = { candidates: [], problems: [], skipped: [] };
  const keys = new ContentKeys('table');
  let columns: Columns | null = null;
  let firstData = 0;
  if (rows.length > 0) {
    columns = columnsFromHeader(rows[0]!.cells);
    if (columns) firstData = 1;
    else columns = columnsFromCells(rows.map((r) => r.cells));
  }
  if (!columns && rows.length > 0) {
    result.problems.push({ line: rows[0]!.line, reason: 'no column of times found; paste a table with a time column' });
  }
  const zoneClock = columns?.zone ? new SourceClock({ ...options, timeZone: columns.zone }) : clock;
  const cell = (row: Row, i: number | null): string => (i === null ? '' : (row.cells[i] ?? '').trim());

  const step = (index: number): void => {
    if (!columns || index < firstData) return;
    const row = rows[index]!;
    const timeText = cell(row, columns.time);
    const what = cell(row, columns.what);
    if (timeText === '') {
      result.problems.push({
        line: row.line,
        reason: 'no time in the time column; add one or merge the row into the one above',
      });
      return;
    }
    let written: WrittenTime | null = parseWrittenTime(timeText);
    const dateText = cell(row, columns.date);
    if (written && dateText !== '' && written.type === 'local' && !written.date) {
      const date = parseDateCell(dateText);
      if (!date) {
        result.problems.push({ line: row.line, reason: `cannot read the date "${dateText}"; write it as YYYY-MM-DD` });
        return;
      }
      written = { ...written, date };
    }
    if (!written) {
      result.problems.push({
        line: row.line,
        reason: `cannot read the time "${timeText}"; write it as 14:32, 2:32 pm or 2026-03-01 14:32`,
      });
      return;
    }
    const resolved = zoneClock.resolve(written);
    if (!resolved.ok) {
      result.problems.push({ line: row.line, reason: resolved.reason });
      return;
    }
    const notesParts = [cell(row, columns.notes)];
    for (const i of columns.extra) {
      const v = cell(row, i);
      if (v !== '') notesParts.push(columns.headings[i] ? `${columns.headings[i]}: ${v}` : v);
    }
    const notes = notesParts.filter((p) => p !== '').join('\n');
    if (what === '' && notes === '') {
      result.problems.push({
        line: row.line,
        reason: `nothing written for ${timeText}; the "what happened" cell is empty`,
      });
      return;
    }
    const who = cell(row, columns.who);
    const kindCell = cell(row, columns.kind);
    const kind: EntryKind = kindOf(kindCell) ?? 'observation';
    const summary = (what === '' ? notes.split('\n')[0]! : what).slice(0, 2000);
    const candidate: Candidate = {
      key: keys.next(`${timeText}\u0000${dateText}\u0000${what}`),
      at: resolved.at,
      precision: resolved.precision,
      kind,
      source: 'manual',
      summary: who ? `${who}: ${summary}` : summary,
      notes: what === '' ? notes.split('\n').slice(1).join('\n') : notes,
      tags: kindCell !== '' && !kindOf(kindCell) ? [kindCell] : [],
      ref: `row ${row.line}`,
      starred: false,
      line: row.line,
    };
    if (who) candidate.author = who;
    result.candidates.push(candidate);
  };
  return { total: rows.length, step, finish: () => result };
}

/** Reads a pasted table into candidates; rows that cannot be read become problems with their line. */
export function parseTable(text: string, options: TableOptions & ProgressOptions = {}): ParseResult {
  return runSteps(tableSteps(text, options), options.onProgress);
}

/** parseTable in chunks that yield to the event loop, with progress (for thousands of rows). */
export function parseTableAsync(text: string, options: TableOptions & AsyncOptions = {}): Promise<ParseResult> {
  return runStepsAsync(tableSteps(text, options), options);
}
