import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../model/build.ts';
import { sampleReview } from '../fixture.ts';
import { anonymise, pseudonymsFor } from './anonymise.ts';
import type { ReportModel } from '../model/types.ts';

// Anonymises one sentence by putting it in a model's impact field.
function redact(
  text: string,
  participants = [{ name: 'Dana Smith' }, { name: 'Will Chen' }],
  extraTerms: string[] = [],
): string {
  const model = { ...buildReportModel(sampleReview()), impact: text, people: [] } as ReportModel;
  return anonymise(model, { participants, extraTerms }).model.impact;
}

const REDACTED: [string, string][] = [
  ['Mail dana.smith@example.com for access', 'Mail [email] for access'],
  ['Call +49 30 1234 5678 now', 'Call [phone] now'],
  ['US line (415) 555-0132 was busy', 'US line [phone] was busy'],
  ['Host 10.12.0.7 stopped answering', 'Host [ip] stopped answering'],
  ['Traffic from 2001:db8::8a2e:370:7334 was dropped', 'Traffic from [ip] was dropped'],
  ['Blocked 192.168.1.0/24 at the edge', 'Blocked [ip] at the edge'],
  ['<@U024BE7LH> was paged', '[chat user] was paged'],
  ['Slack user U04ABCD1234 joined', 'Slack user [chat user] joined'],
  ['Key AKIAIOSFODNN7EXAMPLE leaked in the log', 'Key [secret] leaked in the log'],
  ['curl -H "Authorization: Bearer abc.DEF123_xyz-9876" api', 'curl -H "Authorization: Bearer [secret]" api'],
  ['token=Zx81kfQm2La0PqWe', 'token=[secret]'],
  ['password: "hunter22pass"', 'password: [secret]'],
  ['Used ghp_1234567890abcdefghijABCDEFGHIJ123456 to push', 'Used [secret] to push'],
  ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'jwt [secret]'],
  ['Secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY was rotated', 'Secret [secret] was rotated'],
  ['Dana Smith restarted the primary', 'Responder A restarted the primary'],
  ['Later Dana paged Will', 'Later Responder A paged Responder B'],
  ["Dana's change was rolled back", "Responder A's change was rolled back"],
];

const KEPT = [
  'The alert fired at 10:04:31 on 2026-03-01.',
  'Deployed version 2.14.3 to 40 hosts.',
  'Commit 9f2c1e7d4b1a8c3e5f6a7b8c9d0e1f2a3b4c5d6e broke nothing.',
  'Request id 123e4567-e89b-12d3-a456-426614174000 failed.',
  'The error rate was 12.5% for 38 minutes.',
  'We will roll back if the canary fails.',
  'See https://status.example.com/incidents/42 for details.',
  'Port 8080 and 443 were open.',
  'About 4,100 orders were replayed.',
];

describe('anonymise: redaction corpus', () => {
  it.each(REDACTED)('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it.each(KEPT)('keeps: %s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('redacts extra terms', () => {
    expect(redact('Project Falcon rollout', [], ['project falcon'])).toBe('[redacted] rollout');
  });
});

describe('anonymise: pseudonyms and the change list', () => {
  it('gives a role when one person has it, else letters in participant order', () => {
    const p = pseudonymsFor([
      { name: 'Fay Okafor', role: 'facilitator' },
      { name: 'Dana Smith' },
      { name: 'Priya Patel', role: 'responder' },
      { name: 'dana smith' },
      { name: 'Responder' },
      { name: 'Lee', role: 'commander' },
    ]);
    expect(Object.fromEntries(p)).toEqual({
      'Fay Okafor': 'the facilitator',
      'Dana Smith': 'Responder A',
      'Priya Patel': 'Responder B',
      Lee: 'the incident commander',
    });
  });

  it('lists every change with its path and leaves the input untouched', () => {
    const model = buildReportModel(sampleReview(), { timeline: 'all' });
    const before = JSON.stringify(model);
    const {
      model: out,
      changes,
      pseudonyms,
    } = anonymise(model, { participants: [{ name: 'Fay Okafor', role: 'facilitator' }] });
    expect(JSON.stringify(model)).toBe(before);
    expect(pseudonyms['Dana Smith']).toBe('Responder A');
    expect(changes).toContainEqual({
      path: 'actions.items[1].owner',
      kind: 'name',
      original: 'Dana Smith',
      replacement: 'Responder A',
    });
    expect(changes.find((c) => c.path.startsWith('humanFactors'))).toMatchObject({
      original: 'Priya',
      replacement: 'Responder B',
    });
    expect(out.actions.items[1]!.owner).toBe('Responder A');
    expect(out.id).toBe(model.id);
  });
});

describe('anonymise: directories, roles, bots and decisions', () => {
  const model = (text: string): ReportModel => ({ ...buildReportModel(sampleReview()), impact: text, people: [] });

  it('takes a role from a directory title, keeps bots, and leaves words marked "not a person"', () => {
    const { model: out, pseudonyms } = anonymise(
      model('Pat Quinn (@pquinn, pat@example.com) asked Kestrel; Deploy Bot and @statusbot posted, then pquinn left'),
      {
        people: [
          { names: ['Pat Quinn'], handles: ['pquinn'], emails: ['pat@example.com'], title: 'Database administrator' },
          { names: ['Status Bot'], handles: ['statusbot'], bot: true },
        ],
        notPeople: ['Kestrel'],
      },
    );
    expect(pseudonyms['Pat Quinn']).toBe('the DBA');
    expect(out.impact).toBe(
      'The DBA (the DBA, [email]) asked Kestrel; Deploy Bot and @statusbot posted, then the DBA left',
    );
  });
});
