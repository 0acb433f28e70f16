// /api/reviews: create a review (with its three links), read who you are, export
// (a reader link: the published, anonymised review only).
import { Hono } from 'hono';
import { z } from 'zod';
import {
  ApiErrorCode,
  can,
  CAPABILITIES,
  ROLE_LABELS,
  type CreateReviewRequest,
  type CreateReviewResponse,
  type SameShape,
  type Session,
} from '@hindsight/protocol';
import { exportReview } from '@hindsight/doc';
import { publishedReview } from '@hindsight/report';
import { linkUrl, mintLink, newId } from '../auth/links.ts';
import { sameSecret } from '../auth/secrets.ts';
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { newReviewState } from '../template/newReview.ts';
import { latestVersion } from '../template/versions.ts';
import { bearer, requireLink } from './auth.ts';
import { HttpError, badRequest } from './errors.ts';
import { reply } from './reply.ts';
import { linkParticipants, publishedDoc } from './reportExports.ts';

export interface ReviewRoutesDeps {
  store: Store;
  registry: RoomRegistry;
  publicUrl: (requestUrl: string) => string;
  createToken: string | undefined;
}

const createBody = z
  .object({
    title: z.string().trim().min(1, 'title is required').max(200),
    startedAt: z.number().int().min(0).optional(),
    severity: z.string().trim().min(1).max(40).optional(),
    facilitatorName: z.string().trim().min(1).max(60).optional(),
    /** End of the data-collection window (epoch ms); default 24 hours from now. */
    collectionEndsAt: z.number().int().min(0).optional(),
  })
  .strict();
// The body the validator accepts is the protocol's CreateReviewRequest, field for field.
const sameCreateBody: SameShape<z.infer<typeof createBody>, CreateReviewRequest> = true;
void sameCreateBody;

async function jsonBody(req: { json: () => Promise<unknown> }): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw badRequest('the body must be JSON, e.g. {"title": "Checkout outage"}');
  }
}

export function reviewRoutes(deps: ReviewRoutesDeps): Hono {
  const app = new Hono();

  app.post('/', async (c) => {
    if (deps.createToken !== undefined && !sameSecret(bearer(c), deps.createToken)) {
      throw new HttpError(
        401,
        ApiErrorCode.Unauthorized,
        'creating reviews needs the operator token as "Authorization: Bearer <CREATE_TOKEN>"',
      );
    }
    const parsed = createBody.safeParse(await jsonBody(c.req));
    if (!parsed.success) {
      throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    }
    const input = parsed.data;
    const id = newId();
    const now = Date.now();
    const minted = {
      facilitator: mintLink(id, 'facilitator', input.facilitatorName ?? ROLE_LABELS.facilitator, now),
      editor: mintLink(id, 'editor', ROLE_LABELS.editor, now),
      reader: mintLink(id, 'reader', ROLE_LABELS.reader, now),
    };
    // The review starts from the instance template's latest version and keeps it.
    const template = await latestVersion(deps.store);
    const state = newReviewState(
      {
        id,
        title: input.title,
        startedAt: input.startedAt,
        severity: input.severity,
        collectionEndsAt: input.collectionEndsAt,
      },
      template,
      { now: () => now, newId, actor: input.facilitatorName },
    );
    await deps.store.createReview(
      { id, title: input.title, createdAt: now },
      Object.values(minted).map((m) => m.link),
      state,
    );
    const base = deps.publicUrl(c.req.url);
    const body: CreateReviewResponse = {
      id,
      title: input.title,
      links: {
        facilitator: linkUrl(base, id, minted.facilitator.token, 'facilitator'),
        editor: linkUrl(base, id, minted.editor.token, 'editor'),
        reader: linkUrl(base, id, minted.reader.token, 'reader'),
      },
    };
    return reply(c, 'POST /api/reviews', body, 201);
  });

  app.get('/:id/session', async (c) => {
    const id = c.req.param('id');
    // Ids are 128 random bits, so saying that one does not exist reveals nothing; it lets the app show a not-found page.
    const review = await deps.store.getReview(id);
    if (!review) throw new HttpError(404, ApiErrorCode.NotFound, 'there is no review with this id on this server');
    const identity = await requireLink(c, deps.store, id, 'doc.read');
    const session: Session = {
      reviewId: id,
      title: review.title,
      role: identity.role,
      linkId: identity.linkId,
      label: identity.label,
      capabilities: CAPABILITIES.filter((cap) => can(identity.role, cap)),
    };
    return reply(c, 'GET /api/reviews/:id/session', session);
  });

  // The top of the timeline for a page that is loading the document (firstScreen.ts); 204 when the server
  // holds no copy ready. Never cached: it is the live review.
  app.get('/:id/first-screen', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'doc.read');
    c.header('Cache-Control', 'no-store');
    const screen = await deps.registry.firstScreen(id);
    if (!screen) return c.body(null, 204);
    return reply(c, 'GET /api/reviews/:id/first-screen', screen);
  });

  app.get('/:id/export.json', async (c) => {
    const id = c.req.param('id');
    const identity = await requireLink(c, deps.store, id, 'review.published');
    // A reader link gets the published, anonymised review (404 before the first publication).
    const live = can(identity.role, 'review.export');
    const doc = live ? await deps.registry.snapshot(id) : await publishedDoc(deps.store, id);
    try {
      if (live) return c.json(exportReview(doc, id));
      return c.json(publishedReview(doc, id, { participants: await linkParticipants(deps.store, id) }).review);
    } finally {
      doc.destroy();
    }
  });

  return app;
}
