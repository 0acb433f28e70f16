// Cold start: a Hindsight review with N entries and M logged updates; restart the server and
// time the first client's sync, once replaying the whole log (killed before any checkpoint) and
// once from the checkpoint a clean shutdown writes. Hindsight only: the others keep nothing.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { defaultContext, insertSummaryText } from '@hindsight/doc';
import { nowMs, openProvider, whenReady } from '../clients/benchClient.ts';
import { editSummaries, entryIds, seedLoggedReview, timelineSize, writeToReview } from '../seed.ts';
import { startHindsight, type HindsightServer } from '../servers/hindsight.ts';
import { hindsightKinds, type HindsightKind, type RoomAccess } from '../servers/types.ts';
import { sleep, until, withTimeout } from '../time.ts';
import { perBuild } from './perBuild.ts';
import type { MetricRow, Workload } from './types.ts';

/** No checkpoint while seeding, so the log alone holds the review when the server is killed. */
const NO_COMPACTION = {
  COMPACT_EVERY_UPDATES: '1000000000',
  COMPACT_DEBOUNCE_MS: '1000000000',
  IDLE_UNLOAD_MS: '1000000000',
};

async function firstSync(access: RoomAccess, entries: number): Promise<number> {
  const doc = new Y.Doc();
  const t0 = nowMs();
  const provider = openProvider(access, doc);
  try {
    await withTimeout(whenReady(provider, true), 120_000, 'the first client to sync after a restart');
    await until(() => timelineSize(doc) >= entries, `${entries} entries after the restart`, 60_000, 1);
    return nowMs() - t0;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/**
 * Resolves once the review's room has finished loading: the template read waits for the room's
 * document (registry.read), so the join timed next is a join while loaded, not one queued behind
 * the build the first client set off.
 */
const OLD_BUILD_WAIT_MS = 1_000;

async function untilLoaded(port: number, access: RoomAccess): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/reviews/${access.room}/template`, {
    headers: { authorization: `Bearer ${access.params.token}` },
  });
  await res.arrayBuffer();
  // A build from before the template route (a --baseline): give its build a second, far more than it takes.
  if (res.status === 404) await sleep(OLD_BUILD_WAIT_MS);
  else if (!res.ok) throw new Error(`GET /api/reviews/:id/template answered ${res.status} after the restart`);
}

/**
 * Two clients on the loaded review; one types a character into an entry's summary, twice: the time until the
 * other has each. The first is the room's first judged write since it loaded.
 */
async function writesAfterLoad(
  access: RoomAccess,
  entries: number,
): Promise<{ firstWriteMs: number; nextWriteMs: number }> {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  const providers = docs.map((doc) => openProvider(access, doc));
  try {
    for (const p of providers) await withTimeout(whenReady(p, true), 120_000, 'a client to sync');
    await until(() => docs.every((d) => timelineSize(d) >= entries), `${entries} entries at both clients`, 60_000, 5);
    const [writer, reader] = docs;
    const id = entryIds(writer)[0]!;
    const ctx = defaultContext('bench writer');
    const relayed = async (): Promise<number> => {
      let got = false;
      const onUpdate = (): void => void (got = true);
      reader.on('update', onUpdate);
      const t0 = nowMs();
      insertSummaryText(writer, id, 0, 'w', ctx);
      await until(() => got, 'the write at the other client', 60_000, 1);
      reader.off('update', onUpdate);
      return nowMs() - t0;
    };
    const firstWriteMs = await relayed();
    const nextWriteMs = await relayed();
    return { firstWriteMs, nextWriteMs };
  } finally {
    providers.forEach((p) => p.destroy());
    docs.forEach((d) => d.destroy());
  }
}

/** `access` on `server`: same review and token, only the port changed. */
const at = (server: HindsightServer, access: RoomAccess): RoomAccess => ({
  ...access,
  serverUrl: `ws://127.0.0.1:${server.port}/sync`,
});

async function restartAndSync(
  kind: HindsightKind,
  dataDir: string,
  access: RoomAccess,
  entries: number,
): Promise<{ server: HindsightServer } & Timed> {
  const t0 = performance.now();
  const server = await startHindsight({ kind, dataDir });
  const startMs = performance.now() - t0;
  const moved = at(server, access);
  try {
    const syncMs = await firstSync(moved, entries);
    await untilLoaded(server.port, access);
    const warmMs = await firstSync(moved, entries);
    const writes = await writesAfterLoad(moved, entries);
    return { server, startMs, syncMs, warmMs, ...writes };
  } catch (err) {
    await server.kill9();
    throw err;
  }
}

interface Timed {
  startMs: number;
  syncMs: number;
  warmMs: number;
  /** The first write after the load, and the one after it, relayed to another client. */
  firstWriteMs: number;
  nextWriteMs: number;
}
/** One restart sequence on a copy of the seeded data. */
interface ColdRun {
  replay: Timed;
  checkpoint: Timed;
  crash: Timed;
}
interface ColdStart {
  seedSeconds: number;
  runs: ColdRun[];
}

/**
 * A crash under the default checkpoint policy: just under COMPACT_EVERY_UPDATES (500) updates written since
 * the last checkpoint, and the server killed before the quiet moment (2 s) that would checkpoint them.
 */
export const CRASH_TAIL = 450;

/** Log replay, then a clean restart from the checkpoint, then a crash with a tail, on `dataDir` (consumed). */
async function restartSequence(
  kind: HindsightKind,
  dataDir: string,
  access: RoomAccess,
  entries: number,
): Promise<ColdRun> {
  const { server: replayed, ...replay } = await restartAndSync(kind, dataDir, access, entries);
  await replayed.stopKeepingData();
  const { server: restarted, ...checkpoint } = await restartAndSync(kind, dataDir, access, entries);
  await writeToReview(restarted, at(restarted, access), async (writer) => {
    await editSummaries(writer, entryIds(writer), CRASH_TAIL);
  });
  await restarted.kill9();
  const { server: recovered, ...crash } = await restartAndSync(kind, dataDir, access, entries);
  await recovered.stopKeepingData();
  return { replay, checkpoint, crash };
}

/**
 * Seeds once (checkpoints off, then kill -9, so the log alone holds the review), then runs the restart
 * sequence `runs` times, each on a fresh copy of that data: every run replays the same log.
 */
async function coldStartOn(kind: HindsightKind, entries: number, updates: number, runs: number): Promise<ColdStart> {
  const seeding = await startHindsight({ kind, env: NO_COMPACTION });
  const seeded = seeding.dataDir;
  try {
    const t0 = performance.now();
    const access = await seedLoggedReview(seeding, entries, updates);
    const seedSeconds = (performance.now() - t0) / 1000;
    await seeding.kill9();
    const done: ColdRun[] = [];
    for (let i = 0; i < runs; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'hindsight-cold-'));
      try {
        cpSync(seeded, dataDir, { recursive: true });
        done.push(await restartSequence(kind, dataDir, access, entries));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    return { seedSeconds, runs: done };
  } finally {
    rmSync(seeded, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export const coldStart: Workload = {
  id: 'coldstart',
  title: 'Cold start: first sync right after a restart',
  async run(ctx) {
    const { coldEntries, coldUpdates, coldRuns } = ctx.options;
    const rows: MetricRow[] = [];
    const notes = [
      `Hindsight: a review with ${coldEntries} entries (one update each) and ${coldUpdates} logged updates in all ` +
        `(the rest are one-character summary edits), SQLite store, synchronous=FULL.`,
      'replay: seeded with checkpoints off, then kill -9, so the first client waits for the whole log to be read and applied.',
      'checkpoint: after a clean SIGTERM (which flushes and checkpoints), the usual restart.',
      `crash: the checkpoint restart's server, with checkpoints on as by default, gets ${CRASH_TAIL} more summary ` +
        'edits (under the 500 that force a checkpoint) and is killed (-9) before the 2 s quiet moment that would ' +
        'checkpoint them: the worst tail a crash leaves under the default policy.',
      'time = new WebsocketProvider(...) right after the restarted server answers HTTP, until synced with every entry; ' +
        '"warm" is a second client once the room has loaded (a read that waits for the room\'s document answered), ' +
        'for comparison: a join while loaded (a build without that read, e.g. a --baseline, gets 1 s instead).',
      'first write: then two clients join and one types a character into a summary, twice; the time until the other ' +
        "has it. The first is the room's first judged write since it loaded (the room reopened from the checkpoint).",
      `each figure is the median of ${coldRuns} restart sequences (--cold-runs), each on a fresh copy of the seeded ` +
        "data; a ratio is the median of each sequence's own ratio.",
      'reference: n/a — @y/websocket-server keeps documents in memory only (its LevelDB option needs YPERSISTENCE and a ' +
        'native leveldown build), so a restart loses the review. raw ws: n/a — it stores nothing.',
    ];
    const results = new Map<HindsightKind, ColdStart>();
    for (const kind of hindsightKinds(ctx.servers)) {
      ctx.log(`cold start: ${kind}: seeding ${coldEntries} entries, ${coldUpdates} updates`);
      const r = await coldStartOn(kind, coldEntries, coldUpdates, coldRuns);
      for (const run of r.runs)
        ctx.log(
          `  replay ${run.replay.syncMs.toFixed(0)} ms, checkpoint ${run.checkpoint.syncMs.toFixed(0)} ms, ` +
            `crash ${run.crash.syncMs.toFixed(0)} ms (warm ${run.checkpoint.warmMs.toFixed(0)} ms)`,
        );
      results.set(kind, r);
    }
    if (results.size === 0) return { rows, notes, details: {} };
    const row = (key: string, label: string, f: (r: ColdRun) => number, unit = 'ms', digits = 0): MetricRow => ({
      key,
      label,
      unit,
      better: 'lower',
      values: perBuild(results, (r) => median(r.runs.map(f))),
      digits,
    });
    rows.push(
      row('coldstart.replay', `first sync after restart, log replay (${coldUpdates} updates)`, (r) => r.replay.syncMs),
      row('coldstart.checkpoint', 'first sync after restart, from checkpoint', (r) => r.checkpoint.syncMs),
      row('coldstart.warm', 'second client once loaded (warm)', (r) => r.checkpoint.warmMs),
      row(
        'coldstart.checkpoint.overWarm',
        'first sync after restart ÷ join while loaded (checkpoint)',
        (r) => r.checkpoint.syncMs / r.checkpoint.warmMs,
        '×',
        2,
      ),
      row(
        'coldstart.crash',
        `first sync after a crash, default checkpoints (${CRASH_TAIL} updates since the last)`,
        (r) => r.crash.syncMs,
      ),
      row(
        'coldstart.crash.overWarm',
        'first sync after a crash ÷ join while loaded (default checkpoints)',
        (r) => r.crash.syncMs / r.crash.warmMs,
        '×',
        2,
      ),
      row(
        'coldstart.replay.overWarm',
        'first sync after restart ÷ join while loaded (log replay)',
        (r) => r.replay.syncMs / r.replay.warmMs,
        '×',
        2,
      ),
      row(
        'coldstart.firstWrite',
        'first write to the loaded review, relayed',
        (r) => r.checkpoint.firstWriteMs,
        'ms',
        1,
      ),
      row('coldstart.nextWrite', 'the write after it, relayed', (r) => r.checkpoint.nextWriteMs, 'ms', 1),
      row('coldstart.processStart', 'server process start to first HTTP answer', (r) => r.checkpoint.startMs),
    );
    return { rows, notes, details: Object.fromEntries(results) };
  },
};
