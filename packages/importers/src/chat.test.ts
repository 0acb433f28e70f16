import { describe, expect, it } from 'vitest';
import { parseChatLog } from './chat.ts';
import { fixture } from './testFixtures.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('parseChatLog', () => {
  const result = parseChatLog(fixture('chat.log'), { timeZone: 'Europe/Berlin', fileName: 'chat.log' });

  it('reads [hh:mm] name:, IRC <nick> and * actions, and ISO-stamped lines', () => {
    expect(result.candidates.map((c) => [iso(c.at), c.summary, c.author])).toEqual([
      ['2026-10-24T21:38:00.000Z', 'paged for CheckoutErrorRate, looking', 'ben'],
      ['2026-10-24T21:39:00.000Z', 'error rate 38%, db connections pegged', 'ben'],
      ['2026-10-24T21:41:00.000Z', 'fay takes IC', 'fay'],
      ['2026-10-24T21:42:10.000Z', 'bridge is up, please join', 'fay'],
      ['2026-10-24T21:58:00.000Z', 'pgbouncer pool checkout has 0 idle', 'cho'],
      ['2026-10-24T22:26:00.000Z', '37 sessions idle in transaction from export-worker', 'cho'], // past midnight
      ['2026-10-24T22:27:00.000Z', 'ok, that is our lead', 'fay'],
      ['2026-10-24T23:45:00.000Z', 'export paused', 'emil'],
      ['2026-10-25T00:52:00.000Z', 'mitigated, error rate below 0.1%', 'fay'],
    ]);
    expect(result.candidates[3]).toMatchObject({ notes: '(link in the topic)', precision: 'exact', ref: 'chat.log:5' });
  });

  it('reports unreadable lines with their numbers and lists channel events as skipped', () => {
    expect(result.problems).toEqual([{ line: 11, file: 'chat.log', reason: 'cannot read the time "xx:41"' }]);
    expect(result.skipped).toEqual([
      { line: 7, file: 'chat.log', reason: 'channel event: -!- hana has joined #inc-checkout' },
    ]);
  });

  it('needs a date for time-only logs without a "Log opened" line, and reports a leading line without a time', () => {
    const r = parseChatLog('hello there\n[14:32] ana: hi\n', {});
    expect(r.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(r.problems[1]!.reason).toMatch(/no date/);
    const dated = parseChatLog('[14:32] ana: hi\n[14:33] <bo> yo\n', {
      date: '2026-03-01',
      timeZone: 'America/New_York',
    });
    expect(dated.candidates.map((c) => iso(c.at))).toEqual(['2026-03-01T19:32:00.000Z', '2026-03-01T19:33:00.000Z']);
  });

  it('gives identical lines distinct keys, and the same keys on a second read', () => {
    const text = '[14:32] ana: +1\n[14:32] ana: +1\n';
    const first = parseChatLog(text, { date: '2026-03-01' }).candidates.map((c) => c.key);
    expect(new Set(first).size).toBe(2);
    expect(parseChatLog(text, { date: '2026-03-01' }).candidates.map((c) => c.key)).toEqual(first);
  });
});
