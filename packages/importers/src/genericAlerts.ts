// Importer for Hindsight's generic alert JSON, for sources other than
// Alertmanager (documented in packages/importers/README.md):
//   {"alerts": [{"id", "status"?, "at", "title", "severity"?, "description"?, "url"?, "source"?}]}
// Each item is one event (an alert firing or resolving) and becomes one entry.
import { SourceClock } from './clock.ts';
import { httpUrlOrUndefined, isObject, readJson } from './json.ts';
import { parseWrittenTime } from './timeText.ts';
import type { Candidate, ParseResult, Problem, TimeOptions } from './types.ts';

/** One item of the generic alert shape. */
export interface GenericAlert {
  /** Stable id of the alert in its source (the same for its firing and its resolution), 1-200 chars. */
  id: string;
  /** Default `firing`. */
  status?: 'firing' | 'resolved';
  /** When it fired or resolved: ISO 8601 (zone-less times are read in the chosen zone) or epoch ms. */
  at: string | number;
  /** What the alert says, 1-500 chars. */
  title: string;
  severity?: string;
  description?: string;
  /** http(s) link to the alert in its source. */
  url?: string;
  /** The sending system, e.g. `Grafana` (≤ 100 chars). */
  source?: string;
}

function text(v: unknown, max: number): string | null {
  return typeof v === 'string' && v.trim().length > 0 && v.length <= max ? v.trim() : null;
}

function readAlert(item: unknown, index: number, clock: SourceClock): Candidate | Problem {
  const line = index + 1;
  const where = `alerts[${index}]`;
  if (!isObject(item)) return { line, reason: `${where} must be an object` };
  const id = text(item.id, 200);
  if (id === null) return { line, reason: `${where}.id must be a string of 1 to 200 characters` };
  const title = text(item.title, 500);
  if (title === null) return { line, reason: `${where}.title must be a string of 1 to 500 characters` };
  const status = item.status ?? 'firing';
  if (status !== 'firing' && status !== 'resolved') {
    return { line, reason: `${where}.status must be "firing" or "resolved", got ${JSON.stringify(status)}` };
  }
  const written =
    typeof item.at === 'number' && Number.isFinite(item.at)
      ? { type: 'instant' as const, ms: item.at, precision: 'exact' as const }
      : typeof item.at === 'string'
        ? parseWrittenTime(item.at)
        : null;
  const resolved = written ? clock.resolve(written) : null;
  if (!resolved?.ok) {
    return {
      line,
      reason: `${where}.at must be an ISO 8601 time such as 2026-03-01T14:32:00Z, or epoch milliseconds`,
    };
  }
  const source = item.source === undefined ? null : text(item.source, 100);
  if (item.source !== undefined && source === null)
    return { line, reason: `${where}.source must be 1 to 100 characters` };
  const severity = item.severity === undefined ? null : text(item.severity, 40);
  if (item.severity !== undefined && severity === null) {
    return { line, reason: `${where}.severity must be 1 to 40 characters` };
  }
  const description = typeof item.description === 'string' ? item.description : '';
  const url = httpUrlOrUndefined(item.url);
  return {
    key: `alert:${source ?? ''}:${id}:${status}:${resolved.at}`,
    at: resolved.at,
    precision: resolved.precision,
    kind: 'alert',
    source: 'alert',
    summary: `${status === 'firing' ? 'Firing' : 'Resolved'}: ${title}`,
    notes: description,
    tags: severity ? [severity] : [],
    ref: `${source ?? 'alert'} ${id}`,
    starred: false,
    line,
    ...(source ? { author: source } : {}),
    ...(url ? { url } : {}),
  };
}

/** Reads the generic alert shape (JSON text or parsed; `{"alerts": [...]}` or a bare list). */
export function parseGenericAlerts(input: unknown, options: TimeOptions = {}): ParseResult {
  const result: ParseResult = { candidates: [], problems: [], skipped: [] };
  const json = readJson(input);
  if (!json.ok) {
    result.problems.push({ line: 0, reason: json.reason });
    return result;
  }
  const list = Array.isArray(json.value) ? json.value : isObject(json.value) ? json.value.alerts : undefined;
  if (!Array.isArray(list)) {
    result.problems.push({ line: 0, reason: 'expected {"alerts": [...]}: a list of alerts with id, at and title' });
    return result;
  }
  const clock = new SourceClock(options);
  list.forEach((item, i) => {
    const read = readAlert(item, i, clock);
    if ('key' in read) result.candidates.push(read);
    else result.problems.push(read);
  });
  return result;
}
