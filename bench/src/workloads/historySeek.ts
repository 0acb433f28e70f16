// History seek: the replay page's "how the review was built" scrubber on a big review. A review
// with N entries and M logged updates; then `GET /api/reviews/:id/history/state?seq=` at random
// moments, timed from request to a Y.Doc holding that state (what the replay page does per seek).
// Hindsight only: neither peer keeps an edit history.
import * as Y from 'yjs';
import { seedLoggedReview, timelineSize } from '../seed.ts';
import { startHindsight } from '../servers/hindsight.ts';
import { hindsightKinds, type HindsightKind, type RoomAccess } from '../servers/types.ts';
import { join } from './lateJoin.ts';
import { rowsPerBuild } from './perBuild.ts';
import type { MetricRow, Workload } from './types.ts';

interface Seek {
  seq: number;
  /** Request sent until the body is in. */
  fetchMs: number;
  /** Request sent until a fresh Y.Doc holds the state and its timeline was read. */
  totalMs: number;
  entries: number;
}

async function seek(baseUrl: string, access: RoomAccess, seq: number): Promise<Seek> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/reviews/${access.room}/history/state?seq=${seq}`, {
    headers: { authorization: `Bearer ${access.params.token}` },
  });
  if (!res.ok) throw new Error(`history/state?seq=${seq} answered ${res.status}: ${await res.text()}`);
  const body = new Uint8Array(await res.arrayBuffer());
  const fetchMs = performance.now() - t0;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, body);
  const entries = timelineSize(doc);
  doc.destroy();
  return { seq, fetchMs, totalMs: performance.now() - t0, entries };
}

/** A fixed, spread-out set of seqs (a seeded LCG), so runs are comparable. */
function moments(latest: number, count: number): number[] {
  let x = 12345;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(1 + (x % latest));
  }
  return out;
}

const stats = (xs: number[]): { median: number; p95: number; max: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)]!,
    p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!,
    max: s[s.length - 1]!,
  };
};

async function seekOn(
  log: (m: string) => void,
  kind: HindsightKind,
  entries: number,
  updates: number,
  historySeeks: number,
): Promise<{ figures: Record<string, number>; details: { latestSeq: number } & Record<string, unknown> }> {
  const server = await startHindsight({ kind });
  try {
    const access = await seedLoggedReview(server, entries, updates);
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const index = (await (
      await fetch(`${baseUrl}/api/reviews/${access.room}/history`, {
        headers: { authorization: `Bearer ${access.params.token}` },
      })
    ).json()) as { latestSeq: number };
    const first = await seek(baseUrl, access, index.latestSeq);
    if (first.entries !== entries) throw new Error(`the latest state holds ${first.entries} entries, not ${entries}`);
    log(`  first seek (builds snapshots) ${first.totalMs.toFixed(0)} ms`);
    const seeks: Seek[] = [];
    for (const seq of moments(index.latestSeq - 1, historySeeks)) seeks.push(await seek(baseUrl, access, seq));
    // A full join of the same review while it is loaded: what a seek is measured against.
    const joins: number[] = [];
    for (let i = 0; i < 3; i++) joins.push(await join(access, entries));
    const fullJoin = stats(joins).median;
    log(`  full join median ${fullJoin.toFixed(0)} ms`);
    const total = stats(seeks.map((s) => s.totalMs));
    const fetched = stats(seeks.map((s) => s.fetchMs));
    log(`  seek median ${total.median.toFixed(0)} ms, max ${total.max.toFixed(0)} ms`);
    return {
      figures: {
        'history.seek.median': total.median,
        'history.seek.p95': total.p95,
        'history.seek.max': total.max,
        'history.seek.fetch.median': fetched.median,
        'history.seek.first': first.totalMs,
        'history.fullJoin': fullJoin,
        'history.seek.overJoin': total.median / fullJoin,
        'history.first.overJoin': first.totalMs / fullJoin,
      },
      details: { latestSeq: index.latestSeq, first, seeks, joins },
    };
  } finally {
    await server.stop();
  }
}

export const historySeek: Workload = {
  id: 'history',
  title: 'History seek: the review as it stood at any moment',
  async run(ctx) {
    const { historyEntries: entries, historyUpdates: updates, historySeeks } = ctx.options;
    const rows: MetricRow[] = [];
    const notes = [
      `Hindsight: a review with ${entries} entries and ${updates} logged updates (SQLite, synchronous=FULL); ` +
        `${historySeeks} seeks to spread-out seqs, each one the server has not answered before.`,
      'time = GET /api/reviews/:id/history/state?seq=N sent, until a fresh Y.Doc holds that state (what one scrubber stop costs the page).',
      'The server merges the nearest history snapshot (one per 1,000 seqs, written in the background) or, for the latest ' +
        'seq, the checkpoint with the log after it, as encoded updates. "first seek" is the very first one, to the latest seq, ' +
        'before any snapshot exists. Both are compared with a full join of the same review while it is loaded.',
      'reference, raw ws: n/a — neither keeps an edit history.',
    ];
    const figures = new Map<HindsightKind, Record<string, number>>();
    const details: Record<string, unknown> = {};
    let latestSeq = 0;
    for (const kind of hindsightKinds(ctx.servers)) {
      ctx.log(`history seek: ${kind}: seeding ${entries} entries, ${updates} updates`);
      const r = await seekOn(ctx.log, kind, entries, updates, historySeeks);
      figures.set(kind, r.figures);
      details[kind] = r.details;
      latestSeq = r.details.latestSeq;
    }
    rows.push(
      ...rowsPerBuild(
        [
          { key: 'history.seek.median', label: `seek to a moment, median (of ${latestSeq} seqs)` },
          { key: 'history.seek.p95', label: 'seek to a moment, p95' },
          { key: 'history.seek.max', label: 'seek to a moment, worst' },
          { key: 'history.seek.fetch.median', label: 'of which the HTTP answer, median' },
          { key: 'history.seek.first', label: 'first seek ever (no snapshots yet)' },
          { key: 'history.fullJoin', label: 'full join of the same review, loaded (median of 3)' },
          { key: 'history.seek.overJoin', label: 'seek median ÷ full join', unit: '×', digits: 2 },
          { key: 'history.first.overJoin', label: 'first seek ÷ full join', unit: '×', digits: 2 },
        ],
        figures,
      ),
    );
    return { rows, notes, details };
  },
};
