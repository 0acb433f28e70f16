// POST /api/reviews/:id/publish (facilitator): the review becomes `published`
// through a server-side document change (stored before it is relayed), and
// the published state is kept as a numbered publication so later edits show
// as amendments. GET /:id/publication tells what was published and whether
// the review changed since, section by section.
import { Hono } from 'hono';
import * as Y from 'yjs';
import { defaultContext, markPublished } from '@hindsight/doc';
import { buildReportModel, fixReviewPseudonyms, reportSectionsOf, type ReportModel } from '@hindsight/report';
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { reviewTemplate } from '../template/versions.ts';
import { requireLink } from './auth.ts';
import { reply } from './reply.ts';
import { linkParticipants } from './reportExports.ts';

export interface PublishRoutesDeps {
  store: Store;
  registry: RoomRegistry;
}

const SECTIONS = ['summary', 'impact', 'timeline', 'whys', 'factors', 'humanFactors', 'narrative', 'actions'] as const;

/** Report sections whose content differs between two models. */
export function amendedSections(published: ReportModel, current: ReportModel): string[] {
  return SECTIONS.filter((s) => JSON.stringify(published[s]) !== JSON.stringify(current[s]));
}

export function publishRoutes(deps: PublishRoutesDeps): Hono {
  const app = new Hono();

  app.post('/:id/publish', async (c) => {
    const id = c.req.param('id');
    const identity = await requireLink(c, deps.store, id, 'review.facilitate');
    const at = Date.now();
    const participants = await linkParticipants(deps.store, id);
    let state: Uint8Array | null = null;
    await deps.registry.applyServerChange(id, (doc) => {
      const ctx = { ...defaultContext(identity.label), now: () => at };
      markPublished(doc, { at }, ctx);
      // Pseudonyms are fixed at the first publication and kept by every later one (only new people are added).
      fixReviewPseudonyms(doc, { participants }, ctx, { id });
      // Captured inside the change: exactly the state that was published.
      state = Y.encodeStateAsUpdate(doc);
    });
    const version = await deps.store.addPublication(id, { publishedAt: at, by: identity.label, state: state! });
    return reply(c, 'POST /api/reviews/:id/publish', {
      status: 'published',
      version,
      publishedAt: new Date(at).toISOString(),
    });
  });

  app.get('/:id/publication', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'doc.read');
    const publications = await deps.store.listPublications(id);
    const last = publications.at(-1);
    if (!last)
      return reply(c, 'GET /api/reviews/:id/publication', {
        published: false,
        publications: [],
        amended: false,
        amendedSections: [],
      });
    const published = new Y.Doc();
    Y.applyUpdate(published, last.state);
    const current = await deps.registry.snapshot(id);
    try {
      // Anything in the current state vector beyond the published one is a later edit.
      const sv = Y.decodeStateVector(Y.encodeStateVector(published));
      const amended = [...Y.decodeStateVector(Y.encodeStateVector(current))].some(
        ([client, clock]) => clock > (sv.get(client) ?? 0),
      );
      const changed = amended
        ? amendedSections(buildReportModel(published, { id }), buildReportModel(current, { id }))
        : [];
      // The titles the review's template gives the sections, for naming the amended ones.
      const sections = reportSectionsOf((await reviewTemplate(deps.store, current)).content);
      return reply(c, 'GET /api/reviews/:id/publication', {
        published: true,
        publications: publications.map((p) => ({
          version: p.version,
          publishedAt: new Date(p.publishedAt).toISOString(),
          by: p.by,
        })),
        amended,
        amendedSections: changed,
        sections,
      });
    } finally {
      published.destroy();
      current.destroy();
    }
  });
  return app;
}
