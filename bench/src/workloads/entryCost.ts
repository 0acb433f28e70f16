// Entry cost (issue 15): Yjs items and bytes per timeline entry as the product writes it, against
// SPEC 3.4's minimal entry, and the time to apply a whole review with no network. Runs
// bench/src/entryCost.ts in a child process against each Hindsight build's own @hindsight/doc
// (the baseline gets the same script copied into its tree), so "before" is the old schema.
import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { baseline } from '../servers/baseline.ts';
import { hindsightKinds, type HindsightKind } from '../servers/types.ts';
import { rowsPerBuild } from './perBuild.ts';
import type { Workload } from './types.ts';

const script = fileURLToPath(new URL('../entryCost.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Cost {
  items: number;
  bytes: number;
  applyMs: number;
}
interface Costs {
  entries: number;
  minimal: Cost;
  plain: Cost;
  tagged: Cost;
  edited: Cost;
}

async function costsOf(kind: HindsightKind, entries: number): Promise<Costs> {
  let path = script;
  if (kind === 'baseline') {
    path = join(baseline().root, 'bench/src/entryCost.ts');
    copyFileSync(script, path);
  }
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path, String(entries), '--json'], {
    cwd: kind === 'baseline' ? baseline().root : root,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Costs;
}

export const entryCost: Workload = {
  id: 'entry-cost',
  title: "Entry cost: the product's own timeline entries in the document",
  async run(ctx) {
    const entries = ctx.options.lateEntries;
    const figures = new Map<HindsightKind, Record<string, number>>();
    const details: Record<string, Costs> = {};
    for (const kind of hindsightKinds(ctx.servers)) {
      ctx.log(`entry cost: ${kind}: ${entries} entries`);
      const c = await costsOf(kind, entries);
      details[kind] = c;
      figures.set(kind, {
        'entry.items': c.plain.items,
        'entry.bytes': c.plain.bytes,
        'entry.items.overMinimal': c.plain.items / c.minimal.items,
        'entry.bytes.overMinimal': c.plain.bytes / c.minimal.bytes,
        'entry.edited.bytes': c.edited.bytes,
        'entry.apply': c.plain.applyMs,
        'entry.minimal.apply': c.minimal.applyMs,
      });
      ctx.log(`  ${c.plain.items.toFixed(2)} items, ${c.plain.bytes.toFixed(0)} B per entry`);
    }
    return {
      rows: rowsPerBuild(
        [
          { key: 'entry.items', label: 'Yjs items per entry (addEntry: at, kind, summary)', unit: 'n', digits: 2 },
          { key: 'entry.bytes', label: 'encoded bytes per entry', unit: 'B', digits: 0 },
          { key: 'entry.items.overMinimal', label: "items ÷ SPEC's minimal entry", unit: '×', digits: 2 },
          { key: 'entry.bytes.overMinimal', label: "bytes ÷ SPEC's minimal entry", unit: '×', digits: 2 },
          { key: 'entry.edited.bytes', label: 'bytes per entry after 5 keystrokes and a star', unit: 'B', digits: 0 },
          { key: 'entry.apply', label: `apply a ${entries}-entry review, no network`, unit: 'ms', digits: 0 },
          { key: 'entry.minimal.apply', label: `the same with minimal entries`, unit: 'ms', digits: 0 },
        ],
        figures,
      ),
      notes: [
        `${entries} entries (--late-entries) in one review, written in one transaction by each build's own @hindsight/doc ` +
          '(addEntry); minimal = SPEC 3.4 (id, at, kind, summary) written with plain Yjs. Costs exclude the empty timeline.',
        'reference, raw ws: n/a — they hold no schema.',
      ],
      details,
    };
  },
};
