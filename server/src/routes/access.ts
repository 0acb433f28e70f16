// Who may call each HTTP route (and the sync endpoint), declared once. The
// routes enforce it themselves (requireLink with the capability, requireTeam,
// the operator token); this table is what the route × role matrix test
// (tests/integration/routeMatrix.test.ts) checks them against, and it fails on
// any route the app registers that is missing here. docs/access.md is the
// matrix generated from it and `can()`.
import type { Capability } from '@hindsight/protocol';

export type RouteNeed =
  /** Anyone (health, the app shell, the template's versions, the first-start claim). */
  | { kind: 'public' }
  /** Anyone while CREATE_TOKEN is unset; with it, the operator token only. */
  | { kind: 'create' }
  /** A link of this review whose role has the capability (`can(role, capability)`). */
  | { kind: 'link'; capability: Capability }
  /** The instance's team link, or the operator token. */
  | { kind: 'team' }
  /** The operator token (CREATE_TOKEN) only. */
  | { kind: 'operator' };

const link = (capability: Capability): RouteNeed => ({ kind: 'link', capability });
const PUBLIC: RouteNeed = { kind: 'public' };
const TEAM: RouteNeed = { kind: 'team' };
const OPERATOR: RouteNeed = { kind: 'operator' };

/** The sync endpoint's row: a WebSocket upgrade, not a Hono route. */
export const SYNC_ROUTE = 'GET /sync/:id' as const;

/** Every route as Hono registers it (`METHOD path`), with what it needs. */
export const ROUTE_ACCESS: Readonly<Record<string, RouteNeed>> = {
  'GET /healthz': PUBLIC,
  'GET /metrics': OPERATOR,
  'POST /api/reviews': { kind: 'create' },
  'GET /api/reviews/:id/session': link('doc.read'),
  'GET /api/reviews/:id/first-screen': link('doc.read'),
  'GET /api/reviews/:id/export.json': link('review.published'),
  'GET /api/reviews/:id/links': link('links.manage'),
  'POST /api/reviews/:id/links': link('links.manage'),
  'DELETE /api/reviews/:id/links/:linkId': link('links.manage'),
  'GET /api/reviews/:id/export.md': link('review.published'),
  'GET /api/reviews/:id/export.html': link('review.published'),
  'GET /api/reviews/:id/anonymised-preview': link('review.facilitate'),
  'POST /api/reviews/:id/publish': link('review.facilitate'),
  'GET /api/reviews/:id/publication': link('doc.read'),
  'GET /api/reviews/:id/published': link('review.published'),
  'POST /api/reviews/:id/earlier': link('doc.write'),
  'GET /api/reviews/:id/earlier-actions': link('doc.read'),
  'POST /api/reviews/:id/feedback': link('feedback.give'),
  'GET /api/reviews/:id/feedback': link('feedback.read'),
  'GET /api/actions': TEAM,
  'GET /api/actions.csv': TEAM,
  'GET /api/actions.ics': TEAM,
  'GET /api/metrics/reviews': TEAM,
  'GET /api/insights/quarter': TEAM,
  'GET /api/insights/quarter.md': TEAM,
  'GET /api/templates': PUBLIC,
  'POST /api/templates': TEAM,
  'GET /api/templates/diff': PUBLIC,
  'GET /api/templates/:version': PUBLIC,
  'GET /api/reviews/:id/template': link('doc.read'),
  'GET /api/team-link': TEAM,
  'POST /api/team-link': OPERATOR,
  'DELETE /api/team-link': OPERATOR,
  'POST /api/team-link/claim': PUBLIC,
  'POST /api/reviews/:id/ingest/:source': link('timeline.ingest'),
  'GET /api/reviews/:id/history': link('history.read'),
  'GET /api/reviews/:id/history/state': link('history.read'),
  'GET /api/reviews/:id/history/deleted': link('review.facilitate'),
  'POST /api/reviews/:id/history/purge': link('review.facilitate'),
  /** The app shell and the built client's files. */
  'GET /*': PUBLIC,
  [SYNC_ROUTE]: link('doc.read'),
};
