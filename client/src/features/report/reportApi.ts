// The report exports as the client asks for them (Bearer link token), and saving one as a file.
import { fetchApiText, type ExportQuery } from '@hindsight/api';

/** Which report the page shows: anonymised or named, which timeline, the published or the current version. */
export interface ReportOptions {
  anonymised?: boolean;
  timeline?: 'all' | 'starred' | 'auto';
  version?: 'published' | 'current';
}

/** The export route's query for `options` (defaults left out). */
export function exportQuery(options: ReportOptions = {}): ExportQuery {
  return {
    ...(options.anonymised ? { anonymised: '1' } : {}),
    ...(options.timeline && options.timeline !== 'auto' ? { timeline: options.timeline } : {}),
    ...(options.version === 'published' ? { version: 'published' } : {}),
  };
}

/** The report as Markdown or self-contained HTML; throws ApiFailure with the server's message. */
export function fetchExport(
  id: string,
  token: string,
  format: 'md' | 'html',
  options?: ReportOptions,
): Promise<string> {
  const request = { params: { id }, query: exportQuery(options), token };
  return format === 'md'
    ? fetchApiText('GET /api/reviews/:id/export.md', request)
    : fetchApiText('GET /api/reviews/:id/export.html', request);
}

/** Saves a fetched body as a file (links cannot carry the Bearer token, so the browser downloads a blob). */
export function saveFile(body: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
