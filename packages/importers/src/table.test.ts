import { describe, expect, it } from 'vitest';
import { readTimeline } from '@hindsight/doc';
import { applyImport, importDefaults } from './apply.ts';
import { parseTable, parseTableAsync } from './table.ts';
import { fixture, fixtureReview, importCtx } from './testFixtures.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('parseTable: the pasted spreadsheet fixture', () => {
  const doc = fixtureReview();
  const result = parseTable(fixture('spreadsheet.tsv'), importDefaults(doc));

  it('reads every row in the review zone, filling in the incident date and rolling past midnight', () => {
    expect(result.candidates).toHaveLength(17);
    const at = result.candidates.map((c) => iso(c.at));
    expect(at[0]).toBe('2026-10-24T20:58:00.000Z'); // 22:58 CEST on the incident date
    expect(at[8]).toBe('2026-10-24T22:07:00.000Z'); // 00:07 CEST, the next day
    expect(at[14]).toBe('2026-10-24T23:45:00.000Z'); // "1:45 am"
    expect(at[16]).toBe('2026-10-25T01:31:00.000Z'); // explicit date and offset: 02:31 CET
    expect([...at].sort()).toEqual(at);
  });

  it('maps the columns by their headings and keeps who did it', () => {
    expect(result.candidates[4]).toMatchObject({
      summary: 'Ben: Primary on-call paged',
      notes: 'Phone on silent; no ack',
      author: 'Ben',
      precision: 'minute',
      source: 'manual',
      ref: 'row 6',
      line: 6,
    });
  });

  it('reports the rows it cannot read, with their line numbers', () => {
    expect(result.problems).toEqual([
      { line: 19, reason: expect.stringContaining('cannot read the time "later"') },
      { line: 20, reason: expect.stringContaining('"what happened" cell is empty') },
    ]);
  });
});

describe('parseTable: shapes', () => {
  it('reads CSV without a header, columns found from the cells, in any order', () => {
    const csv = 'Paged the on-call,14:32,"no answer, phone on silent"\nAcknowledged,14:46,\n';
    const { candidates, problems } = parseTable(csv, { date: '2026-03-01', timeZone: 'America/New_York' });
    expect(problems).toEqual([]);
    expect(candidates.map((c) => [iso(c.at), c.summary, c.notes])).toEqual([
      ['2026-03-01T19:32:00.000Z', 'Paged the on-call', 'no answer, phone on silent'],
      ['2026-03-01T19:46:00.000Z', 'Acknowledged', ''],
    ]);
  });

  it('takes the zone from the time heading and reads a separate date column', () => {
    const tsv = 'Date\tTime (UTC)\tEvent\n2026-10-25\t01:30\tfailover\n';
    const { candidates } = parseTable(tsv, { timeZone: 'Europe/Berlin' });
    expect(iso(candidates[0]!.at)).toBe('2026-10-25T01:30:00.000Z');
  });

  it('splits one-column notes into time and text', () => {
    const { candidates } = parseTable('14:32 paged the on-call\n14:40 - acknowledged\n', { date: '2026-03-01' });
    expect(candidates.map((c) => c.summary)).toEqual(['paged the on-call', 'acknowledged']);
  });

  it('reports times without a date when no incident date is given', () => {
    const { candidates, problems } = parseTable('Time\tWhat\n14:32\tpaged\n', {});
    expect(candidates).toEqual([]);
    expect(problems).toEqual([{ line: 2, reason: expect.stringMatching(/no date; choose the incident date/) }]);
  });

  it('counts lines inside quoted multi-line cells when reporting problems', () => {
    const csv = 'time,what\n14:32,"two\nlines"\nsoon,broken\n';
    expect(parseTable(csv, { date: '2026-03-01' }).problems).toEqual([
      { line: 4, reason: expect.stringContaining('"soon"') },
    ]);
  });

  it('says so when no column holds times', () => {
    expect(parseTable('a,b\nc,d\n').problems).toEqual([
      { line: 1, reason: expect.stringMatching(/no column of times/) },
    ]);
  });

  it('has an async variant that reports progress', async () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}\tstep ${i}`,
    );
    const seen: number[] = [];
    const result = await parseTableAsync(rows.join('\n'), {
      date: '2026-03-01',
      chunkSize: 500,
      onProgress: (p) => seen.push(p.done),
    });
    expect(result.candidates).toHaveLength(1200);
    expect(seen).toEqual([500, 1000, 1200]);
  });
});

describe('importing the table', () => {
  it('adds the rows once: re-importing the same paste adds nothing', () => {
    const doc = fixtureReview();
    const { candidates } = parseTable(fixture('spreadsheet.tsv'), importDefaults(doc));
    expect(applyImport(doc, candidates, importCtx()).added).toHaveLength(17);
    const again = parseTable(fixture('spreadsheet.tsv'), importDefaults(doc));
    expect(applyImport(doc, again.candidates, importCtx('b'))).toEqual({ added: [], alreadyPresent: 17 });
    expect(readTimeline(doc)).toHaveLength(17);
    expect(readTimeline(doc)[0]).toMatchObject({ source: { type: 'manual', ref: 'row 2' }, createdBy: 'Importer' });
  });
});
