// The satisfaction and psychological-safety trend of a quarter as a uPlot line chart (months on x, 1–5 on y).
import type { QuarterReport } from '@hindsight/report';
import { FEEDBACK_SCALES } from '@hindsight/protocol';
import { chartColours } from '../followup/UPlotChart.tsx';
import type { ChartSpec } from '../followup/insightCharts.ts';

const SHORT: Record<string, string> = {
  usefulness: 'Useful',
  safety: 'Safe to speak',
  timeWellSpent: 'Time well spent',
};

export function feedbackTrendChart(q: QuarterReport): ChartSpec {
  const c = chartColours();
  const months = q.feedbackTrend.map((t) => t.month);
  return {
    options: {
      scales: { x: { time: false, range: () => [-0.3, months.length - 0.7] }, y: { range: () => [1, 5] } },
      axes: [
        {
          stroke: c.text,
          grid: { show: false },
          splits: () => months.map((_, i) => i),
          values: (_u, splits) => splits.map((i) => months[i] ?? ''),
        },
        { stroke: c.text, grid: { stroke: c.grid, width: 1 }, label: 'mean (1–5)' },
      ],
      series: [
        { label: 'Month', value: (_u, v) => (v === null || v === undefined ? '--' : (months[v] ?? '--')) },
        ...FEEDBACK_SCALES.map((s, i) => ({
          label: SHORT[s.key] ?? s.key,
          stroke: c.series[i],
          width: 2,
          points: { show: true, size: 7 },
          spanGaps: true,
        })),
      ],
      legend: { show: true },
    },
    data: [months.map((_, i) => i), ...FEEDBACK_SCALES.map((s) => q.feedbackTrend.map((t) => t.means[s.key]))],
  };
}
