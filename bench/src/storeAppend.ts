// Store append latency: the time from append() to its durable commit, with
// the SQLite adapter batching per commit window, under a steady load like a busy
// review (or, with --reviews=200 --rate=600, many small ones), and the CPU it costs.
// Run: node --import tsx bench/src/storeAppend.ts [--rate=1000] [--seconds=10] [--sync=FULL|NORMAL]
//        [--reviews=10] [--window=MS (the commit window; default 0, per tick)]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/src/storage/sqlite.ts';

const arg = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;

async function main(): Promise<void> {
  const rate = Number(arg('rate', '1000'));
  const seconds = Number(arg('seconds', '10'));
  const sync = arg('sync', 'FULL') as 'FULL' | 'NORMAL';
  const reviews = Number(arg('reviews', '10'));
  const commitWindowMs = Number(arg('window', '0'));
  const dataDir = mkdtempSync(join(tmpdir(), 'hindsight-append-'));
  const store = openSqliteStore({ dataDir, synchronous: sync, commitWindowMs });
  const docs = Array.from({ length: reviews }, () => new Y.Doc());
  for (let r = 0; r < reviews; r++)
    await store.createReview({ id: `r${r}`, title: 'bench', createdAt: 0 }, [], new Uint8Array([0, 0]));
  // Realistic small updates: one keystroke into an entry's text.
  const nextUpdate = (r: number): Uint8Array => {
    let captured: Uint8Array = new Uint8Array();
    const doc = docs[r]!;
    const grab = (u: Uint8Array): void => void (captured = u);
    doc.on('update', grab);
    doc.getText('summary').insert(doc.getText('summary').length, 'x');
    doc.off('update', grab);
    return captured;
  };
  const latencies: number[] = [];
  const total = rate * seconds;
  const interval = 1000 / rate;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const r = i % reviews;
    const t = performance.now();
    pending.push(
      store.append(`r${r}`, { update: nextUpdate(r), receivedAt: Date.now(), role: 'editor', linkId: 'l' }).then(() => {
        latencies.push(performance.now() - t);
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const q = (p: number): string =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2);
  process.stdout.write(
    `SQLite (synchronous=${sync}, commit window ${commitWindowMs} ms) appends: ${total} at ${rate}/s over ` +
      `${elapsed.toFixed(1)} s across ${reviews} reviews\n` +
      `CPU per 1k appends (making the updates too): ${((cpu.user + cpu.system) / 1000 / (total / 1000)).toFixed(1)} ms ` +
      `(system ${(cpu.system / 1000 / (total / 1000)).toFixed(1)} ms)\n` +
      `append-to-commit latency ms: p50 ${q(0.5)}  p95 ${q(0.95)}  p99 ${q(0.99)}  max ${latencies.at(-1)!.toFixed(2)}\n`,
  );
}

void main();
