// Times and durations as the report prints them: UTC always, plus the
// review's own time zone when it is not UTC.

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-03-01 10:04 UTC` (seconds shown when `seconds`). */
export function formatUtc(ms: number, seconds = false): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'unknown time';
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${seconds ? `${base}:${pad(d.getUTCSeconds())}` : base} UTC`;
}

// Creating an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `11:04` (and the date when it differs from the UTC date) in `timeZone`. */
export function formatZoned(ms: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${timeZone}`;
}

/** The time as the report shows it: UTC, plus the review's zone in brackets when not UTC. */
export function formatWhen(ms: number, timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return formatUtc(ms);
  try {
    return `${formatUtc(ms)} (${formatZoned(ms, timeZone)})`;
  } catch {
    return formatUtc(ms);
  }
}
