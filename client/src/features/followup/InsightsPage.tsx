// `/insights` (the server's /metrics is Prometheus): charts of reviews, time to publish, completion, detect/resolve.
import { useEffect, useMemo } from 'react';
import type { ReviewMetrics } from '@hindsight/report';
import { ChartFigure } from './ChartFigure.tsx';
import { fetchMetrics } from './followupApi.ts';
import {
  actionCompletionChart,
  detectResolveChart,
  reviewsPerMonthChart,
  timeToPublishChart,
} from './insightCharts.ts';
import {
  ActionCompletionTable,
  DetectResolveTable,
  ReviewsPerMonthTable,
  TimeToPublishTable,
} from './MetricTables.tsx';
import { TeamToken } from './TeamToken.tsx';
import { PageHeader } from './PageHeader.tsx';
import { UPlotChart } from './UPlotChart.tsx';
import { useTeamApi } from './useTeamApi.ts';
import '../publish/publish.css';
import './followup.css';

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const med = (v: number | null, unit: string): string => (v === null ? '—' : `${v} ${unit}`);

function Charts({ m }: { m: ReviewMetrics }) {
  const specs = useMemo(
    () => ({
      perMonth: reviewsPerMonthChart(m),
      publish: timeToPublishChart(m),
      completion: actionCompletionChart(m),
      detect: detectResolveChart(m),
    }),
    [m],
  );
  const reviews = m.reviewsPerMonth.reduce((n, r) => n + r.reviews, 0);
  const lastRate = m.actionCompletion.at(-1)?.cumulativeRate ?? null;
  const empty = (n: number, what: string, hint = '') =>
    n === 0 ? (
      <p className="muted">
        No {what} yet.{hint && ` ${hint}`}
      </p>
    ) : null;
  return (
    <div className="insights-grid">
      <ChartFigure
        id="chart-reviews"
        title="Reviews per month"
        summary={`${count(reviews, 'review')} over ${count(m.reviewsPerMonth.length, 'month')}, by month of the incident; bars for all and for published ones.`}
        chart={empty(m.reviewsPerMonth.length, 'reviews') ?? <UPlotChart {...specs.perMonth} />}
        table={<ReviewsPerMonthTable m={m} />}
      />
      <ChartFigure
        id="chart-publish"
        title="Time from incident to published report"
        summary={`${count(m.timeToPublish.length, 'published report')}; median ${med(m.medians.hoursToPublish, 'hours')}.`}
        chart={empty(m.timeToPublish.length, 'published reports') ?? <UPlotChart {...specs.publish} />}
        table={<TimeToPublishTable m={m} />}
      />
      <ChartFigure
        id="chart-completion"
        title="Action completion over time"
        summary={`Items created and completed per month; ${lastRate === null ? 'no items yet' : `${Math.round(lastRate * 100)} % of all items completed so far`}.`}
        chart={empty(m.actionCompletion.length, 'action items') ?? <UPlotChart {...specs.completion} />}
        table={<ActionCompletionTable m={m} />}
      />
      <ChartFigure
        id="chart-detect"
        title="Time to detect and resolve"
        summary={`Per review with a start time: median ${med(m.medians.detectMinutes, 'min')} to detect, ${med(m.medians.resolveMinutes, 'min')} to resolve.`}
        chart={
          empty(
            m.detectResolve.filter((r) => r.detectMinutes !== null || r.resolveMinutes !== null).length,
            'review with its detected or resolved time set',
            'Set them from a timeline entry (“mark as detected”) or in a review’s Facts panel.',
          ) ?? <UPlotChart {...specs.detect} />
        }
        table={<DetectResolveTable m={m} />}
      />
    </div>
  );
}

export function InsightsPage() {
  const metrics = useTeamApi('metrics', fetchMetrics);
  useEffect(() => {
    document.title = 'Insights · Hindsight';
  }, []);
  return (
    <div className="followup-page">
      <PageHeader title="Insights" current="insights" />
      <main className="followup-main">
        {metrics.needsToken && (
          <TeamToken onToken={metrics.setToken} failed={metrics.token !== null} message={metrics.error} />
        )}
        {metrics.error && !metrics.needsToken && (
          <p className="banner banner-danger" role="alert">
            {metrics.error}
          </p>
        )}
        {metrics.data && <Charts m={metrics.data} />}
        {metrics.loading && !metrics.data && <p className="muted">Loading…</p>}
      </main>
    </div>
  );
}
