// uPlot options and data for the insights page's four charts, built from GET /api/metrics/reviews.
import uPlot from 'uplot';
import type { ReviewMetrics } from '@hindsight/report';
import { chartColours } from './UPlotChart.tsx';
import { COUNT_STEPS, timeDomain, valueRange } from './chartDomain.ts';

export interface ChartSpec {
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
}

const bars = (align: -1 | 0 | 1): uPlot.Series.PathBuilder =>
  uPlot.paths.bars!({ size: [align === 0 ? 0.6 : 0.35, 48], align, gap: 2 });

/** An x axis of categories (months) at 0..n-1. */
function categoryAxis(labels: string[], text: string, grid: string): uPlot.Axis {
  return {
    stroke: text,
    grid: { show: false },
    ticks: { stroke: grid },
    splits: () => labels.map((_, i) => i),
    values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
  };
}

/** A value axis of whole counts: integer steps only. */
const countAxis = (text: string, grid: string, label: string): uPlot.Axis => ({
  ...valueAxis(text, grid, label),
  incrs: COUNT_STEPS,
});

function valueAxis(text: string, grid: string, label?: string, scale?: string, side?: 1 | 3): uPlot.Axis {
  // uPlot takes a key that is present but undefined as set: an axis with `scale: undefined` is never drawn.
  return {
    stroke: text,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid },
    ...(label !== undefined && { label }),
    ...(scale !== undefined && { scale }),
    ...(side !== undefined && { side }),
  };
}

const categoryScale = (n: number): uPlot.Scale => ({ time: false, range: () => [-0.6, Math.max(0, n - 1) + 0.6] });

/** A time scale over `xs` (seconds) with some air around the points; see timeDomain. */
const timeScale = (xs: readonly number[]): uPlot.Scale => {
  const domain = timeDomain(xs);
  return { time: true, range: () => domain };
};

/** The x series of a category chart: the legend shows the month, not its index. */
const monthSeries = (months: string[]): uPlot.Series => ({
  label: 'Month',
  value: (_u, v) => (v === null || v === undefined ? '--' : (months[v] ?? '--')),
});

export function reviewsPerMonthChart(m: ReviewMetrics): ChartSpec {
  const c = chartColours();
  const months = m.reviewsPerMonth.map((r) => r.month);
  return {
    options: {
      scales: { x: categoryScale(months.length), y: { range: (_u, _min, max) => valueRange(max) } },
      axes: [categoryAxis(months, c.text, c.grid), countAxis(c.text, c.grid, 'reviews')],
      series: [
        monthSeries(months),
        { label: 'Reviews', fill: c.series[0], stroke: c.series[0], paths: bars(-1), points: { show: false } },
        { label: 'Published', fill: c.series[1], stroke: c.series[1], paths: bars(1), points: { show: false } },
      ],
      legend: { show: true },
    },
    data: [months.map((_, i) => i), m.reviewsPerMonth.map((r) => r.reviews), m.reviewsPerMonth.map((r) => r.published)],
  };
}

export function timeToPublishChart(m: ReviewMetrics): ChartSpec {
  const c = chartColours();
  const xs = m.timeToPublish.map((t) => t.publishedAt / 1000);
  return {
    options: {
      scales: { x: timeScale(xs), y: { range: (_u, _min, max) => valueRange(max) } },
      axes: [{ stroke: c.text, grid: { show: false }, ticks: { stroke: c.grid } }, valueAxis(c.text, c.grid, 'hours')],
      series: [
        { label: 'Published' },
        {
          label: 'Hours from incident to published report',
          stroke: c.series[0],
          width: 2,
          points: { show: true, size: 8, fill: c.series[0] },
        },
      ],
    },
    data: [xs, m.timeToPublish.map((t) => t.hours)],
  };
}

export function actionCompletionChart(m: ReviewMetrics): ChartSpec {
  const c = chartColours();
  const months = m.actionCompletion.map((r) => r.month);
  return {
    options: {
      scales: {
        x: categoryScale(months.length),
        y: { range: (_u, _min, max) => valueRange(max) },
        rate: { range: [0, 100] },
      },
      axes: [
        categoryAxis(months, c.text, c.grid),
        countAxis(c.text, c.grid, 'items'),
        { ...valueAxis(c.text, c.grid, 'completed so far (%)', 'rate', 1), grid: { show: false } },
      ],
      series: [
        monthSeries(months),
        { label: 'Created', fill: c.series[0], stroke: c.series[0], paths: bars(-1), points: { show: false } },
        { label: 'Completed', fill: c.series[1], stroke: c.series[1], paths: bars(1), points: { show: false } },
        {
          label: 'Completion rate (%)',
          scale: 'rate',
          stroke: c.series[2],
          width: 2,
          dash: [6, 4],
          points: { show: true, size: 6, fill: c.series[2] },
        },
      ],
    },
    data: [
      months.map((_, i) => i),
      m.actionCompletion.map((r) => r.created),
      m.actionCompletion.map((r) => r.completed),
      m.actionCompletion.map((r) => (r.cumulativeRate === null ? null : Math.round(r.cumulativeRate * 100))),
    ],
  };
}

export function detectResolveChart(m: ReviewMetrics): ChartSpec {
  const c = chartColours();
  const xs = m.detectResolve.map((r) => r.startedAt / 1000);
  return {
    options: {
      scales: { x: timeScale(xs), y: { range: (_u, _min, max) => valueRange(max) } },
      axes: [
        { stroke: c.text, grid: { show: false }, ticks: { stroke: c.grid } },
        valueAxis(c.text, c.grid, 'minutes'),
      ],
      series: [
        { label: 'Incident start' },
        {
          label: 'Minutes to detect',
          stroke: c.series[2],
          width: 2,
          points: { show: true, size: 8, fill: c.series[2] },
          spanGaps: true,
        },
        {
          label: 'Minutes to resolve',
          stroke: c.series[3],
          width: 2,
          dash: [6, 4],
          points: { show: true, size: 8, fill: c.series[3] },
          spanGaps: true,
        },
      ],
    },
    data: [xs, m.detectResolve.map((r) => r.detectMinutes), m.detectResolve.map((r) => r.resolveMinutes)],
  };
}
