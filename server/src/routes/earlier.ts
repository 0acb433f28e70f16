// Earlier reviews (repeat incidents) by capability. An editor links one by
// pasting one of its links: POST /api/reviews/:id/earlier checks that the link
// opens that review, keeps which link it was outside the document
// (followup/earlierAccess.ts) and writes only the id into the document.
// GET /api/reviews/:id/earlier-actions shows an earlier review's title, status
// and unfinished actions only while that link is unrevoked.
import { Hono } from 'hono';
import { z } from 'zod';
import { type LinkEarlierRequest, type SameShape, parseReviewLink } from '@hindsight/protocol';
import { defaultContext, linkEarlierReview, readEarlierReviews } from '@hindsight/doc';
import { authenticate } from '../auth/links.ts';
import { earlierView } from '../followup/earlierAccess.ts';
import type { ReviewIndex } from '../followup/reviewIndex.ts';
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { requireLink } from './auth.ts';
import { badRequest } from './errors.ts';
import { reply } from './reply.ts';

export interface EarlierRoutesDeps {
  store: Store;
  registry: RoomRegistry;
  index: ReviewIndex;
}

const body = z.object({ link: z.string().max(2000) }).strict();
const sameShape: SameShape<z.infer<typeof body>, LinkEarlierRequest> = true;
void sameShape;

export function earlierRoutes(deps: EarlierRoutesDeps): Hono {
  const app = new Hono();

  app.post('/:id/earlier', async (c) => {
    const id = c.req.param('id');
    const who = await requireLink(c, deps.store, id, 'doc.write');
    const parsed = body.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) throw badRequest('the body must be JSON: {"link": "<a link of the earlier review>"}');
    const pasted = parseReviewLink(parsed.data.link);
    if (!pasted) {
      throw badRequest(
        'paste the whole link of the earlier review (…/r/<id>#t=…): its id alone is not enough, since ids are not secret',
      );
    }
    if (pasted.reviewId === id) throw badRequest('that is a link to this review; paste a link of the earlier review');
    const auth = await authenticate(deps.store, pasted.reviewId, pasted.token, 'doc.read');
    if (!auth.ok) {
      throw badRequest(
        `that link does not open the earlier review (${auth.message}); paste a current facilitator, editor or observer link of it`,
      );
    }
    await deps.store.putEarlierGrant({
      reviewId: id,
      earlierId: pasted.reviewId,
      linkId: auth.identity.linkId,
      grantedAt: Date.now(),
    });
    await deps.registry.applyServerChange(id, (doc) => {
      linkEarlierReview(doc, { reviewId: pasted.reviewId }, defaultContext(who.label));
    });
    const view = await earlierView(deps.store, id, [pasted.reviewId], await deps.index.entries(), Date.now());
    return reply(c, 'POST /api/reviews/:id/earlier', view.reviews[0]!, 201);
  });

  // Unfinished items of the earlier reviews this one links (any live link of this review).
  app.get('/:id/earlier-actions', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'doc.read');
    const doc = await deps.registry.snapshot(id);
    let linked: string[];
    try {
      linked = readEarlierReviews(doc).map((r) => r.reviewId);
    } finally {
      doc.destroy();
    }
    return reply(
      c,
      'GET /api/reviews/:id/earlier-actions',
      await earlierView(deps.store, id, linked, await deps.index.entries(), Date.now()),
    );
  });
  return app;
}
