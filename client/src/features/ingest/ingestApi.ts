// The ingest links of a review over the HTTP API (facilitators only): list, create (URL + token, shown once), revoke.
import type { LinkInfo } from '@hindsight/protocol';
import { createLink, listLinks } from '../share/linksApi.ts';

export { revokeLink } from '../share/linksApi.ts';

/** Active (not revoked) ingest links, newest first. */
export function listIngestLinks(reviewId: string, token: string): Promise<LinkInfo[]> {
  return listLinks(reviewId, token, 'ingest');
}

export function createIngestLink(
  reviewId: string,
  token: string,
  label: string,
): Promise<LinkInfo & { url: string; token: string }> {
  return createLink(reviewId, token, 'ingest', label) as Promise<LinkInfo & { url: string; token: string }>;
}

/** The Alertmanager receiver that posts to this review. */
export function alertmanagerSnippet(url: string, token: string): string {
  return [
    'receivers:',
    '  - name: hindsight',
    '    webhook_configs:',
    `      - url: ${url}`,
    '        send_resolved: true',
    '        max_alerts: 50',
    '        http_config:',
    '          authorization:',
    `            credentials: ${token}`,
  ].join('\n');
}
