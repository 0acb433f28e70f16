// The log line shapes the log importer reads: RFC 5424 and RFC 3164 syslog,
// common/combined log format, JSON lines, logfmt, and any line starting with
// an RFC 3339 / ISO 8601 time. Each yields the written time, the message and,
// when the line says, a level.
import { monthNumber, parseWrittenTime, type WrittenTime } from './timeText.ts';
import type { LogLevel } from './types.ts';

export interface LogLine {
  time: WrittenTime;
  message: string;
  level?: LogLevel;
  format: 'rfc5424' | 'rfc3164' | 'clf' | 'json' | 'logfmt' | 'iso';
}

/** Syslog severities 0-7 (emerg ... debug) as levels. */
const SYSLOG_LEVELS: LogLevel[] = ['fatal', 'fatal', 'fatal', 'error', 'warn', 'notice', 'info', 'debug'];

const LEVEL_WORDS: Record<string, LogLevel> = {
  trace: 'trace',
  debug: 'debug',
  dbg: 'debug',
  info: 'info',
  information: 'info',
  notice: 'notice',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  severe: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  panic: 'fatal',
  emerg: 'fatal',
  alert: 'fatal',
};

/** A level named by a word (`WARN`, `error`, `crit`), or undefined. */
export function levelWord(word: unknown): LogLevel | undefined {
  if (typeof word === 'number') {
    // pino/bunyan numeric levels.
    return word >= 60
      ? 'fatal'
      : word >= 50
        ? 'error'
        : word >= 40
          ? 'warn'
          : word >= 30
            ? 'info'
            : word >= 20
              ? 'debug'
              : 'trace';
  }
  return typeof word === 'string' ? LEVEL_WORDS[word.toLowerCase()] : undefined;
}

const RFC5424 = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|(?:\[(?:[^\]\\]|\\.)*\])+)(?: (.*))?$/;
const RFC3164 = /^(?:<(\d{1,3})>)?([A-Z][a-z]{2})\s+(\d{1,2}) (\d{2}:\d{2}:\d{2}) (\S+) (.*)$/;
const PRI_ISO = /^<(\d{1,3})>(\d{4}-\d{2}-\d{2}T\S+) (\S+) (.*)$/;
const CLF =
  /^(\S+) (\S+) (\S+) \[(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{4})\] "([^"]*)" (\d{3}) (\S+)(?: "([^"]*)" "([^"]*)")?/;
const ISO_START =
  /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s?(?:Z|z|UTC|GMT|[+-]\d{2}:?\d{2}))?)\]?[\s|,;-]+(.*)$/;
const LEVEL_TOKEN = /^(?:\[|<)?([A-Za-z]{3,11})(?:\]|>|:)?$/;
const LOGFMT_PAIR = /(\w[\w.@-]*)=("(?:[^"\\]|\\.)*"|\S*)/g;

function levelInText(message: string): LogLevel | undefined {
  for (const token of message.split(/\s+/, 4)) {
    const m = LEVEL_TOKEN.exec(token);
    const level = m ? LEVEL_WORDS[m[1]!.toLowerCase()] : undefined;
    if (level) return level;
    const kv = /^(?:level|lvl|severity)=(\w+)$/i.exec(token);
    if (kv) return LEVEL_WORDS[kv[1]!.toLowerCase()];
  }
  return undefined;
}

const severity = (pri: string | undefined): LogLevel | undefined =>
  pri === undefined ? undefined : SYSLOG_LEVELS[Number(pri) % 8];

function fromJson(line: string): LogLine | null {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return null;
  const o = obj as Record<string, unknown>;
  const stamp = o['@timestamp'] ?? o.timestamp ?? o.time ?? o.ts ?? o.t ?? o.date;
  let time: WrittenTime | null = null;
  if (typeof stamp === 'number' && Number.isFinite(stamp)) {
    time = { type: 'instant', ms: stamp < 1e11 ? Math.round(stamp * 1000) : Math.round(stamp), precision: 'exact' };
  } else if (typeof stamp === 'string') {
    time = parseWrittenTime(stamp);
  }
  if (!time) return null;
  const message = o.msg ?? o.message ?? o.text ?? o.event ?? '';
  return {
    time,
    message: typeof message === 'string' ? message : JSON.stringify(message),
    level: levelWord(o.level ?? o.severity ?? o.lvl ?? o['log.level']),
    format: 'json',
  };
}

function fromLogfmt(line: string): LogLine | null {
  if (!/^(?:\w+=\S*\s+)*(?:ts|time|timestamp|t)=/.test(line)) return null;
  const pairs = new Map<string, string>();
  for (const m of line.matchAll(LOGFMT_PAIR)) pairs.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"'));
  const stamp = pairs.get('ts') ?? pairs.get('time') ?? pairs.get('timestamp') ?? pairs.get('t');
  const time = stamp === undefined ? null : parseWrittenTime(stamp);
  if (!time) return null;
  return {
    time,
    message: pairs.get('msg') ?? pairs.get('message') ?? line,
    level: levelWord(pairs.get('level') ?? pairs.get('lvl')),
    format: 'logfmt',
  };
}

/** Reads one log line; null when no format here recognises its time. */
export function parseLogLine(raw: string): LogLine | null {
  const line = raw.replace(/^\uFEFF/, '').trim();
  let m = RFC5424.exec(line);
  if (m) {
    const time = m[2] === '-' ? null : parseWrittenTime(m[2]!);
    if (!time) return null;
    const where = [m[3], m[4]].filter((x) => x !== '-').join(' ');
    const msg = (m[8] ?? '').replace(/^\uFEFF/, '');
    return { time, message: where ? `${where}: ${msg}` : msg, level: severity(m[1]), format: 'rfc5424' };
  }
  if ((m = PRI_ISO.exec(line))) {
    const time = parseWrittenTime(m[2]!);
    if (time) return { time, message: `${m[3]} ${m[4]}`, level: severity(m[1]), format: 'rfc3164' };
  }
  if ((m = RFC3164.exec(line)) && monthNumber(m[2]!) > 0) {
    const time = parseWrittenTime(`${m[2]} ${m[3]} ${m[4]}`);
    if (time)
      return { time, message: `${m[5]} ${m[6]}`, level: severity(m[1]) ?? levelInText(m[6]!), format: 'rfc3164' };
  }
  if ((m = CLF.exec(line))) {
    const time = parseWrittenTime(`${m[6]}-${String(monthNumber(m[5]!)).padStart(2, '0')}-${m[4]}T${m[7]}${m[8]}`);
    if (time) {
      const status = Number(m[10]);
      const level: LogLevel = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      return { time, message: `${m[9]} → ${status} (${m[1]})`, level, format: 'clf' };
    }
  }
  if (line.startsWith('{')) return fromJson(line);
  const logfmt = fromLogfmt(line);
  if (logfmt) return logfmt;
  if ((m = ISO_START.exec(line))) {
    const time = parseWrittenTime(m[1]!);
    if (time) return { time, message: m[2]!, level: levelInText(m[2]!), format: 'iso' };
  }
  return null;
}

/** True for a line that continues the entry above (stack frames, wrapped text). */
export function isContinuation(raw: string): boolean {
  return /^\s/.test(raw) || /^(at |Caused by|\.\.\. \d+ more|Traceback|\S*(Error|Exception)\b)/.test(raw);
}
