import { describe, expect, it } from 'vitest';
import { readTimeline } from '@hindsight/doc';
import { applyImport } from './apply.ts';
import { parseSlackExport, parseSlackExportAsync } from './slack.ts';
import { slackChannels } from './slackExport.ts';
import { fixtureFiles, fixtureReview, importCtx } from './testFixtures.ts';

const files = fixtureFiles('slack-export');
const options = { workspaceUrl: 'https://acme.slack.com' };

describe('parseSlackExport: the incident channel fixture', () => {
  const result = parseSlackExport(files, options);
  const raw = files
    .filter((f) => f.name.startsWith('inc-checkout/'))
    .flatMap((f) => JSON.parse(f.text) as Record<string, unknown>[]);

  it('lists every person in every form, and the bots that posted, for the anonymiser', () => {
    expect(result.people).toContainEqual({
      key: 'slack:U01ANA',
      realName: 'Ana Kovač',
      displayName: 'Ana',
      handle: 'ana.k',
    });
    expect(result.people).toContainEqual({ key: 'slack:B012A', displayName: 'Alertmanager', bot: true });
    expect(result.people!.filter((p) => !p.bot)).toHaveLength(8);
  });

  it('reads hundreds of messages with names instead of user ids', () => {
    expect(slackChannels(files)).toEqual(['inc-checkout']);
    expect(result.problems).toEqual([]);
    expect(result.candidates.length).toBeGreaterThan(380);
    expect(result.candidates.some((c) => /U0\d[A-Z]{3}/.test(c.summary))).toBe(false);
    expect(result.candidates[1]).toMatchObject({
      summary: 'Paged. @Fay (IC) can you take IC? checkout error rate at 38%',
      author: 'Ben (SRE)',
      kind: 'communication',
      source: 'chat',
      precision: 'exact',
      url: expect.stringMatching(/^https:\/\/acme\.slack\.com\/archives\/C07INCCHK01\/p\d{16}$/),
    });
    expect(result.candidates[0]).toMatchObject({ kind: 'alert', author: 'Alertmanager' });
    expect(result.candidates[0]!.summary).toContain('[FIRING:1] CheckoutErrorRate');
  });

  it('keeps each thread together: replies right after their parent, referencing it', () => {
    const byKey = new Map(result.candidates.map((c, i) => [c.key, i]));
    const replies = result.candidates.filter((c) => c.parentKey && byKey.has(c.parentKey));
    expect(replies.length).toBeGreaterThan(20);
    for (const reply of replies) {
      const at = byKey.get(reply.key)!;
      const parent = byKey.get(reply.parentKey!)!;
      expect(at).toBeGreaterThan(parent);
      for (let i = parent + 1; i < at; i++) expect(result.candidates[i]!.parentKey).toBe(reply.parentKey);
      expect(reply.tags).toEqual(['thread']);
      expect(reply.url).toContain('?thread_ts=');
    }
  });

  it('leaves out deleted messages and channel joins, listing them as skipped, but keeps replies of a deleted parent', () => {
    const reasons = result.skipped.map((s) => s.reason);
    expect(reasons.filter((r) => r === 'channel event (channel_join)')).toHaveLength(8);
    expect(reasons).toContain('deleted in Slack');
    expect(reasons).toContain('deleted in Slack (its thread replies are kept)');
    const deleted = raw.find((m) => m.subtype === 'message_deleted')!.deleted_ts as string;
    expect(result.candidates.some((c) => c.key.endsWith(deleted))).toBe(false);
    const tombstone = raw.find((m) => m.subtype === 'tombstone')!.ts as string;
    const orphans = result.candidates.filter((c) => c.parentKey?.endsWith(tombstone));
    expect(orphans.length).toBeGreaterThan(0);
    expect(result.candidates.some((c) => c.summary.includes('This message was deleted'))).toBe(false);
  });

  it('shows the final text of edited messages and says they were edited', () => {
    const corrected = result.candidates.find((c) => c.summary.endsWith('(corrected)'));
    expect(corrected?.notes).toMatch(/^\(edited in Slack at 2026-10-2\dT/);
    const edited = raw.filter((m) => m.edited && m.subtype === undefined).length;
    expect(result.candidates.filter((c) => c.notes.includes('edited in Slack')).length).toBeGreaterThanOrEqual(edited);
  });

  it('stars pinned messages by default, and reacted ones when asked', () => {
    expect(result.candidates.filter((c) => c.starred).map((c) => c.author)).toEqual(['Fay (IC)', 'Fay (IC)']);
    const tada = parseSlackExport(files, { star: { pinned: false, reactions: ['tada'] } });
    expect(tada.candidates.filter((c) => c.starred).map((c) => c.summary.slice(0, 20))).toEqual([
      'Mitigated at 02:31 C',
    ]);
    const any = parseSlackExport(files, { star: { reactions: true } });
    expect(any.candidates.filter((c) => c.starred).length).toBeGreaterThan(10);
  });

  it('imports once: the second import of the same export adds nothing', async () => {
    const doc = fixtureReview();
    const first = applyImport(doc, result.candidates, importCtx('a'));
    expect(first.added).toHaveLength(result.candidates.length);
    const seen: number[] = [];
    const again = await parseSlackExportAsync(files, {
      ...options,
      chunkSize: 100,
      onProgress: (p) => seen.push(p.done),
    });
    expect(seen.at(-1)).toBe(raw.length);
    expect(applyImport(doc, again.candidates, importCtx('b'))).toEqual({
      added: [],
      alreadyPresent: result.candidates.length,
    });
    expect(readTimeline(doc)).toHaveLength(result.candidates.length);
  });
});

describe('parseSlackExport: broken exports', () => {
  it('reports unreadable files and messages, and a missing users.json', () => {
    const broken = [
      {
        name: 'inc/2026-10-24.json',
        text: '[{"type":"message","user":"U1","text":"hi","ts":"1792877926.000100"},{"type":"message","text":"no ts"},5]',
      },
      { name: 'inc/2026-10-25.json', text: '{"not": "a list"' },
    ];
    const r = parseSlackExport(broken);
    expect(r.candidates.map((c) => c.summary)).toEqual(['hi']);
    expect(r.problems).toEqual([
      { line: 0, reason: expect.stringMatching(/users\.json is missing/) },
      { line: 3, file: 'inc/2026-10-24.json', reason: 'not a message object' },
      { line: 0, file: 'inc/2026-10-25.json', reason: expect.stringMatching(/^not valid JSON/) },
      { line: 2, file: 'inc/2026-10-24.json', reason: 'the message has no readable ts (got undefined)' },
    ]);
  });

  it('asks which channel when the export holds several', () => {
    const two = [
      { name: 'a/2026-10-24.json', text: '[]' },
      { name: 'b/2026-10-24.json', text: '[]' },
    ];
    expect(() => parseSlackExport(two)).toThrow(/several channels \(a, b\); choose one/);
    expect(parseSlackExport(two, { channel: 'b' }).candidates).toEqual([]);
  });
});
