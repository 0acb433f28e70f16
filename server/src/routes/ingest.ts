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
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { bearer } from './auth.ts';
import { HttpError, badRequest } from './errors.ts';

export interface IngestRoutesDeps {
  store: Store;
  registry: RoomRegistry;
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

export function ingestRoutes(deps: IngestRoutesDeps): Hono {
  const app = new Hono();
  // One ingest at a time per review, so two posts of the same alert cannot both find it missing.
  const queues = new Map<string, Promise<unknown>>();
  const serialised = <T>(reviewId: string, run: () => Promise<T>): Promise<T> => {
    const next = (queues.get(reviewId) ?? Promise.resolve()).then(run, run);
    const settled = next.catch(() => undefined);
    queues.set(reviewId, settled);
    void settled.then(() => {
      if (queues.get(reviewId) === settled) queues.delete(reviewId);
    });
    return next;
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
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest(`the body must be JSON: ${EXAMPLES[source]}`);
    }
    const ctx = defaultContext(auth.identity.label);
    let outcome: ApplyResult = { added: [], alreadyPresent: 0 };
    await serialised(id, () =>
      deps.registry.applyServerChange(id, (doc) => {
        // Zone-less times in the generic shape are read in the review's zone.
        const parsed =
          source === 'alertmanager'
            ? parseAlertmanager(body)
            : parseGenericAlerts(body, { timeZone: importDefaults(doc).timeZone });
        // All or nothing: one unreadable alert refuses the whole post (before anything is written).
        if (parsed.problems.length > 0) throw badRequest(describeProblems(parsed, source));
        outcome = applyImport(doc, parsed.candidates, ctx);
      }),
    );
    return c.json({ added: outcome.added.length, alreadyPresent: outcome.alreadyPresent } satisfies IngestResponse);
  });

  return app;
}
