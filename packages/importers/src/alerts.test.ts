import { describe, expect, it } from 'vitest';
import { readTimeline } from '@hindsight/doc';
import { parseAlertmanager } from './alertmanager.ts';
import { applyImport } from './apply.ts';
import { parseGenericAlerts } from './genericAlerts.ts';
import { fixture, fixtureReview, importCtx } from './testFixtures.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('parseAlertmanager', () => {
  it('turns firing alerts into one entry each, at startsAt, with fingerprint and link', () => {
    const { candidates, problems } = parseAlertmanager(fixture('alertmanager/firing.json'));
    expect(problems).toEqual([]);
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toMatchObject({
      key: 'alertmanager:a1f6c2d3e4b5a697:1792877850123:firing',
      at: Date.UTC(2026, 9, 24, 21, 37, 30, 123),
      kind: 'alert',
      source: 'alert',
      precision: 'exact',
      summary: 'Firing: CheckoutErrorRate — Checkout 5xx ratio above 5% for 5 minutes',
      ref: 'alertmanager CheckoutErrorRate a1f6c2d3e4b5a697',
      tags: ['alertmanager', 'critical'],
      url: expect.stringMatching(/^http:\/\/prometheus\.example\.com:9090\/graph/),
    });
    expect(candidates[0]!.notes).toContain('runbook_url: https://runbooks.example.com/checkout/error-rate');
  });

  it('turns a resolved alert into two entries: firing at startsAt and resolved at endsAt', () => {
    const { candidates } = parseAlertmanager(JSON.parse(fixture('alertmanager/resolved.json')));
    expect(candidates.map((c) => [c.summary.split(' —')[0], iso(c.at)])).toEqual([
      ['Firing: CheckoutErrorRate', '2026-10-24T21:37:30.123Z'],
      ['Resolved: CheckoutErrorRate', '2026-10-25T01:31:45.000Z'],
      ['Firing: DBConnectionsSaturated', '2026-10-24T21:41:00.000Z'],
      ['Resolved: DBConnectionsSaturated', '2026-10-25T01:29:10.000Z'],
    ]);
  });

  it('firing then resolved then the same again adds each entry once', () => {
    const doc = fixtureReview();
    expect(
      applyImport(doc, parseAlertmanager(fixture('alertmanager/firing.json')).candidates, importCtx('a')),
    ).toMatchObject({ alreadyPresent: 0 });
    const second = applyImport(
      doc,
      parseAlertmanager(fixture('alertmanager/resolved.json')).candidates,
      importCtx('b'),
    );
    expect([second.added.length, second.alreadyPresent]).toEqual([2, 2]);
    const third = applyImport(doc, parseAlertmanager(fixture('alertmanager/resolved.json')).candidates, importCtx('c'));
    expect([third.added.length, third.alreadyPresent]).toEqual([0, 4]);
    expect(readTimeline(doc)).toHaveLength(4);
  });

  it('reports each malformed alert with its position and reason', () => {
    const { candidates, problems } = parseAlertmanager({
      alerts: [
        { status: 'firing', labels: { alertname: 'A' }, startsAt: '2026-10-24T21:00:00Z' },
        { status: 'firing', labels: {}, startsAt: '2026-10-24T21:00:00Z' },
        { status: 'pending', labels: { alertname: 'B' }, startsAt: '2026-10-24T21:00:00Z' },
        {
          status: 'resolved',
          labels: { alertname: 'C' },
          startsAt: '2026-10-24T21:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
        },
        'nope',
      ],
    });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.key).toMatch(/^alertmanager:[0-9a-z]+:\d+:firing$/); // no fingerprint: one from the labels
    expect(problems).toEqual([
      { line: 2, reason: 'alerts[1].labels.alertname is missing' },
      { line: 3, reason: 'alerts[2].status must be "firing" or "resolved", got "pending"' },
      { line: 4, reason: 'alerts[3].endsAt must be an RFC 3339 time for a resolved alert' },
      { line: 5, reason: 'alerts[4] must be an object' },
    ]);
    expect(parseAlertmanager('{"alerts":').problems[0]!.reason).toMatch(/^not valid JSON/);
    expect(parseAlertmanager({ foo: 1 }).problems[0]!.reason).toMatch(/"alerts" must be a list/);
  });
});

describe('parseGenericAlerts', () => {
  it('reads the documented shape: one entry per event, offsets and epoch ms', () => {
    const { candidates, problems } = parseGenericAlerts(fixture('generic-alerts.json'));
    expect(problems).toEqual([]);
    expect(candidates.map((c) => [c.summary, iso(c.at), c.author, c.tags])).toEqual([
      [
        'Firing: Synthetic checkout journey failing from 3 of 4 regions',
        '2026-10-24T21:36:00.000Z',
        'Grafana',
        ['critical'],
      ],
      [
        'Resolved: Synthetic checkout journey failing from 3 of 4 regions',
        '2026-10-25T01:33:00.000Z',
        'Grafana',
        ['critical'],
      ],
      ['Firing: Status page updated: investigating checkout errors', '2026-10-24T21:35:00.000Z', 'Statuspage', []],
    ]);
  });

  it('reads zone-less times in the chosen zone and names what is wrong', () => {
    const ok = parseGenericAlerts([{ id: 'x', title: 'CPU', at: '2026-10-25 02:30' }], { timeZone: 'Europe/Berlin' });
    expect(iso(ok.candidates[0]!.at)).toBe('2026-10-25T00:30:00.000Z');
    const bad = parseGenericAlerts({
      alerts: [
        { title: 'x', at: 1 },
        { id: 'y', at: 'soon', title: 'z' },
        { id: 'z', title: 't', at: 1, status: 'ok' },
      ],
    });
    expect(bad.problems.map((p) => p.reason)).toEqual([
      'alerts[0].id must be a string of 1 to 200 characters',
      expect.stringMatching(/^alerts\[1\]\.at must be an ISO 8601 time/),
      'alerts[2].status must be "firing" or "resolved", got "ok"',
    ]);
    expect(parseGenericAlerts({}).problems[0]!.reason).toMatch(/expected \{"alerts": \[...\]\}/);
  });
});
