// What one timeline entry costs in the document: Yjs items and encoded bytes
// per entry, for the product's own entries (written by @hindsight/doc's
// operations) and for SPEC 3.4's minimal entry (only id, at, kind, summary),
// with the ratio between them, plus the time to apply a whole review.
//   pnpm --filter @hindsight/bench exec node --import tsx src/entryCost.ts [entries] [--json]
// `pnpm bench --workloads=entry-cost` runs it (with --json) for the working tree and the baseline.
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addEntry, insertSummaryText, roots, sequenceContext, setEntryStarred } from '@hindsight/doc';

const COUNT = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 10_000);
const T0 = Date.UTC(2026, 10, 1);
const summary = (i: number): string => `Entry ${i}: p99 checkout latency rose after deploy`;

interface Cost {
  items: number;
  bytes: number;
  applyMs: number;
}

function itemCount(update: Uint8Array): number {
  return Y.decodeUpdate(update).structs.filter((s) => s instanceof Y.Item).length;
}

// The review's state as one update, costed per entry (its empty timeline subtracted).
function measure(fill: (doc: Y.Doc) => void): Cost {
  const doc = new Y.Doc();
  roots(doc).timeline; // eslint-disable-line @typescript-eslint/no-unused-expressions
  const empty = Y.encodeStateAsUpdate(doc);
  fill(doc);
  const update = Y.encodeStateAsUpdate(doc);
  const started = performance.now();
  Y.applyUpdate(new Y.Doc(), update);
  const applyMs = performance.now() - started;
  return {
    items: (itemCount(update) - itemCount(empty)) / COUNT,
    bytes: (update.length - empty.length) / COUNT,
    applyMs,
  };
}

const minimal = measure((doc) =>
  doc.transact(() => {
    for (let i = 0; i < COUNT; i++) {
      const entry = new Y.Map<unknown>();
      const id = crypto.randomUUID();
      roots(doc).timeline.set(id, entry);
      entry.set('id', id);
      entry.set('at', T0 + i * 60_000);
      entry.set('kind', 'observation');
      entry.set('summary', new Y.Text(summary(i)));
    }
  }),
);

const ctx = () => ({ ...sequenceContext({ start: T0, step: 1000, actor: 'Ana' }), newId: () => crypto.randomUUID() });

const plain = measure((doc) => {
  const c = ctx();
  doc.transact(() => {
    for (let i = 0; i < COUNT; i++) addEntry(doc, { at: T0 + i * 60_000, kind: 'observation', summary: summary(i) }, c);
  });
});

const tagged = measure((doc) => {
  const c = ctx();
  doc.transact(() => {
    for (let i = 0; i < COUNT; i++) {
      addEntry(doc, { at: T0 + i * 60_000, kind: 'alert', summary: summary(i), tags: ['bench', `step-${i % 7}`] }, c);
    }
  });
});

// Each entry then edited the way people do: typed into (one update per keystroke) and starred.
const edited = measure((doc) => {
  const c = ctx();
  for (let i = 0; i < COUNT; i++) {
    const id = addEntry(doc, { at: T0 + i * 60_000, kind: 'observation', summary: summary(i) }, c);
    for (const ch of 'fixed') insertSummaryText(doc, id, 0, ch, c);
    setEntryStarred(doc, { id, starred: true }, c);
  }
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ entries: COUNT, minimal, plain, tagged, edited }));
} else {
  const row = (name: string, c: Cost): string =>
    `${name.padEnd(44)} ${c.items.toFixed(2).padStart(6)} items  ${c.bytes.toFixed(1).padStart(7)} B  ` +
    `${(c.items / minimal.items).toFixed(2)}x / ${(c.bytes / minimal.bytes).toFixed(2)}x minimal  apply ${c.applyMs.toFixed(0)} ms`;

  console.log(`per entry, ${COUNT} entries in one review (ratios: items / bytes vs the minimal entry)`);
  console.log(row('minimal (id, at, kind, summary)', minimal));
  console.log(row('addEntry (at, kind, summary)', plain));
  console.log(row('addEntry + 2 tags', tagged));
  console.log(row('addEntry, 5 keystrokes, starred', edited));
}
