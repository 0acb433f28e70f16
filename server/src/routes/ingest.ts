// POST /api/reviews/:id/ingest/alertmanager and /ingest/alerts: live alert
// ingest. An ingest link's token (Authorization: Bearer) may post here and
// nowhere else; the alerts land in the live document as the server's own
// change (stored before it is relayed), so every connected client sees them.
import { Hono } from 'hono';
import { ApiErrorCode, INGEST_SOURCES, type IngestSource } from '@hindsight/protocol';
import { defaultContext } from '@hindsight/doc';
import {
  applyImport,
  importDefaults,
  parseAlertmanager,
  parseGenericAlerts,
  type ApplyResult,
  type ParseResult,
} from '@hindsight/importers';
import { authenticate } from '../auth/links.ts';
import { TokenBucket } from '../relay/rateLimit.ts';
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { bearer } from './auth.ts';
import { HttpError, badRequest } from './errors.ts';

/** What one ingest link may send. */
export interface IngestLimits {
  /** Alerts in one post. */
  maxAlerts: number;
  /** Posts per minute per ingest link (bursts up to that many at once). */
  postsPerMinute: number;
}

export interface IngestRoutesDeps {
  store: Store;
  registry: RoomRegistry;
  ingest: IngestLimits;
}

/** Response body of a successful ingest. */
export interface IngestResponse {
  /** Entries added to the timeline. */
  added: number;
  /** Alerts (firing or resolved) the timeline already had: a re-post adds nothing. */
  alreadyPresent: number;
}

const EXAMPLES: Record<IngestSource, string> = {
  alertmanager: 'an Alertmanager webhook payload (version 4)',
  alerts: '{"alerts": [{"id", "at", "title", "status"?, "severity"?, "description"?, "url"?, "source"?}]}',
};

function describeProblems(result: ParseResult, source: IngestSource): string {
  const shown = result.problems.slice(0, 5).map((p) => p.reason);
  const more = result.problems.length > 5 ? `; and ${result.problems.length - 5} more` : '';
  return `nothing was added: ${shown.join('; ')}${more} (expected ${EXAMPLES[source]})`;
}

/** How many alerts a post carries (both shapes keep them in `alerts`); 0 when it has none. */
function alertCount(body: unknown): number {
  const alerts = body && typeof body === 'object' ? (body as { alerts?: unknown }).alerts : undefined;
  return Array.isArray(alerts) ? alerts.length : 0;
}

export function ingestRoutes(deps: IngestRoutesDeps): Hono {
  const app = new Hono();
  const { maxAlerts, postsPerMinute } = deps.ingest;
  // One bucket per ingest link; links are few (one per alert source), so the map stays small.
  const buckets = new Map<string, TokenBucket>();
  const bucketFor = (linkId: string): TokenBucket => {
    let bucket = buckets.get(linkId);
    if (!bucket) {
      bucket = new TokenBucket(postsPerMinute / 60, undefined, postsPerMinute);
      buckets.set(linkId, bucket);
    }
    return bucket;
  };

  app.post('/:id/ingest/:source', async (c) => {
    const id = c.req.param('id');
    const source = c.req.param('source') as IngestSource;
    if (!INGEST_SOURCES.includes(source)) {
      throw new HttpError(
        404,
        ApiErrorCode.NotFound,
        `no ingest source "${source}"; use ${INGEST_SOURCES.join(' or ')}`,
      );
    }
    const auth = await authenticate(deps.store, id, bearer(c), 'timeline.ingest');
    if (!auth.ok) throw new HttpError(auth.status, auth.code, auth.message);
    if (!bucketFor(auth.identity.linkId).take()) {
      c.header('Retry-After', String(Math.ceil(60 / postsPerMinute)));
      throw new HttpError(
        429,
        ApiErrorCode.RateLimited,
        `this ingest link may post ${postsPerMinute} times a minute; retry after the Retry-After seconds (group alerts into fewer posts)`,
      );
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest(`the body must be JSON: ${EXAMPLES[source]}`);
    }
    const count = alertCount(body);
    if (count > maxAlerts) {
      throw new HttpError(
        413,
        ApiErrorCode.PayloadTooLarge,
        `nothing was added: ${count} alerts in one post, at most ${maxAlerts}; split them into several posts`,
      );
    }
    const ctx = defaultContext(auth.identity.label);
    let outcome: ApplyResult = { added: [], alreadyPresent: 0 };
    // The room runs server changes one at a time, so two posts of the same alert cannot both find it missing.
    await deps.registry.applyServerChange(id, (doc) => {
      // Zone-less times in the generic shape are read in the review's zone.
      const parsed =
        source === 'alertmanager'
          ? parseAlertmanager(body)
          : parseGenericAlerts(body, { timeZone: importDefaults(doc).timeZone });
      // All or nothing: one unreadable alert refuses the whole post (before anything is written).
      if (parsed.problems.length > 0) throw badRequest(describeProblems(parsed, source));
      outcome = applyImport(doc, parsed.candidates, ctx);
    });
    return c.json({ added: outcome.added.length, alreadyPresent: outcome.alreadyPresent } satisfies IngestResponse);
  });

  return app;
}
