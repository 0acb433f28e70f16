// Importer for log lines (RFC 3339 / ISO 8601 stamped, syslog RFC 3164 and
// 5424, common log format, JSON lines, logfmt) with a filter, so a person
// brings in only the lines that matter. Stack-trace lines go into the notes
// of the line above; any other line without a readable time is a problem.
import { SourceClock } from './clock.ts';
import { ContentKeys } from './hash.ts';
import { isContinuation, parseLogLine } from './logFormats.ts';
import { runSteps, runStepsAsync, splitLines, type Steps } from './progress.ts';
import {
  LOG_LEVELS,
  type AsyncOptions,
  type Candidate,
  type LogLevel,
  type ParseResult,
  type ProgressOptions,
  type TimeOptions,
} from './types.ts';

/** Which lines to bring in. All given conditions must hold. */
export interface LogFilter {
  /** Case-insensitive substring the line must contain. */
  contains?: string;
  /** Regular expression (a RegExp, or its source as a string) the line must match. */
  regex?: RegExp | string;
  /** Lowest level to keep; lines that name no level count as `info`. */
  minLevel?: LogLevel;
}

export type LogOptions = TimeOptions & {
  /** Used in references (`name:line`). */
  fileName?: string;
  filter?: LogFilter;
};

export interface LogParseResult extends ParseResult {
  /** Readable lines the filter left out. */
  filteredOut: number;
}

const MAX_SUMMARY = 500;

function compileFilter(filter: LogFilter | undefined): (line: string, level: LogLevel | undefined) => boolean {
  if (!filter) return () => true;
  const needle = filter.contains?.toLowerCase();
  let regex: RegExp | undefined;
  if (filter.regex !== undefined) {
    try {
      // A global or sticky RegExp would carry lastIndex from one line to the next.
      regex =
        typeof filter.regex === 'string'
          ? new RegExp(filter.regex, 'i')
          : new RegExp(filter.regex.source, filter.regex.flags.replace(/[gy]/g, ''));
    } catch (err) {
      throw new Error(`the filter is not a valid regular expression: ${(err as Error).message}`, { cause: err });
    }
  }
  const min = filter.minLevel === undefined ? -1 : LOG_LEVELS.indexOf(filter.minLevel);
  return (line, level) =>
    (needle === undefined || needle === '' || line.toLowerCase().includes(needle)) &&
    (regex === undefined || regex.test(line)) &&
    LOG_LEVELS.indexOf(level ?? 'info') >= min;
}

function logSteps(text: string, options: LogOptions): Steps<LogParseResult> {
  const clock = new SourceClock(options);
  const keep = compileFilter(options.filter);
  const lines = splitLines(text);
  const result: LogParseResult = { candidates: [], problems: [], skipped: [], filteredOut: 0 };
  const keys = new ContentKeys('log');
  const file = options.fileName;
  // The entry the next continuation line belongs to: a candidate, 'filtered' when its line was left out, or none.
  let above: Candidate | 'filtered' | null = null;

  const step = (i: number): void => {
    const raw = lines[i]!;
    const line = i + 1;
    if (raw.trim() === '') return;
    const parsed = parseLogLine(raw);
    if (!parsed) {
      if (above !== null && isContinuation(raw)) {
        if (above === 'filtered') result.filteredOut++;
        else above.notes = above.notes === '' ? raw.trimEnd() : `${above.notes}\n${raw.trimEnd()}`;
      } else {
        result.problems.push({ line, file, reason: `no time this reads at the start of "${raw.slice(0, 60)}"` });
      }
      return;
    }
    // The clock sees every dated line, kept or not, so dates and DST resolve as in the whole file.
    const resolved = clock.resolve(parsed.time);
    if (!keep(raw, parsed.level)) {
      result.filteredOut++;
      above = 'filtered';
      return;
    }
    if (!resolved.ok) {
      result.problems.push({ line, file, reason: resolved.reason });
      above = null;
      return;
    }
    const message = parsed.message.trim() || raw.trim();
    const candidate: Candidate = {
      key: keys.next(raw.trim()),
      at: resolved.at,
      precision: resolved.precision,
      kind: 'observation',
      source: 'log',
      summary: message.length > MAX_SUMMARY ? `${message.slice(0, MAX_SUMMARY - 1)}…` : message,
      notes: message.length > MAX_SUMMARY ? message : '',
      tags: parsed.level && LOG_LEVELS.indexOf(parsed.level) >= LOG_LEVELS.indexOf('warn') ? [parsed.level] : [],
      ref: `${file ?? 'log'}:${line}`,
      starred: false,
      line,
    };
    if (file) candidate.file = file;
    if (parsed.level) candidate.level = parsed.level;
    result.candidates.push(candidate);
    above = candidate;
  };
  return { total: lines.length, step, finish: () => result };
}

/** Reads log lines; `filter` keeps only the lines that matter, unreadable lines become problems. */
export function parseLogs(text: string, options: LogOptions & ProgressOptions = {}): LogParseResult {
  return runSteps(logSteps(text, options), options.onProgress);
}

/** parseLogs in chunks that yield to the event loop, with progress (for large files). */
export function parseLogsAsync(text: string, options: LogOptions & AsyncOptions = {}): Promise<LogParseResult> {
  return runStepsAsync(logSteps(text, options), options);
}
