// /api/reviews/:id/export.md and export.html: the report, for any valid link
// of the review (like export.json); `?anonymised=1` for the anonymised version,
// `?timeline=all|starred`, `?version=published` for the last published state.
// A reader link always gets the last published state, anonymised (404 before).
// Also the anonymisation preview (every change, for the facilitator).
import { Hono, type Context } from 'hono';
import * as Y from 'yjs';
import { ApiErrorCode, can } from '@hindsight/protocol';
import {
  REPORT_CSP,
  anonymise,
  buildReportModel,
  exportReport,
  reportSectionsOf,
  reviewAnonymiseOptions,
  type Participant,
} from '@hindsight/report';
import { readEarlierReviews } from '@hindsight/doc';
import { earlierTitles } from '../followup/earlierAccess.ts';
import type { ReviewIndex } from '../followup/reviewIndex.ts';
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { reviewTemplate } from '../template/versions.ts';
import { requireLink } from './auth.ts';
import { reply } from './reply.ts';
import { HttpError, badRequest } from './errors.ts';

export interface ReportRoutesDeps {
  store: Store;
  registry: RoomRegistry;
  index: ReviewIndex;
}

/** Named link labels as participants: a facilitator link's label is the facilitator's name. */
export async function linkParticipants(store: Store, reviewId: string): Promise<Participant[]> {
  return (await store.listLinks(reviewId)).map((l) => ({
    name: l.label,
    role: l.role === 'facilitator' ? 'facilitator' : 'responder',
  }));
}

function timelineOption(c: Context): 'all' | 'starred' | 'auto' {
  const t = c.req.query('timeline') ?? 'auto';
  if (t !== 'all' && t !== 'starred' && t !== 'auto') throw badRequest('timeline must be all, starred or auto');
  return t;
}

/** The last published state of the review; 404 before the first publication. */
export async function publishedDoc(store: Store, id: string): Promise<Y.Doc> {
  const last = (await store.listPublications(id)).at(-1);
  if (!last) {
    throw new HttpError(
      404,
      ApiErrorCode.NotFound,
      'this review has not been published yet; the reader link shows it once the facilitator publishes',
    );
  }
  const doc = new Y.Doc();
  Y.applyUpdate(doc, last.state);
  return doc;
}

/** The live document, or the last published state with `?version=published`. */
async function reportDoc(c: Context, deps: ReportRoutesDeps, id: string): Promise<Y.Doc> {
  const version = c.req.query('version');
  if (version === undefined || version === 'current') return deps.registry.snapshot(id);
  if (version !== 'published') throw badRequest('version must be current or published');
  return publishedDoc(deps.store, id);
}

export function reportRoutes(deps: ReportRoutesDeps): Hono {
  const app = new Hono();
  const send = (format: 'md' | 'html') => async (c: Context) => {
    const id = c.req.param('id')!;
    const identity = await requireLink(c, deps.store, id, 'review.published');
    // A reader link gets only the published review, anonymised, whatever it asks for.
    const live = can(identity.role, 'review.export');
    const anonymised = !live || c.req.query('anonymised') === '1' || c.req.query('anonymised') === 'true';
    const timeline = timelineOption(c);
    const participants = anonymised ? await linkParticipants(deps.store, id) : [];
    const doc = live ? await reportDoc(c, deps, id) : await publishedDoc(deps.store, id);
    try {
      // The sections and their titles come from the template version the review started from.
      const sections = reportSectionsOf((await reviewTemplate(deps.store, doc)).content);
      const linked = readEarlierReviews(doc).map((r) => r.reviewId);
      const { body } = exportReport(doc, {
        format,
        id,
        timeline,
        sections,
        // Earlier reviews are named only while the link pasted for them is valid.
        earlierTitles: await earlierTitles(deps.store, id, linked, linked.length > 0 ? await deps.index.entries() : []),
        anonymise: anonymised ? { participants } : false,
      });
      const name = `review-${id}${anonymised ? '-anonymised' : ''}.${format}`;
      c.header('Content-Disposition', `inline; filename="${name}"`);
      c.header('X-Content-Type-Options', 'nosniff');
      if (format === 'html') {
        c.header('Content-Security-Policy', `${REPORT_CSP}; frame-ancestors 'self'`);
        return c.body(body, 200, { 'Content-Type': 'text/html; charset=utf-8' });
      }
      return c.body(body, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    } finally {
      doc.destroy();
    }
  };
  app.get('/:id/export.md', send('md'));
  app.get('/:id/export.html', send('html'));

  // What anonymising would change: the facilitator's preview before publishing.
  app.get('/:id/anonymised-preview', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'review.facilitate');
    const participants = await linkParticipants(deps.store, id);
    const doc = await deps.registry.snapshot(id);
    try {
      const { changes, pseudonyms, people, suspects } = anonymise(
        buildReportModel(doc, { id, timeline: timelineOption(c) }),
        reviewAnonymiseOptions(doc, { participants }),
      );
      // Every person with every form hidden, and every suspected name left in place, for the facilitator to decide.
      const persons = people.map((p) => ({ name: p.name, pseudonym: p.pseudonym, forms: [...p.names, ...p.handles] }));
      return reply(c, 'GET /api/reviews/:id/anonymised-preview', { pseudonyms, people: persons, changes, suspects });
    } finally {
      doc.destroy();
    }
  });
  return app;
}
