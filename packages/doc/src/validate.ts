// Input checks shared by the operations: every bad input throws a clear error
// before anything is written, so a failed operation changes nothing.
/** Throws unless `value` is one of `allowed`; returns it narrowed. */
export function oneOf<T extends string>(what: string, allowed: readonly T[], value: unknown): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${what} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
}

/** Throws unless `at` is a finite epoch-milliseconds number. */
export function epochMs(what: string, at: unknown): number {
  if (typeof at === 'number' && Number.isFinite(at)) return at;
  throw new Error(`${what} must be epoch milliseconds (UTC), got ${String(at)}`);
}

/** A short label (tag, factor category, owner): trimmed, non-empty, at most `max` characters. */
export function label(what: string, value: unknown, max = 40): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (v.length === 0 || v.length > max) throw new Error(`${what} must be 1 to ${max} characters`);
  return v;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Throws unless `value` is an http(s) URL; returns it normalised. */
export function httpUrl(what: string, value: unknown): string {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value.trim()) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`${what} must be an http(s) URL, e.g. https://tracker.example/ISSUE-1`);
  }
  return url.toString();
}

// Building an Intl.DateTimeFormat costs about a millisecond, and readMeta asks for every
// read (the server's collection sweep reads every loaded review's meta). The answer for a
// name never changes in a process; the cap keeps names from documents from growing it.
const timeZoneAnswers = new Map<string, boolean>();
const MAX_TIME_ZONE_ANSWERS = 1_000;

/** True for an IANA time zone name the runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  const known = timeZoneAnswers.get(value);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    ok = true;
  } catch {
    ok = false;
  }
  if (timeZoneAnswers.size < MAX_TIME_ZONE_ANSWERS) timeZoneAnswers.set(value, ok);
  return ok;
}

/** Tags are trimmed, lower-cased, 1-40 characters, de-duplicated and sorted. */
export function normaliseTags(tags: readonly string[]): string[] {
  const clean = tags.map((t) => String(t).trim().toLowerCase()).filter((t) => t.length > 0 && t.length <= 40);
  return [...new Set(clean)].sort();
}
