// Importer for the Prometheus Alertmanager webhook payload (version 4): each
// alert becomes a "firing" entry at startsAt and, once resolved, a "resolved"
// entry at endsAt, keyed by the alert's fingerprint so re-posts add nothing.
import { hashText } from './hash.ts';
import { httpUrlOrUndefined, isObject, readJson, stringPairs } from './json.ts';
import type { Candidate, ParseResult, Problem } from './types.ts';

/** Alertmanager's "not set" endsAt. */
const ZERO_TIME = /^0001-01-01T/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function instant(value: unknown): number | null {
  if (typeof value !== 'string' || !RFC3339.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function alertCandidates(alert: unknown, index: number, externalUrl: string | undefined): Candidate[] | Problem {
  const line = index + 1;
  const where = `alerts[${index}]`;
  if (!isObject(alert)) return { line, reason: `${where} must be an object` };
  const labels = stringPairs(alert.labels);
  const name = labels.find(([k]) => k === 'alertname')?.[1];
  if (!name) return { line, reason: `${where}.labels.alertname is missing` };
  const status = alert.status;
  if (status !== 'firing' && status !== 'resolved') {
    return { line, reason: `${where}.status must be "firing" or "resolved", got ${JSON.stringify(status)}` };
  }
  const startsAt = instant(alert.startsAt);
  if (startsAt === null) {
    return { line, reason: `${where}.startsAt must be an RFC 3339 time such as 2026-03-01T14:32:00Z` };
  }
  const endsAtRaw = alert.endsAt;
  const endsAt = typeof endsAtRaw === 'string' && ZERO_TIME.test(endsAtRaw) ? null : instant(endsAtRaw);
  if (status === 'resolved' && endsAt === null) {
    return { line, reason: `${where}.endsAt must be an RFC 3339 time for a resolved alert` };
  }
  const fingerprint =
    typeof alert.fingerprint === 'string' && alert.fingerprint !== ''
      ? alert.fingerprint
      : hashText(labels.map(([k, v]) => `${k}=${v}`).join(','));
  const annotations = stringPairs(alert.annotations);
  const annotation = (key: string): string | undefined => annotations.find(([k]) => k === key)?.[1];
  const about = annotation('summary') ?? annotation('description') ?? annotation('message');
  const severity = labels.find(([k]) => k === 'severity')?.[1];
  const notes = [labels.map(([k, v]) => `${k}=${v}`).join(', '), ...annotations.map(([k, v]) => `${k}: ${v}`)].join(
    '\n',
  );
  const url = httpUrlOrUndefined(alert.generatorURL) ?? externalUrl;
  const base = {
    precision: 'exact' as const,
    kind: 'alert' as const,
    source: 'alert' as const,
    notes,
    tags: ['alertmanager', ...(severity ? [severity] : [])].filter((t) => t.length <= 40),
    ref: `alertmanager ${name} ${fingerprint}`,
    starred: false,
    line,
    author: 'Alertmanager',
    ...(url ? { url } : {}),
  };
  const firingKey = `alertmanager:${fingerprint}:${startsAt}:firing`;
  const out: Candidate[] = [
    { ...base, key: firingKey, at: startsAt, summary: `Firing: ${name}${about ? ` — ${about}` : ''}` },
  ];
  if (status === 'resolved' && endsAt !== null) {
    out.push({
      ...base,
      key: `alertmanager:${fingerprint}:${startsAt}:resolved`,
      at: endsAt,
      summary: `Resolved: ${name}${about ? ` — ${about}` : ''}`,
      parentKey: firingKey,
    });
  }
  return out;
}

/**
 * Reads an Alertmanager webhook payload (JSON text or the parsed object).
 * Alerts that cannot be read are problems (line = the alert's position).
 */
export function parseAlertmanager(input: unknown): ParseResult {
  const result: ParseResult = { candidates: [], problems: [], skipped: [] };
  const json = readJson(input);
  if (!json.ok) {
    result.problems.push({ line: 0, reason: json.reason });
    return result;
  }
  const payload = json.value;
  if (!isObject(payload) || !Array.isArray(payload.alerts)) {
    result.problems.push({ line: 0, reason: 'not an Alertmanager webhook payload: "alerts" must be a list' });
    return result;
  }
  const externalUrl = httpUrlOrUndefined(payload.externalURL);
  payload.alerts.forEach((alert, i) => {
    const read = alertCandidates(alert, i, externalUrl);
    if (Array.isArray(read)) result.candidates.push(...read);
    else result.problems.push(read);
  });
  return result;
}
