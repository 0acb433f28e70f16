// The insights charts' data as tables (the accessible alternative to each canvas).
import type { ReviewMetrics } from '@hindsight/report';
import { When } from '../report/When.tsx';

const dash = (v: number | null): string => (v === null ? '—' : String(v));

export function ReviewsPerMonthTable({ m }: { m: ReviewMetrics }) {
  return (
    <table className="table chart-table">
      <thead>
        <tr>
          <th scope="col">Month (UTC)</th>
          <th scope="col">Reviews</th>
          <th scope="col">Published</th>
        </tr>
      </thead>
      <tbody>
        {m.reviewsPerMonth.map((r) => (
          <tr key={r.month}>
            <th scope="row">{r.month}</th>
            <td>{r.reviews}</td>
            <td>{r.published}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TimeToPublishTable({ m }: { m: ReviewMetrics }) {
  return (
    <table className="table chart-table">
      <thead>
        <tr>
          <th scope="col">Review</th>
          <th scope="col">Published</th>
          <th scope="col">Hours from incident</th>
        </tr>
      </thead>
      <tbody>
        {m.timeToPublish.map((r) => (
          <tr key={r.reviewId}>
            <th scope="row">{r.title}</th>
            <td>
              <When at={r.publishedAt} />
            </td>
            <td>{r.hours}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ActionCompletionTable({ m }: { m: ReviewMetrics }) {
  return (
    <table className="table chart-table">
      <thead>
        <tr>
          <th scope="col">Month (UTC)</th>
          <th scope="col">Created</th>
          <th scope="col">Completed</th>
          <th scope="col">Completed so far</th>
        </tr>
      </thead>
      <tbody>
        {m.actionCompletion.map((r) => (
          <tr key={r.month}>
            <th scope="row">{r.month}</th>
            <td>{r.created}</td>
            <td>{r.completed}</td>
            <td>{r.cumulativeRate === null ? '—' : `${Math.round(r.cumulativeRate * 100)} %`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DetectResolveTable({ m }: { m: ReviewMetrics }) {
  return (
    <table className="table chart-table">
      <thead>
        <tr>
          <th scope="col">Review</th>
          <th scope="col">Incident start</th>
          <th scope="col">Minutes to detect</th>
          <th scope="col">Minutes to resolve</th>
        </tr>
      </thead>
      <tbody>
        {m.detectResolve.map((r) => (
          <tr key={r.reviewId}>
            <th scope="row">{r.title}</th>
            <td>
              <When at={r.startedAt} />
            </td>
            <td>{dash(r.detectMinutes)}</td>
            <td>{dash(r.resolveMinutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
