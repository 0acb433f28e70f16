// GET /api/reviews/:id/published: the published review, for every reading link
// and the only thing a reader link ever gets. Before the first publication it
// says the review is being written and when it was started, nothing more;
// after, the last publication's anonymised report and replay data, its date,
// the earlier versions' dates and the sections this version amended, and the
// earlier reviews it links (named only while their pasted link is valid).
import { Hono } from 'hono';
import * as Y from 'yjs';
import { ApiErrorCode } from '@hindsight/protocol';
import { buildReportModel, publishedReview, reportSectionsOf } from '@hindsight/report';
import { readEarlierReviews } from '@hindsight/doc';
import {
  earlierView,
  publishedEarlierTexts,
  publishedUnfinished,
  withEarlierTexts,
} from '../followup/earlierAccess.ts';
import type { ReviewIndex } from '../followup/reviewIndex.ts';
import type { Store } from '../storage/store.ts';
import { reviewTemplate } from '../template/versions.ts';
import { requireLink } from './auth.ts';
import { reply } from './reply.ts';
import { HttpError } from './errors.ts';
import { amendedSections } from './publish.ts';
import { linkParticipants } from './reportExports.ts';

export interface PublishedRoutesDeps {
  store: Store;
  index: ReviewIndex;
}

const docOf = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

export function publishedRoutes(deps: PublishedRoutesDeps): Hono {
  const app = new Hono();

  app.get('/:id/published', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'review.published');
    const review = await deps.store.getReview(id);
    if (!review) throw new HttpError(404, ApiErrorCode.NotFound, 'no such review');
    const publications = await deps.store.listPublications(id);
    const last = publications.at(-1);
    c.header('Cache-Control', 'private, no-store');
    if (!last)
      return reply(c, 'GET /api/reviews/:id/published', {
        published: false,
        startedAt: new Date(review.createdAt).toISOString(),
      });
    const doc = docOf(last.state);
    const previous = publications.length > 1 ? docOf(publications.at(-2)!.state) : null;
    try {
      // The sections and their titles come from the template version the review started from.
      const sections = reportSectionsOf((await reviewTemplate(deps.store, doc)).content);
      // The earlier reviews this version links, named only while the link pasted for each is valid.
      const linked = readEarlierReviews(doc).map((r) => r.reviewId);
      const earlier = await earlierView(
        deps.store,
        id,
        linked,
        linked.length > 0 ? await deps.index.entries() : [],
        Date.now(),
      );
      const titles = new Map(earlier.reviews.flatMap((r) => (r.valid ? [[r.reviewId, r.title] as const] : [])));
      const shown = { reviews: earlier.reviews, unfinished: publishedUnfinished(earlier.items) };
      // The earlier reviews' titles and actions are anonymised with the report: a reader gets no names.
      const participants = await linkParticipants(deps.store, id);
      const published = publishedReview(doc, id, { participants }, sections, titles, publishedEarlierTexts(shown));
      return reply(c, 'GET /api/reviews/:id/published', {
        published: true,
        version: last.version,
        publishedAt: new Date(last.publishedAt).toISOString(),
        // Dates only: who published is a name, and a reader gets none.
        versions: publications.map((p) => ({ version: p.version, publishedAt: new Date(p.publishedAt).toISOString() })),
        amendedSections: previous
          ? amendedSections(buildReportModel(previous, { id }), buildReportModel(doc, { id }))
          : [],
        sections,
        html: published.html,
        review: published.review,
        thresholds: published.thresholds,
        earlier: withEarlierTexts(shown, published.earlierTexts),
      });
    } finally {
      doc.destroy();
      previous?.destroy();
    }
  });

  return app;
}
