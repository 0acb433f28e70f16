// The import dialog's pure parts: guessing the source kind, adding in batches of their own transactions.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initReview, readTimeline, sequenceContext } from '@hindsight/doc';
import { parseTable, type Candidate } from '@hindsight/importers';
import { applyInBatches } from './applyInBatches.ts';
import { detectKind } from './sourceKinds.ts';

const TABLE = 'Time\tWhat happened\tNotes\n22:58\tExport batch job starts\tcron\n23:31\tAutovacuum starts\t';
const CHAT = '--- Log opened Sat Oct 24 23:30:00 2026\n[23:38] <ben> paged, looking\n[23:41] * fay takes IC';
const ALERTMANAGER =
  '{"version":"4","receiver":"hindsight","status":"firing","alerts":[{"fingerprint":"a1","startsAt":"2026-10-24T23:37:00Z"}]}';
const GENERIC = '{"alerts": [{"id": "x", "at": "2026-10-24T23:37:00Z", "title": "Disk full"}]}';
const LOGS = '2026-10-24T23:37:01.123Z ERROR checkout-api pool exhausted\n2026-10-24T23:37:02Z INFO retrying';

describe('detectKind', () => {
  it('recognises each kind of source', () => {
    expect(detectKind(TABLE)).toBe('table');
    expect(detectKind(CHAT)).toBe('chat');
    expect(detectKind(ALERTMANAGER)).toBe('alerts');
    expect(detectKind(GENERIC)).toBe('alerts');
    expect(detectKind(LOGS)).toBe('logs');
    expect(detectKind('', 'export.zip')).toBe('slack');
    expect(detectKind('time,what\n14:00,deploy\n14:05,alert')).toBe('table');
  });
});

describe('applyInBatches', () => {
  it('adds in batches of its own transactions, in order, and a second run adds nothing', async () => {
    const doc = new Y.Doc();
    const ctx = sequenceContext({ prefix: 'i', start: 0, step: 0, actor: 'Ana' });
    initReview(doc, { id: 'r', title: 'Batches' }, ctx);
    const rows = Array.from({ length: 25 }, (_, i) => `2026-03-01 10:${String(i).padStart(2, '0')}\tStep ${i}`);
    const { candidates } = parseTable(rows.join('\n'), { timeZone: 'UTC' });
    expect(candidates).toHaveLength(25);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const progress: number[] = [];
    const first = await applyInBatches(doc, candidates as Candidate[], ctx, (p) => progress.push(p.done), 10);
    expect(first).toEqual({ added: 25, alreadyPresent: 0 });
    expect(transactions).toBe(3);
    expect(progress).toEqual([0, 10, 20, 25]);
    expect(readTimeline(doc).map((e) => e.summary)).toEqual(rows.map((_, i) => `Step ${i}`));
    expect(await applyInBatches(doc, candidates, ctx, () => {}, 10)).toEqual({ added: 0, alreadyPresent: 25 });
  });
});
