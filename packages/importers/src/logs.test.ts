import { describe, expect, it } from 'vitest';
import { readTimeline } from '@hindsight/doc';
import { applyImport, importDefaults } from './apply.ts';
import { parseLogs, parseLogsAsync } from './logs.ts';
import { fixture, fixtureReview, importCtx } from './testFixtures.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('parseLogs: 2,000 zone-less lines through the night the clocks went back (Europe/Berlin)', () => {
  const text = fixture('logs/checkout-api.log');
  const options = { timeZone: 'Europe/Berlin', fileName: 'checkout-api.log' };
  const result = parseLogs(text, options);

  it('reads every stamped line, in order through the repeated hour', () => {
    const stamped = text.split('\n').filter((l) => /^\d{4}-/.test(l)).length;
    expect(result.candidates).toHaveLength(stamped);
    const at = result.candidates.map((c) => c.at);
    for (let i = 1; i < at.length; i++)
      expect(at[i]!, `line ${result.candidates[i]!.line}`).toBeGreaterThan(at[i - 1]!);
    expect(iso(at[0]!)).toBe('2026-10-24T23:00:07.282Z'); // 01:00:07,282 CEST
    // The first 02:00 is summer time, the second winter time, an hour later in UTC.
    const twoAm = result.candidates.filter(
      (c) => c.summary !== '' && /^2026-10-25 02:00/.test(text.split('\n')[c.line - 1]!),
    );
    expect(twoAm.length).toBeGreaterThanOrEqual(2);
    expect(iso(twoAm[0]!.at).slice(0, 13)).toBe('2026-10-25T00');
    expect(iso(twoAm[twoAm.length - 1]!.at).slice(0, 13)).toBe('2026-10-25T01');
  });

  it('keeps stack traces in the notes of their line and reports the line without a time', () => {
    const withTrace = result.candidates.find((c) => c.notes.includes('HikariPool.createTimeoutException'));
    expect(withTrace?.notes).toMatch(/^java\.sql\.SQLTransientConnectionException/);
    expect(result.problems).toEqual([
      { line: 1001, file: 'checkout-api.log', reason: expect.stringContaining('checkout-api: log rotated') },
    ]);
    expect(result.candidates[0]).toMatchObject({ ref: 'checkout-api.log:1', precision: 'exact', level: 'info' });
  });

  it('filters by level, substring and regex; left-out lines are counted, not reported', () => {
    const errors = parseLogs(text, { ...options, filter: { minLevel: 'error' } });
    expect(errors.candidates.length).toBeGreaterThan(100);
    expect(errors.candidates.every((c) => c.level === 'error' && c.tags.includes('error'))).toBe(true);
    expect(errors.candidates.length + errors.filteredOut).toBeGreaterThanOrEqual(result.candidates.length);
    const hikari = parseLogs(text, { ...options, filter: { contains: 'hikaripool-1 - connection' } });
    expect(hikari.candidates.every((c) => c.summary.includes('HikariPool-1'))).toBe(true);
    const regex = parseLogs(text, { ...options, filter: { regex: /POST \/api\/checkout 503/g } });
    expect(regex.candidates.length).toBeGreaterThan(50);
    expect(regex.candidates.every((c) => c.summary.includes('503'))).toBe(true);
    expect(() => parseLogs(text, { filter: { regex: '(' } })).toThrow(/not a valid regular expression/);
  });

  it('imports once: re-importing the file, or an excerpt of it, adds nothing', () => {
    const doc = fixtureReview();
    expect(applyImport(doc, result.candidates, importCtx()).added).toHaveLength(result.candidates.length);
    const excerpt = text.split('\n').slice(0, 300).join('\n');
    const again = parseLogs(excerpt, { ...options, ...importDefaults(doc) });
    expect(applyImport(doc, again.candidates, importCtx('b')).added).toEqual([]);
    expect(readTimeline(doc)).toHaveLength(result.candidates.length);
  });

  it('reports progress from the async variant', async () => {
    const seen: number[] = [];
    const r = await parseLogsAsync(text, { ...options, chunkSize: 800, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([800, 1600, 2000]);
    expect(r.candidates).toHaveLength(result.candidates.length);
    const abort = new AbortController();
    abort.abort(new Error('cancelled'));
    await expect(parseLogsAsync(text, { signal: abort.signal })).rejects.toThrow('cancelled');
  });
});

describe('parseLogs: formats', () => {
  it('reads syslog (RFC 5424 and 3164), common log format, JSON lines and logfmt', () => {
    const lines = [
      '<165>1 2026-10-25T02:30:00.003+02:00 db1 postgres 4711 ID47 [exampleSDID@32473 iut="3"] connection refused',
      '<34>Oct 25 02:45:00 db1 pgbouncer[12]: pool checkout full',
      '10.0.0.7 - frank [25/Oct/2026:02:30:00 +0100] "POST /api/checkout HTTP/1.1" 503 12 "-" "curl/8"',
      '{"level":50,"time":1792888200000,"msg":"payment timeout"}',
      'ts=2026-10-25T00:31:00Z level=warn msg="retrying export"',
    ].join('\n');
    const { candidates, problems } = parseLogs(lines, { timeZone: 'Europe/Berlin', date: '2026-10-25' });
    expect(problems).toEqual([]);
    expect(candidates.map((c) => [iso(c.at), c.summary, c.level])).toEqual([
      ['2026-10-25T00:30:00.003Z', 'db1 postgres: connection refused', 'notice'],
      ['2026-10-25T00:45:00.000Z', 'db1 pgbouncer[12]: pool checkout full', 'fatal'],
      ['2026-10-25T01:30:00.000Z', 'POST /api/checkout HTTP/1.1 → 503 (10.0.0.7)', 'error'],
      ['2026-10-25T00:30:00.000Z', 'payment timeout', 'error'],
      ['2026-10-25T00:31:00.000Z', 'retrying export', 'warn'],
    ]);
  });

  it('reports year-less syslog lines when no incident date is known, and lines with no time', () => {
    const { candidates, problems } = parseLogs('Oct 25 02:45:00 db1 app: hi\nhello\n', {});
    expect(candidates).toEqual([]);
    expect(problems.map((p) => [p.line, p.reason.slice(0, 20)])).toEqual([
      [1, 'the date has no year'],
      [2, 'no time this reads a'],
    ]);
  });
});
