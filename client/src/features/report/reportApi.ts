// The report and publishing API as the client uses it (Bearer link token): exports, preview, publish, publication.
import { ApiFailure } from '../../app/api.ts';
import type { ReportSections } from '@hindsight/report';

export interface PublicationInfo {
  published: boolean;
  publications: { version: number; publishedAt: string; by: string }[];
  amended: boolean;
  amendedSections: string[];
  /** The section titles of the review's template version (absent before the first publication). */
  sections?: ReportSections;
}

export interface AnonymisedPreviewInfo {
  pseudonyms: Record<string, string>;
  /** Each person with every form that is hidden (names, labels, handles). */
  people: { name: string; pseudonym: string; forms: string[] }[];
  changes: { path: string; kind: string; original: string; replacement: string }[];
  /** Words that may be names, left in place for the facilitator to decide. */
  suspects: { path: string; text: string }[];
}

export interface PublishResult {
  status: string;
  version: number;
  publishedAt: string;
}

export interface ExportQuery {
  anonymised?: boolean;
  timeline?: 'all' | 'starred' | 'auto';
  version?: 'published' | 'current';
}

/** GET or POST with the token; throws ApiFailure with the server's message. */
export async function request(path: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
    });
  } catch {
    throw new ApiFailure(0, 'the server cannot be reached; check the connection and try again');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiFailure(res.status, body?.error?.message ?? `request failed (${res.status})`);
  }
  return res;
}

const base = (id: string): string => `/api/reviews/${encodeURIComponent(id)}`;

export function exportPath(id: string, format: 'md' | 'html', q: ExportQuery = {}): string {
  const params = new URLSearchParams();
  if (q.anonymised) params.set('anonymised', '1');
  if (q.timeline && q.timeline !== 'auto') params.set('timeline', q.timeline);
  if (q.version === 'published') params.set('version', 'published');
  const query = params.toString();
  return `${base(id)}/export.${format}${query ? `?${query}` : ''}`;
}

export async function fetchExport(id: string, token: string, format: 'md' | 'html', q?: ExportQuery): Promise<string> {
  return (await request(exportPath(id, format, q), token)).text();
}

export async function fetchPublication(id: string, token: string): Promise<PublicationInfo> {
  return (await request(`${base(id)}/publication`, token)).json() as Promise<PublicationInfo>;
}

export async function fetchAnonymisedPreview(id: string, token: string): Promise<AnonymisedPreviewInfo> {
  return (await request(`${base(id)}/anonymised-preview`, token)).json() as Promise<AnonymisedPreviewInfo>;
}

export async function publishReview(id: string, token: string): Promise<PublishResult> {
  return (await request(`${base(id)}/publish`, token, { method: 'POST' })).json() as Promise<PublishResult>;
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
