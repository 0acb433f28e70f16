// Importer for a plain chat log: `[14:32] name: text`, ISO-stamped lines
// (`2026-03-01T14:32:05Z name: text`), IRC (`[14:32] <nick> text`, `* nick
// does`), with lines without a stamp continuing the message above.
import { SourceClock } from './clock.ts';
import { ContentKeys } from './hash.ts';
import { runSteps, runStepsAsync, splitLines, type Steps } from './progress.ts';
import { monthNumber, parseWrittenTime } from './timeText.ts';
import { isPagingBot } from './pagingBots.ts';
import type { AsyncOptions, Candidate, ParseResult, ProgressOptions, TimeOptions } from './types.ts';

export type ChatOptions = TimeOptions & {
  /** Used in references (`name:line`). */
  fileName?: string;
};

const BRACKETED = /^\[([^\]]{3,40})\]\s*(.*)$/;
const ISO_START = /^(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)\s+(.*)$/;
const TIME_START = /^(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[aApP]\.?[mM]\.?)?)\s+(.*)$/;
const IRC_NICK = /^<[@+%&~ ]?([^>\s][^>]{0,39})>\s?(.*)$/;
const IRC_ACTION = /^\*\s+(\S{1,40})\s+(.+)$/;
const NAMED = /^([^:<>[\]]{1,40}?):\s+(.*)$/;
const SYSTEM = /^(-!-|\*\*\*|-->|<--|--)\s/;
const DAY_CHANGED =
  /^---\s+(?:Day changed|Log opened)\s+(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})(?:\s+[\d:]+)?\s+(\d{4})/;

interface Said {
  name?: string;
  text: string;
  /** An IRC action (`* nick does`): the text already names who. */
  action?: boolean;
}

function speaker(rest: string): Said {
  let m = IRC_NICK.exec(rest);
  if (m) return { name: m[1]!.trim(), text: m[2]! };
  m = IRC_ACTION.exec(rest);
  if (m) return { name: m[1]!, text: `${m[1]} ${m[2]}`, action: true };
  m = NAMED.exec(rest);
  if (m && m[1]!.trim().split(/\s+/).length <= 4) return { name: m[1]!.trim(), text: m[2]! };
  return { text: rest };
}

function stampOf(line: string): { stamp: string; rest: string } | null {
  const m = BRACKETED.exec(line) ?? ISO_START.exec(line) ?? TIME_START.exec(line);
  return m ? { stamp: m[1]!, rest: m[2]! } : null;
}

function chatSteps(text: string, options: ChatOptions): Steps<ParseResult> {
  const clock = new SourceClock(options);
  const lines = splitLines(text);
  const result: ParseResult = { candidates: [], problems: [], skipped: [] };
  const keys = new ContentKeys('chat');
  const file = options.fileName;
  let last: Candidate | null = null;

  const step = (i: number): void => {
    const raw = lines[i]!;
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const day = DAY_CHANGED.exec(trimmed);
    if (day && monthNumber(day[1]!) > 0) {
      clock.setDay({ year: Number(day[3]), month: monthNumber(day[1]!), day: Number(day[2]) });
      last = null;
      return;
    }
    if (SYSTEM.test(trimmed)) {
      result.skipped.push({ line, file, reason: `channel event: ${trimmed.slice(0, 80)}` });
      last = null;
      return;
    }
    const stamped = stampOf(trimmed);
    const written = stamped ? parseWrittenTime(stamped.stamp) : null;
    if (!stamped || !written) {
      if (stamped && BRACKETED.test(trimmed) && /[\d:]/.test(stamped.stamp)) {
        result.problems.push({ line, file, reason: `cannot read the time "${stamped.stamp}"` });
      } else if (last) {
        last.notes = last.notes === '' ? trimmed : `${last.notes}\n${trimmed}`;
      } else {
        result.problems.push({
          line,
          file,
          reason: 'no time at the start of the line, and no message above to continue',
        });
      }
      return;
    }
    if (SYSTEM.test(stamped.rest)) {
      clock.resolve(written);
      result.skipped.push({ line, file, reason: `channel event: ${stamped.rest.slice(0, 80)}` });
      last = null;
      return;
    }
    const resolved = clock.resolve(written);
    if (!resolved.ok) {
      result.problems.push({ line, file, reason: resolved.reason });
      last = null;
      return;
    }
    const said = speaker(stamped.rest);
    if (said.text.trim() === '') {
      result.problems.push({ line, file, reason: 'the message is empty' });
      return;
    }
    const candidate: Candidate = {
      key: keys.next(trimmed),
      at: resolved.at,
      precision: resolved.precision,
      // A paging bot's line is an alert, so the silence after it is found as a delay.
      kind: said.name && isPagingBot(said.name, said.text) ? 'alert' : 'communication',
      source: 'chat',
      // The sender is the entry's author, not part of what was said.
      summary: said.text.trim(),
      notes: '',
      tags: [],
      ref: `${file ?? 'chat'}:${line}`,
      starred: false,
      line,
    };
    if (file) candidate.file = file;
    if (said.name) candidate.author = said.name;
    result.candidates.push(candidate);
    last = candidate;
  };
  return { total: lines.length, step, finish: () => result };
}

/** Reads a plain chat log; a line that cannot be read becomes a problem with its line number. */
export function parseChatLog(text: string, options: ChatOptions & ProgressOptions = {}): ParseResult {
  return runSteps(chatSteps(text, options), options.onProgress);
}

/** parseChatLog in chunks that yield to the event loop, with progress. */
export function parseChatLogAsync(text: string, options: ChatOptions & AsyncOptions = {}): Promise<ParseResult> {
  return runStepsAsync(chatSteps(text, options), options);
}
