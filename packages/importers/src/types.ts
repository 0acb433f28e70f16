// The shapes every importer produces: candidate timeline entries, the problems
// found on the way, and the options they share (time zone, date, progress).
import type { EntryKind, EntrySource, PersonRecord, TimePrecision } from '@hindsight/doc';

/** Severity of a log line, lowest first. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'notice', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One entry an import would add; the UI previews these and passes the chosen ones to `applyImport`. */
export interface Candidate {
  /**
   * Stable identity of the original (source kind + reference, e.g.
   * `slack:C024BE91L:1700000000.000100`): the same original always gets the
   * same key, so re-importing it adds nothing. Stored as the entry's `importKey`.
   */
  key: string;
  /** When it happened, epoch ms UTC. */
  at: number;
  precision: TimePrecision;
  kind: EntryKind;
  source: EntrySource;
  /** The "what happened" column. */
  summary: string;
  /** The "notes" column (plain text; may be empty). */
  notes: string;
  tags: string[];
  /** Human-readable reference back to the original (message ts, alert fingerprint, `file:line`). */
  ref: string;
  /** http(s) link to the original, when the source has one. */
  url?: string;
  /** Suggested star (pinned or reacted Slack messages, for example). */
  starred: boolean;
  /** 1-based line of the source where this starts (for JSON sources: the item's position). */
  line: number;
  /** The file it came from, when the source has several. */
  file?: string;
  /** Who said or did it, when the source knows. */
  author?: string;
  /** Thread replies: the key of the thread's first message, which comes before them. */
  parentKey?: string;
  /** Log lines: the level read from the line. */
  level?: LogLevel;
}

/** Something in the source that could not be read: never dropped silently. */
export interface Problem {
  /** 1-based line (for JSON sources: the item's position; 0 = the source as a whole). */
  line: number;
  reason: string;
  file?: string;
}

/** Something readable that was deliberately left out (a deleted message, a channel join). */
export interface Skipped {
  line: number;
  reason: string;
  file?: string;
}

export interface ParseResult {
  candidates: Candidate[];
  problems: Problem[];
  skipped: Skipped[];
  /**
   * The people (and bots) the source names, with every form it knows (Slack's
   * users.json: real name, display name, handle, e-mail, title): recorded with
   * `recordPeople` so the anonymiser can hide each of them in every form.
   */
  people?: PersonRecord[];
}

/** How to read times that do not say everything themselves. */
export interface TimeOptions {
  /** IANA zone for times written without a zone or offset. Default `UTC`; the UI passes the review's. */
  timeZone?: string;
  /** `YYYY-MM-DD` (in `timeZone`) for times written without a date, e.g. the incident's start date. */
  date?: string;
  /**
   * The incident the source belongs to. Without a `date`, the first time of day
   * written without one resolves to its occurrence nearest the incident
   * (`resolveBareTime`); later ones follow it in source order.
   */
  incident?: { startedAt: number; windowEndsAt: number | null; now: number };
}

/** Progress of a long import: `done` of `total` steps (lines, rows or messages). */
export interface Progress {
  done: number;
  total: number;
}

export interface ProgressOptions {
  /** Called as the import advances (at most once per chunk, and once at the end). */
  onProgress?: (progress: Progress) => void;
}

/** Options of the async variants: they yield to the event loop between chunks so a UI stays responsive. */
export interface AsyncOptions extends ProgressOptions {
  /** Steps per chunk between yields. Default 500. */
  chunkSize?: number;
  /** Abort the import; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}
