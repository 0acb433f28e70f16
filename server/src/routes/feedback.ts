// /api/reviews/:id/feedback: the participant survey. Anyone who may give
// feedback answers once per round (after the meeting; after publishing); the
// facilitator reads the aggregate. No endpoint returns who answered: answers
// are stored without the link or a time, and the once-only check keeps a
// one-way receipt of (review, round, link, the browser's random key) in a
// table of its own (storage/feedback.ts).
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { FeedbackRequest } from '@hindsight/api';
import { readFacilitation, readMeta } from '@hindsight/doc';
import {
  ApiErrorCode,
  FEEDBACK_MIN_ANSWERS,
  FEEDBACK_ROUNDS,
  FEEDBACK_TEXT_MAX,
  openFeedbackRounds,
  type FeedbackRound,
  type SameShape,
} from '@hindsight/protocol';
import { summariseFeedback } from '@hindsight/report';
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { requireLink } from './auth.ts';
import { reply } from './reply.ts';
import { HttpError, badRequest } from './errors.ts';

export interface FeedbackRoutesDeps {
  store: Store;
  registry: RoomRegistry;
}

const score = z.number().int().min(1).max(5);
const text = z.string().max(FEEDBACK_TEXT_MAX).default('');
const answerBody = z
  .object({
    round: z.enum(FEEDBACK_ROUNDS),
    usefulness: score,
    safety: score,
    timeWellSpent: score,
    keep: text,
    change: text,
    /** A random key the browser keeps per review, so one person answers once per round on a shared link. */
    respondent: z.string().regex(/^[\w-]{16,100}$/, 'a random key of 16 to 100 letters, digits, - or _'),
  })
  .strict();
// What the validator keeps is the contract's FeedbackRequest, field for field.
const sameAnswerBody: SameShape<z.infer<typeof answerBody>, FeedbackRequest> = true;
void sameAnswerBody;

const receiptOf = (reviewId: string, round: FeedbackRound, linkId: string, respondent: string): string =>
  createHash('sha256').update(`${reviewId}\n${round}\n${linkId}\n${respondent}`).digest('hex');

export function feedbackRoutes(deps: FeedbackRoutesDeps): Hono {
  const app = new Hono();

  app.post('/:id/feedback', async (c) => {
    const id = c.req.param('id');
    const identity = await requireLink(c, deps.store, id, 'feedback.give');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw badRequest('the body must be JSON, e.g. {"round": "meeting", "usefulness": 4, ...}');
    }
    const parsed = answerBody.safeParse(raw);
    if (!parsed.success)
      throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const { respondent, ...answer } = parsed.data;
    const doc = await deps.registry.snapshot(id);
    let open: FeedbackRound[];
    try {
      const meta = readMeta(doc);
      open = openFeedbackRounds({ ...meta, meetingEndedAt: readFacilitation(doc, Date.now()).meeting.endedAt });
    } finally {
      doc.destroy();
    }
    if (!open.includes(answer.round)) {
      throw new HttpError(
        409,
        ApiErrorCode.Conflict,
        answer.round === 'meeting'
          ? 'the survey opens once the review meeting has ended'
          : 'this round opens once the review is published',
      );
    }
    const stored = await deps.store.addFeedback(id, receiptOf(id, answer.round, identity.linkId, respondent), {
      ...answer,
      keep: answer.keep.trim(),
      change: answer.change.trim(),
    });
    if (!stored) throw new HttpError(409, ApiErrorCode.Conflict, 'you have already answered this round; thank you');
    return reply(c, 'POST /api/reviews/:id/feedback', { round: answer.round, stored: true }, 201);
  });

  app.get('/:id/feedback', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'feedback.read');
    const answers = (await deps.store.listFeedback(id)).map((f) => f.answer);
    return reply(c, 'GET /api/reviews/:id/feedback', {
      threshold: FEEDBACK_MIN_ANSWERS,
      rounds: summariseFeedback(answers),
    });
  });
  return app;
}
