// Download buttons for the report as Markdown and self-contained HTML (fetched with the link token).
import { useState } from 'react';
import { fetchExport, saveFile, type ReportOptions } from './reportApi.ts';

export function ReportDownloads({ reviewId, token, query }: { reviewId: string; token: string; query: ReportOptions }) {
  const [error, setError] = useState<string | null>(null);
  const download = (format: 'md' | 'html'): void => {
    setError(null);
    fetchExport(reviewId, token, format, query)
      .then((body) => {
        const suffix = query.anonymised ? '-anonymised' : '';
        const type = format === 'md' ? 'text/markdown' : 'text/html';
        saveFile(body, `review-${reviewId}${suffix}.${format}`, `${type};charset=utf-8`);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  return (
    <div className="report-downloads" role="group" aria-label="Download the report">
      <button type="button" className="btn btn-small" onClick={() => download('md')}>
        Download Markdown
      </button>
      <button type="button" className="btn btn-small" onClick={() => download('html')}>
        Download HTML
      </button>
      {error && (
        <p className="error-text" role="alert">
          Download failed: {error}
        </p>
      )}
    </div>
  );
}
