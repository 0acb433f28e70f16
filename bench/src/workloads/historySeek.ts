// History seek: the replay page's "how the review was built" scrubber on a big review. A review with
// N entries and M logged updates, walked stop by stop the way the page does it (historyWalk.ts): the
// page opening, stops forward (only the difference), single steps, jumps back; each against a full join.
// Hindsight only: neither peer keeps an edit history.
import * as Y from 'yjs';
import { openProvider, whenReady } from '../clients/benchClient.ts';
import { seedLoggedReview, timelineSize } from '../seed.ts';
import { until } from '../time.ts';
import { startHindsight } from '../servers/hindsight.ts';
import { hindsightKinds, type HindsightKind } from '../servers/types.ts';
import { walkHistory, type Walk } from './historyWalk.ts';
import { join } from './lateJoin.ts';
import { rowsPerBuild } from './perBuild.ts';
import type { MetricRow, Workload } from './types.ts';

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
    // The replay page syncs the review before any tab shows: the history tab opens with that copy at hand.
    const liveDoc = new Y.Doc();
    const provider = openProvider(access, liveDoc);
    let walk: Walk;
    try {
      await whenReady(provider, true);
      await until(() => timelineSize(liveDoc) >= entries, `the page's copy to hold ${entries} entries`, 60_000, 5);
      walk = await walkHistory(
        baseUrl,
        access,
        index.latestSeq,
        historySeeks,
        (what, s) => {
          if (what !== 'forward' && what !== 'step')
            log(
              `  ${what} stop at ${s.seq}: ${s.ms.toFixed(0)} ms (HTTP ${s.fetchMs.toFixed(0)} ms), ` +
                `${(s.bytes / 1024).toFixed(0)} KB in ${s.requests} requests`,
            );
        },
        { doc: liveDoc, seq: index.latestSeq },
      );
    } finally {
      provider.destroy();
      liveDoc.destroy();
    }
    if (walk.first.entries !== entries)
      throw new Error(`the latest state holds ${walk.first.entries} entries, not ${entries}`);
    // A full join of the same review while it is loaded: what a stop is measured against.
    const joins: number[] = [];
    for (let i = 0; i < 3; i++) joins.push(await join(access, entries));
    const fullJoin = stats(joins).median;
    log(`  full join median ${fullJoin.toFixed(0)} ms`);
    const forward = stats(walk.forward.map((s) => s.ms));
    const back = stats(walk.back.map((s) => s.ms));
    const step = stats(walk.steps.map((s) => s.ms));
    log(`  forward stop median ${forward.median.toFixed(0)} ms, p95 ${forward.p95.toFixed(0)} ms`);
    log(`  back stop median ${back.median.toFixed(0)} ms, p95 ${back.p95.toFixed(0)} ms`);
    return {
      figures: {
        'history.seek.forward.median': forward.median,
        'history.seek.forward.p95': forward.p95,
        'history.seek.forward.kb': stats(walk.forward.map((s) => s.bytes / 1024)).median,
        'history.seek.step.median': step.median,
        'history.seek.back.median': back.median,
        'history.seek.back.p95': back.p95,
        'history.seek.back.kb': stats(walk.back.map((s) => s.bytes / 1024)).median,
        'history.seek.first': walk.first.ms,
        'history.seek.firstFetched': walk.firstFetched.ms,
        'history.seek.firstBack': walk.firstBack.ms,
        'history.fullJoin': fullJoin,
        'history.seek.forward.overJoin': forward.median / fullJoin,
        'history.seek.forward.p95.overJoin': forward.p95 / fullJoin,
        'history.seek.back.overJoin': back.median / fullJoin,
        'history.first.overJoin': walk.first.ms / fullJoin,
        'history.firstFetched.overJoin': walk.firstFetched.ms / fullJoin,
        'history.firstBack.overJoin': walk.firstBack.ms / fullJoin,
      },
      details: { latestSeq: index.latestSeq, ...walk, joins },
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
      `Hindsight: a review with ${entries} entries and ${updates} logged updates (SQLite, synchronous=FULL), walked ` +
        "with the replay page's own HistoryCursor (client/src/features/replay/historyDoc.ts) over HTTP, one document " +
        'carried along, as the page does it. time = one scrubber stop: moveTo(seq, seq - 1) until the view the page ' +
        'renders is read (timeline, annotations, whys; and which entries the stop added).',
      "first stop = the page opening on the latest seq (fresh cursor), with the review's document synced as the replay " +
        'page holds it (it syncs before any tab shows; not timed): the stop reads that copy and fetches only its own ' +
        'update; "without a live copy" = a second fresh cursor fetching the state (a page offline); then the first jump back, to the middle seq; then ' +
        `${historySeeks} stops forward through spread-out seqs (each from the one before: only the difference is ` +
        'fetched and applied), 10 single steps (▶ next update), and jumps back to earlier moments (a jump ' +
        'back within the history the page holds: read as of the moment, only the difference from the nearest moment it ' +
        'knows fetched and nothing applied; before it: the page starts again from the stored state nearest before ' +
        'the seq plus the difference after it; the walk begins with one).',
      'A build without ?nearest= (before) answers the whole state at the seq, merged on the server, for a stop back. ' +
        'Every stop is compared with a full join of the same review while it is loaded (sync until the doc holds ' +
        'every entry; it reads no view).',
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
          { key: 'history.seek.first', label: 'first stop: the page opens on the latest seq (from its live copy)' },
          { key: 'history.seek.firstFetched', label: 'first stop without a live copy (fetched)' },
          { key: 'history.seek.firstBack', label: 'first jump back, to the middle seq' },
          {
            key: 'history.seek.forward.median',
            label: `stop forward, median (${historySeeks} stops over ${latestSeq} seqs)`,
          },
          { key: 'history.seek.forward.p95', label: 'stop forward, p95' },
          { key: 'history.seek.forward.kb', label: 'stop forward, fetched, median', unit: 'KB' },
          { key: 'history.seek.step.median', label: 'next update (one seq), median' },
          { key: 'history.seek.back.median', label: 'jump back, median' },
          { key: 'history.seek.back.p95', label: 'jump back, p95' },
          { key: 'history.seek.back.kb', label: 'jump back, fetched, median', unit: 'KB' },
          { key: 'history.fullJoin', label: 'full join of the same review, loaded (median of 3)' },
          { key: 'history.seek.forward.overJoin', label: 'stop forward median ÷ full join', unit: '×', digits: 2 },
          { key: 'history.seek.forward.p95.overJoin', label: 'stop forward p95 ÷ full join', unit: '×', digits: 2 },
          { key: 'history.seek.back.overJoin', label: 'jump back median ÷ full join', unit: '×', digits: 2 },
          { key: 'history.first.overJoin', label: 'first stop ÷ full join', unit: '×', digits: 2 },
          {
            key: 'history.firstFetched.overJoin',
            label: 'first stop without a live copy ÷ full join',
            unit: '×',
            digits: 2,
          },
          { key: 'history.firstBack.overJoin', label: 'first jump back ÷ full join', unit: '×', digits: 2 },
        ],
        figures,
      ),
    );
    return { rows, notes, details };
  },
};
