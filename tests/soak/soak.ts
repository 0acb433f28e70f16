// A soak run (not part of `pnpm test`): clients join, edit and leave for
// SOAK_MINUTES (default 10) across several reviews while the server's memory
// is sampled; prints the drift between the first and last quarter.
// Run: pnpm soak   (SOAK_MINUTES=1 pnpm soak for a short one)
import { readFileSync } from 'node:fs';
import { addEntry, defaultContext, insertSummaryText } from '@hindsight/doc';
import { connect, synced, type Client } from '../helpers/clients.ts';
import { startServer, type ReviewHandle } from '../helpers/server.ts';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
// Each stock provider adds a process 'exit' listener.
process.setMaxListeners(0);
const REVIEWS = 20;
const CLIENTS_PER_REVIEW = 4;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function main(): Promise<void> {
  const server = await startServer({ env: { LOG_LEVEL: 'info', IDLE_UNLOAD_MS: '1000' } });
  const pid = server.process.pid!;
  const reviews: ReviewHandle[] = [];
  for (let i = 0; i < REVIEWS; i++) reviews.push(await server.createReview(`Soak ${i}`));
  const live: Client[] = [];
  const samples: { t: number; rss: number }[] = [];
  const started = Date.now();
  const end = started + minutes * 60_000;
  let edits = 0;
  let churn = 0;
  const sampler = setInterval(() => {
    samples.push({ t: (Date.now() - started) / 1000, rss: rssMiB(pid) });
    const last = samples.at(-1)!;
    process.stdout.write(
      `t=${last.t.toFixed(0)}s rss=${last.rss.toFixed(1)} MiB clients=${live.length} edits=${edits}\n`,
    );
  }, 10_000);
  while (Date.now() < end) {
    // Churn: replace a random client, or add one while under capacity.
    if (live.length < REVIEWS * CLIENTS_PER_REVIEW || Math.random() < 0.2) {
      if (live.length >= REVIEWS * CLIENTS_PER_REVIEW)
        live.splice(Math.floor(Math.random() * live.length), 1)[0]!.destroy();
      const review = reviews[Math.floor(Math.random() * reviews.length)]!;
      const client = connect(server, review.id, review.tokens.editor);
      client.provider.awareness.setLocalStateField('user', { name: `soak ${churn++}` });
      await synced(client);
      live.push(client);
    }
    for (const client of live.slice(0, 10)) {
      const ctx = defaultContext('soak');
      const id = addEntry(client.doc, { at: Date.now(), summary: 'soak' }, ctx);
      insertSummaryText(client.doc, id, 4, ' more', ctx);
      edits += 2;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  clearInterval(sampler);
  live.forEach((c) => c.destroy());
  await server.stop();
  const q = Math.max(1, Math.floor(samples.length / 4));
  const avg = (xs: { rss: number }[]) => xs.reduce((n, s) => n + s.rss, 0) / xs.length;
  const first = avg(samples.slice(0, q));
  const last = avg(samples.slice(-q));
  process.stdout.write(
    `\nsoak ${minutes} min: ${edits} edits, ${churn} connections; RSS first quarter ${first.toFixed(1)} MiB, ` +
      `last quarter ${last.toFixed(1)} MiB, drift ${(last - first).toFixed(1)} MiB (${(((last - first) / first) * 100).toFixed(1)}%)\n`,
  );
}

void main();
