// A chart with its text alternative: a caption that states the gist and the data as a table.
import type { ReactNode } from 'react';

export interface ChartFigureProps {
  id: string;
  title: string;
  /** One or two sentences: what the chart shows, in words. */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
}

export function ChartFigure({ id, title, summary, chart, table }: ChartFigureProps) {
  return (
    <figure className="card chart-card" aria-labelledby={`${id}-h`} aria-describedby={`${id}-s`} data-testid={id}>
      <h2 id={`${id}-h`}>{title}</h2>
      <figcaption id={`${id}-s`} className="muted">
        {summary}
      </figcaption>
      {chart}
      <details>
        <summary>Data as a table</summary>
        {table}
      </details>
    </figure>
  );
}
