// Browser first render (issue 7): navigation start → first timeline rows visible for a seeded review, in
// Debian's Chromium, cold (fresh profile, no IndexedDB, no HTTP cache) and warm (same profile, reloaded).
/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { clockOffsetMs, newPerson } from '../browser/chromium.ts';
import { browserRunPrerequisites } from '../browser/clientBuild.ts';
import { hotFunctions, hotPackages, saveProfile, startProfile, type HotFunction } from '../browser/cpuProfile.ts';
import { seededReview } from '../browser/seededReview.ts';
import { sleep } from '../time.ts';
import { hindsightKinds, type HindsightKind } from '../servers/types.ts';
import { rowsPerBuild } from './perBuild.ts';
import type { MetricRow, Workload, WorkloadContext } from './types.ts';

const TARGET_MS = 1500;
const resultsDir = fileURLToPath(new URL('../../results', import.meta.url));

interface Load {
  /** performance.now() (ms since navigation start) when the first live `[data-entry-id]` row was in the DOM. */
  rowAt: number;
  /** …and after the next frame (requestAnimationFrame, then a task): the row has been painted. */
  visibleAt: number;
  /**
   * The same for the first row of either kind: the server's read-only first screen
   * (`[data-first-screen-entry]`, shown while the document loads) or a live row.
   */
  firstRowAt: number;
  firstVisibleAt: number;
  rows: number;
  domContentLoaded: number;
  liveAt: number;
}

/** Installed before any page script: watches the DOM for the first timeline row and the "Live" badge. */
function renderProbe(): void {
  const b = { rowAt: -1, visibleAt: -1, firstRowAt: -1, firstVisibleAt: -1, rows: 0, liveAt: -1 };
  (window as unknown as { __bench: typeof b }).__bench = b;
  const observer = new MutationObserver(() => {
    if (b.firstRowAt < 0 && document.querySelector('[data-entry-id], [data-first-screen-entry]')) {
      b.firstRowAt = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          b.firstVisibleAt = performance.now();
        }, 0),
      );
    }
    if (b.rowAt < 0 && document.querySelector('[data-entry-id]')) {
      b.rowAt = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          b.visibleAt = performance.now();
          b.rows = document.querySelectorAll('[data-entry-id]').length;
        }, 0),
      );
    }
    if (b.liveAt < 0 && document.querySelector('[data-testid="connection-state"]')?.textContent === 'Live')
      b.liveAt = performance.now();
    if (b.rowAt >= 0 && b.liveAt >= 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function load(page: Page, link: string): Promise<Load> {
  await page.goto(link, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const b = (window as unknown as { __bench?: { visibleAt: number; liveAt: number } }).__bench;
      return !!b && b.visibleAt >= 0 && b.liveAt >= 0;
    },
    undefined,
    { timeout: 120_000, polling: 50 },
  );
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: Omit<Load, 'domContentLoaded'> }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { ...b, domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN };
  });
}

/** One fresh profile: a cold load, then (after the cache has stored the review) a warm one. */
async function coldAndWarm(link: string): Promise<{ cold: Load; warm: Load; errors: string[] }> {
  const person = await newPerson('Bench Reader', renderProbe);
  try {
    const cold = await load(person.page, link);
    await sleep(1500); // y-indexeddb writes the synced state; the service worker settles
    await person.page.goto('about:blank');
    const warm = await load(person.page, link);
    return { cold, warm, errors: person.errors };
  } finally {
    await person.close();
  }
}

interface SyncFrames {
  /** ms since navigation start, on the page's clock: the sync socket created, its first and its largest frame in. */
  socketAt: number;
  firstFrameAt: number;
  largestFrameAt: number;
  largestFrameKb: number;
}

/** An extra cold load under the CPU profiler (same origin first, so the renderer stays the profiled one). */
async function profiledLoad(
  link: string,
  distDir: string,
): Promise<{ load: Load; hot: HotFunction[]; packages: HotFunction[]; frames: SyncFrames; path: string }> {
  const person = await newPerson('Bench Reader', renderProbe);
  try {
    await person.page.goto(new URL('/healthz', link).href);
    const seen = { socketAt: NaN, firstFrameAt: NaN, largestFrameAt: NaN, largestBytes: 0 };
    const now = (): number => performance.timeOrigin + performance.now();
    person.page.on('websocket', (ws) => {
      seen.socketAt = now();
      ws.on('framereceived', (f) => {
        const bytes = typeof f.payload === 'string' ? f.payload.length : f.payload.byteLength;
        if (Number.isNaN(seen.firstFrameAt)) seen.firstFrameAt = now();
        if (bytes > seen.largestBytes) Object.assign(seen, { largestBytes: bytes, largestFrameAt: now() });
      });
    });
    const profiler = await startProfile(person.page);
    const l = await load(person.page, link);
    const profile = await profiler.stop();
    // Node's clock → the page's "ms since navigation start".
    const offset = await clockOffsetMs(person.page, 5);
    const origin = await person.page.evaluate(() => performance.timeOrigin);
    const rel = (t: number): number => t + offset - origin;
    mkdirSync(resultsDir, { recursive: true });
    const path = join(resultsDir, `render-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    saveProfile(profile, path);
    return {
      load: l,
      hot: hotFunctions(profile, 8, distDir),
      packages: hotPackages(profile, distDir, 8),
      frames: {
        socketAt: rel(seen.socketAt),
        firstFrameAt: rel(seen.firstFrameAt),
        largestFrameAt: rel(seen.largestFrameAt),
        largestFrameKb: seen.largestBytes / 1024,
      },
      path,
    };
  } finally {
    await person.close();
  }
}

/** When the first rows of either kind were visible; a build without a first screen shows live rows first. */
const firstOf = (l: Load): number => (l.firstVisibleAt >= 0 ? l.firstVisibleAt : l.visibleAt);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface RenderRun {
  figures: Record<string, number>;
  cold: Load[];
  warm: Load[];
  errors: string[];
  seedSeconds: number;
  link: string;
  profiled?: Awaited<ReturnType<typeof profiledLoad>>;
}

async function renderOn(
  ctx: WorkloadContext,
  kind: HindsightKind,
  dist: { dir: string },
  entries: number,
  runs: number,
): Promise<RenderRun> {
  ctx.log(`browser render: ${kind}: seeding ${entries} entries`);
  const review = await seededReview(dist.dir, entries, kind);
  try {
    const cold: Load[] = [];
    const warm: Load[] = [];
    const errors: string[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await coldAndWarm(review.link);
      cold.push(r.cold);
      warm.push(r.warm);
      errors.push(...r.errors);
      ctx.log(
        `  run ${i + 1}: cold ${r.cold.firstVisibleAt.toFixed(0)} ms first / ${r.cold.visibleAt.toFixed(0)} ms live, ` +
          `warm ${r.warm.firstVisibleAt.toFixed(0)} first / ${r.warm.visibleAt.toFixed(0)} ms live`,
      );
    }
    const coldMedian = median(cold.map((l) => l.visibleAt));
    // The profile explains the working tree's time; the baseline's is only measured.
    const profiled =
      kind === 'hindsight' && coldMedian >= TARGET_MS ? await profiledLoad(review.link, dist.dir) : undefined;
    // The first page to open the review after a server restart (a deploy): cold browser, nothing loaded.
    const restarted: Load[] = [];
    for (let i = 0; i < runs; i++) {
      const link = await review.restart();
      const person = await newPerson('Bench Reader', renderProbe);
      try {
        restarted.push(await load(person.page, link));
        errors.push(...person.errors);
      } finally {
        await person.close();
      }
      const r = restarted.at(-1)!;
      ctx.log(`  after restart ${i + 1}: ${firstOf(r).toFixed(0)} ms first / ${r.visibleAt.toFixed(0)} ms live`);
    }
    return {
      figures: {
        'browser.render.cold.median': coldMedian,
        'browser.render.cold.max': Math.max(...cold.map((l) => l.visibleAt)),
        'browser.render.warm.median': median(warm.map((l) => l.visibleAt)),
        // A build without a first screen shows live rows first: the same time.
        'browser.render.cold.first': median(cold.map(firstOf)),
        'browser.render.warm.first': median(warm.map(firstOf)),
        'browser.render.restart.first': median(restarted.map(firstOf)),
        'browser.render.restart.median': median(restarted.map((l) => l.visibleAt)),
        'browser.render.cold.dcl': median(cold.map((l) => l.domContentLoaded)),
        'browser.render.cold.row': median(cold.map((l) => l.rowAt)),
        'browser.render.cold.live': median(cold.map((l) => l.liveAt)),
        'browser.render.warm.live': median(warm.map((l) => l.liveAt)),
      },
      cold,
      warm,
      errors,
      seedSeconds: review.seedSeconds,
      link: review.link,
      profiled,
    };
  } finally {
    await review.stop();
  }
}

export const browserRender: Workload = {
  id: 'browser-render',
  title: 'Browser: first render of a big timeline in Chromium',
  async run(ctx) {
    const { renderEntries: entries, renderRuns: runs } = ctx.options;
    const na = 'reference and raw ws: n/a — they serve no UI (the reference server is a sync endpoint only).';
    const ready = await browserRunPrerequisites(ctx, na, hindsightKinds(ctx.servers));
    if ('skip' in ready) return ready.skip;
    const done = new Map<HindsightKind, RenderRun>();
    const failed: string[] = [];
    for (const [kind, dist] of ready.dists) {
      // One build that cannot be measured (an old client whose page the probe does not know) leaves the others.
      try {
        done.set(kind, await renderOn(ctx, kind, dist, entries, runs));
      } catch (err) {
        if (kind === 'hindsight') throw err;
        failed.push(`${kind}: NOT MEASURED — ${(err as Error).message.split('\n')[0]}`);
        ctx.log(`  ${failed.at(-1)}`);
      }
    }
    const figures = new Map([...done].map(([kind, r]) => [kind, r.figures]));
    const rows: MetricRow[] = rowsPerBuild(
      [
        {
          key: 'browser.render.cold.first',
          label: `first rows visible (first screen or live), ${entries} entries, cold (median)`,
        },
        { key: 'browser.render.warm.first', label: 'first rows visible (first screen or live), warm cache (median)' },
        { key: 'browser.render.cold.median', label: `live rows visible, ${entries} entries, cold (median)` },
        { key: 'browser.render.cold.max', label: 'live rows visible, cold (max)' },
        { key: 'browser.render.warm.median', label: 'live rows visible, warm cache (median)' },
        {
          key: 'browser.render.restart.first',
          label: 'first rows visible, first page after a server restart, cold (median)',
        },
        {
          key: 'browser.render.restart.median',
          label: 'live rows visible, first page after a server restart (median)',
        },
        { key: 'browser.render.cold.dcl', label: 'cold: DOMContentLoaded (median)' },
        { key: 'browser.render.cold.row', label: 'cold: first row in the DOM (median)' },
        { key: 'browser.render.cold.live', label: 'cold: connection badge "Live" (median)' },
        { key: 'browser.render.warm.live', label: 'warm: connection badge "Live" (median)' },
      ],
      figures,
    );
    const first = [...done.values()][0];
    const builds = [...ready.dists]
      .map(
        ([kind, d]) =>
          `${kind}: ${d.seconds ? `built in ${d.seconds.toFixed(0)} s into a temp dir` : 'BENCH_CLIENT_DIST'}`,
      )
      .join('; ');
    const notes = [
      `Hindsight serving its own built client (${builds}); ` +
        `one review with ${entries} entries made with @hindsight/doc addEntry, pushed 100 per update by a stock client (${first?.seedSeconds.toFixed(1) ?? '?'} s).`,
      `${runs} runs, each in a new Chromium profile: cold = first visit (no IndexedDB, no HTTP cache, no service worker); ` +
        'warm = the same profile reopening the link after about:blank (IndexedDB holds the review, assets cached); ' +
        'after a restart = a cold visit that is the first to open the review since the server was stopped (SIGTERM) and started again on the same data.',
      'time = performance.now() in the page (0 = navigation start) when the first row is in the DOM and a frame ' +
        'has passed (rAF + task): "first rows" counts the read-only first screen ([data-first-screen-entry], from ' +
        'GET /api/reviews/:id/first-screen, shown while the document loads) or a live row, "live rows" only a live, editable ' +
        '[data-entry-id] row; ' +
        `the display name is preset in localStorage so no prompt intervenes; ${first?.cold[0]?.rows ?? '?'} rows were in the DOM (virtualised list).`,
      na,
      ...failed,
    ];
    const profiled = done.get('hindsight')?.profiled;
    if (profiled) {
      const f = profiled.frames;
      const ms = (v: number): string => `${v.toFixed(0)} ms`;
      const pkgs = profiled.packages.map((h) => `${h.where} ${ms(h.selfMs)}`).join(', ');
      const top = profiled.hot
        .filter((h) => !h.fn.startsWith('('))
        .map((h) => `${h.fn} (${h.where}) ${ms(h.selfMs)}`)
        .join(', ');
      notes.push(
        `WHY (an extra cold load under the CPU profiler, ${ms(profiled.load.visibleAt)} to the first rows; ` +
          `${profiled.path.replace(/.*\/bench\//, 'bench/')}): sync socket opened at ${ms(f.socketAt)}, first frame ` +
          `${ms(f.firstFrameAt)}, the ${f.largestFrameKb.toFixed(0)} KB sync step 2 in at ${ms(f.largestFrameAt)}, first row in the DOM ` +
          `at ${ms(profiled.load.rowAt)}; page main-thread self time by source (idle excluded): ${pkgs}; hottest functions: ${top}.`,
      );
    }
    for (const [kind, r] of done)
      if (r.errors.length) notes.push(`${kind} page errors: ${[...new Set(r.errors)].slice(0, 3).join(' | ')}`);
    return {
      rows,
      notes,
      details: Object.fromEntries([...done].map(([kind, r]) => [kind, { ...r, figures: undefined }])),
    };
  },
};
