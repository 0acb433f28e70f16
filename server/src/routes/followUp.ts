// Follow-up across reviews: every action item (filters, completion rate,
// overdue count) as JSON, CSV and iCalendar; metrics for the metrics page;
// the quarterly process review. (A review's earlier reviews: routes/earlier.ts.)
// Cross-review routes need the team link (or the operator's CREATE_TOKEN).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ActionsQuery } from '@hindsight/api';
import { REVIEW_PAGE_PATH, type SameShape } from '@hindsight/protocol';
import {
  type ActionFilter,
  actionRows,
  actionStats,
  filterActions,
  quarterMarkdown,
  quarterOf,
  quarterlyReview,
  reviewMetrics,
} from '@hindsight/report';
import { actionsCsv } from '../followup/actionsCsv.ts';
import { actionsIcs } from '../followup/actionsIcs.ts';
import type { ReviewIndex } from '../followup/reviewIndex.ts';
import type { Store } from '../storage/store.ts';
import { badRequest } from './errors.ts';
import { reply } from './reply.ts';
import { requireTeam } from './team.ts';

export interface FollowUpRoutesDeps {
  store: Store;
  index: ReviewIndex;
  publicUrl: (requestUrl: string) => string;
  createToken: string | undefined;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const filterQuery = z
  .object({
    owner: z.string().max(100).optional(),
    status: z.string().optional(),
    dueBefore: date.optional(),
    dueAfter: date.optional(),
    overdue: z.enum(['true', 'false', '1', '0']).optional(),
    review: z.string().max(100).optional(),
  })
  .strict();
// The query the validator accepts is the contract's ActionsQuery, field for field.
const sameFilterQuery: SameShape<z.infer<typeof filterQuery>, ActionsQuery> = true;
void sameFilterQuery;

function parseFilter(c: Context): ActionFilter {
  const parsed = filterQuery.safeParse(c.req.query());
  if (!parsed.success) {
    throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  }
  const q = parsed.data;
  return {
    owner: q.owner,
    status: q.status?.split(',').filter(Boolean),
    dueBefore: q.dueBefore,
    dueAfter: q.dueAfter,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true' || q.overdue === '1',
    reviewId: q.review,
  };
}

export function followUpRoutes(deps: FollowUpRoutesDeps): Hono {
  const app = new Hono();
  const { index } = deps;
  const team = (c: Context): Promise<void> => requireTeam(c, deps.store, deps.createToken);
  const reviewUrl = (c: Context) => (id: string) =>
    `${deps.publicUrl(c.req.url)}${REVIEW_PAGE_PATH}/${encodeURIComponent(id)}`;
  const rows = async (c: Context) => {
    await team(c);
    const filter = parseFilter(c);
    const now = Date.now();
    return filterActions(actionRows(await index.entries(), now), filter);
  };

  app.get('/actions', async (c) => {
    const items = await rows(c);
    return reply(c, 'GET /api/actions', { stats: actionStats(items), items });
  });

  app.get('/actions.csv', async (c) => {
    const items = await rows(c);
    c.header('Content-Disposition', 'attachment; filename="action-items.csv"');
    return c.body(actionsCsv(items, reviewUrl(c)), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  app.get('/actions.ics', async (c) => {
    const items = await rows(c);
    const host = new URL(deps.publicUrl(c.req.url)).host;
    c.header('Content-Disposition', 'attachment; filename="action-items.ics"');
    return c.body(actionsIcs(items, { host, reviewUrl: reviewUrl(c), now: Date.now() }), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
    });
  });

  app.get('/metrics/reviews', async (c) => {
    await team(c);
    return reply(c, 'GET /api/metrics/reviews', reviewMetrics(await index.entries()));
  });

  // The quarterly process review (?quarter=2026-Q1, default: the current quarter), as JSON and as Markdown.
  const quarter = async (c: Context) => {
    await team(c);
    const q = c.req.query('quarter') ?? quarterOf(Date.now());
    if (!/^\d{4}-Q[1-4]$/.test(q)) throw badRequest('quarter: write it like 2026-Q1');
    return quarterlyReview(await index.entries(), await deps.store.listFeedback(null), q, Date.now());
  };
  app.get('/insights/quarter', async (c) => reply(c, 'GET /api/insights/quarter', await quarter(c)));
  app.get('/insights/quarter.md', async (c) => {
    const report = await quarter(c);
    c.header('Content-Disposition', `attachment; filename="process-review-${report.quarter}.md"`);
    return c.body(quarterMarkdown(report), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  });

  return app;
}
