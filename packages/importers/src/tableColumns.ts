// Which column of a pasted table is which: from a header row when there is one
// (any order, many namings, a zone in the time heading), else from the cells.
import { ENTRY_KINDS, isTimeZone } from '@hindsight/doc';
import { parseDateCell, parseWrittenTime } from './timeText.ts';

export interface Columns {
  time: number;
  date: number | null;
  what: number | null;
  notes: number | null;
  who: number | null;
  kind: number | null;
  /** Columns not recognised: their cells go into the notes as `Heading: value`. */
  extra: number[];
  headings: string[];
  /** A zone named in the time heading, e.g. `Time (UTC)` or `When (Europe/Berlin)`. */
  zone: string | null;
}

type Role = 'time' | 'date' | 'what' | 'notes' | 'who' | 'kind';

const NAMES: [Role, RegExp][] = [
  ['date', /^(date|day)$/],
  ['time', /\b(time|timestamp|when|at|datetime|date\s*\/\s*time|clock)\b/],
  ['kind', /^(kind|type|category)$/],
  ['who', /^(who|person|author|by|actor|owner|name|responder)$/],
  ['notes', /\b(notes?|comments?|details?|context|remarks?|impact)\b/],
  ['what', /\b(what|event|summary|description|happened|action|entry|activity|title|message|text)\b/],
];

function roleOf(heading: string): Role | null {
  const h = heading
    .replace(/\(.*\)/, '')
    .trim()
    .toLowerCase();
  if (h.length === 0) return null;
  for (const [role, re] of NAMES) if (re.test(h)) return role;
  return null;
}

function zoneOf(heading: string): string | null {
  const m = /\(([^)]+)\)/.exec(heading);
  const inner = m?.[1]?.trim();
  if (!inner) return null;
  if (/^(utc|gmt|z)$/i.test(inner)) return 'UTC';
  return isTimeZone(inner) ? inner : null;
}

/** Columns from a header row, or null when the row does not look like one. */
export function columnsFromHeader(cells: string[]): Columns | null {
  if (cells.some((c) => parseWrittenTime(c) !== null)) return null;
  const roles = cells.map(roleOf);
  const time = roles.indexOf('time');
  if (time < 0 || !roles.some((r) => r === 'what' || r === 'notes')) return null;
  const first = (role: Role): number | null => {
    const i = roles.indexOf(role);
    return i < 0 ? null : i;
  };
  const taken = new Set([time, first('date'), first('what'), first('notes'), first('who'), first('kind')]);
  let what = first('what');
  const extra = cells.map((_, i) => i).filter((i) => !taken.has(i));
  // A table with "Time | Notes" only: the notes are what happened.
  if (what === null) what = first('notes');
  return {
    time,
    date: first('date'),
    what,
    notes: what === first('notes') ? null : first('notes'),
    who: first('who'),
    kind: first('kind'),
    extra,
    headings: cells.map((c) => c.trim()),
    zone: zoneOf(cells[time] ?? ''),
  };
}

/** Columns guessed from the cells when there is no header: the time column is the one that reads as times most often. */
export function columnsFromCells(rows: string[][]): Columns | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const score = (test: (cell: string) => boolean, i: number): number =>
    rows.filter((r) => (r[i] ?? '').trim() !== '' && test(r[i]!)).length;
  let time = -1;
  let best = 0;
  for (let i = 0; i < width; i++) {
    const s = score((c) => parseWrittenTime(c) !== null, i);
    if (s > best) [time, best] = [i, s];
  }
  if (time < 0) return null;
  let date: number | null = null;
  for (let i = 0; i < width; i++) {
    if (i !== time && score((c) => parseDateCell(c) !== null, i) > rows.length / 2) date = i;
  }
  const rest = Array.from({ length: width }, (_, i) => i).filter((i) => i !== time && i !== date);
  return {
    time,
    date,
    what: rest[0] ?? null,
    notes: rest[1] ?? null,
    who: null,
    kind: null,
    extra: rest.slice(2),
    headings: [],
    zone: null,
  };
}

/** An entry kind named in a cell, or null. */
export function kindOf(cell: string): (typeof ENTRY_KINDS)[number] | null {
  const k = cell.trim().toLowerCase();
  return (ENTRY_KINDS as readonly string[]).includes(k) ? (k as (typeof ENTRY_KINDS)[number]) : null;
}
