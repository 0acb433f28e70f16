// The targets of issue 7, judged against the metric rows. The bench reports them; tests never assert them.
import type { MetricRow } from './workloads/types.ts';

export type TargetStatus = 'met' | 'missed' | 'not measured';

export interface TargetResult {
  target: string;
  status: TargetStatus;
  detail: string;
}

interface Target {
  target: string;
  judge(rows: Map<string, MetricRow>): TargetResult;
}

/** A fixed offered load gives every server the same deliveries/s give or take timing; allow 2% for that. */
const THROUGHPUT_NOISE = 0.98;

const fmt = (v: number, digits = 1): string => v.toFixed(digits);

function compare(
  target: string,
  row: MetricRow | undefined,
  other: 'reference' | 'raw',
  ok: (h: number, o: number) => boolean,
  describe: (h: number, o: number) => string,
): TargetResult {
  const h = row?.values.hindsight;
  const o = row?.values[other];
  if (h == null || o == null)
    return { target, status: 'not measured', detail: `needs the ${row?.key ?? 'workload'} run on both servers` };
  return { target, status: ok(h, o) ? 'met' : 'missed', detail: describe(h, o) };
}

/** The first render's goals (issue 15): cold under 1.5 s, warm under 0.8 s, for `browser.render.{cold,warm}.<which>`. */
function renderTarget(target: string, which: 'first' | 'median'): Target {
  return {
    target,
    judge: (rows) => {
      const row = rows.get(`browser.render.cold.${which}`);
      const cold = row?.values.hindsight;
      if (cold == null) return { target, status: 'not measured', detail: 'browser-render workload not run' };
      const entries = /, (\d+) entries/.exec(row!.label)?.[1];
      if (entries !== '5000')
        return { target, status: 'not measured', detail: `ran with ${entries} entries, not 5000` };
      const warm = rows.get(`browser.render.warm.${which}`)?.values.hindsight ?? NaN;
      return {
        target,
        status: cold < 1500 && warm < 800 ? 'met' : 'missed',
        detail: `cold median ${fmt(cold, 0)} ms; warm cache median ${fmt(warm, 0)} ms`,
      };
    },
  };
}

const TARGETS: Target[] = [
  {
    target: 'fan-out throughput ≥ reference, durable store on',
    judge: (rows) =>
      compare(
        'fan-out throughput ≥ reference, durable store on',
        rows.get('fanout.deliveriesPerSecond'),
        'reference',
        (h, o) => h >= o * THROUGHPUT_NOISE,
        (h, o) => `${fmt(h, 0)} vs ${fmt(o, 0)} deliveries/s (×${fmt(h / o, 3)}; met at ≥ ×${THROUGHPUT_NOISE})`,
      ),
  },
  {
    target: 'fan-out p99 latency ≤ reference',
    judge: (rows) =>
      compare(
        'fan-out p99 latency ≤ reference',
        rows.get('fanout.p99'),
        'reference',
        (h, o) => h <= o,
        (h, o) => `${fmt(h, 2)} vs ${fmt(o, 2)} ms`,
      ),
  },
  {
    target: 'many-rooms p99 latency ≤ reference',
    judge: (rows) =>
      compare(
        'many-rooms p99 latency ≤ reference',
        rows.get('rooms.p99'),
        'reference',
        (h, o) => h <= o,
        (h, o) => `${fmt(h, 2)} vs ${fmt(o, 2)} ms`,
      ),
  },
  {
    target: 'fan-out throughput ≥ 60% of raw ws',
    judge: (rows) =>
      compare(
        'fan-out throughput ≥ 60% of raw ws',
        rows.get('fanout.deliveriesPerSecond'),
        'raw',
        (h, o) => h >= 0.6 * o,
        (h, o) => `${fmt((100 * h) / o)}% of raw (${fmt(h, 0)} vs ${fmt(o, 0)} deliveries/s)`,
      ),
  },
  {
    target: 'late join of 10,000 entries < 200 ms',
    judge: (rows) => {
      const row = rows.get('latejoin.median');
      const h = row?.values.hindsight;
      const target = 'late join of 10,000 entries < 200 ms';
      if (h == null) return { target, status: 'not measured', detail: 'latejoin workload not run on Hindsight' };
      const entries = /first sync, (\d+) entries/.exec(row!.label)?.[1];
      if (entries !== '10000')
        return { target, status: 'not measured', detail: `ran with ${entries} entries, not 10000` };
      return {
        target,
        status: h < 200 ? 'met' : 'missed',
        detail: `median ${fmt(h)} ms, max ${fmt(rows.get('latejoin.max')?.values.hindsight ?? NaN)} ms`,
      };
    },
  },
  renderTarget('browser: 5,000-entry first rows (first screen or live) < 1.5 s cold, < 0.8 s warm', 'first'),
  renderTarget('browser: 5,000-entry live rows < 1.5 s cold, < 0.8 s warm', 'median'),
  {
    target: 'browser: keystroke to other browser < 50 ms p95',
    judge: (rows) => {
      const target = 'browser: keystroke to other browser < 50 ms p95';
      const h = rows.get('browser.keystroke.p95')?.values.hindsight;
      if (h == null) return { target, status: 'not measured', detail: 'browser-keystroke workload not run' };
      const p50 = rows.get('browser.keystroke.p50')?.values.hindsight ?? NaN;
      return { target, status: h < 50 ? 'met' : 'missed', detail: `p95 ${fmt(h)} ms, median ${fmt(p50)} ms` };
    },
  },
];

export function judgeTargets(rows: MetricRow[]): TargetResult[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return TARGETS.map((t) => t.judge(byKey));
}
