// The HTTP API's contract, written once: every route the client calls, keyed
// "METHOD /path/:param", with its query, its JSON body and its answer. The
// server types what each handler answers with these types (and checks its
// validators against the bodies with SameShape); the client calls the routes
// through `callApi` (client.ts), which takes the same keys, so a renamed or
// retyped field fails typecheck on both sides. docs/api.md describes the routes.
import type { DelayThresholds, EntryView, IncidentMarker } from '@hindsight/doc';
import type {
  CreateReviewRequest,
  CreateReviewResponse,
  EarlierReviewInfo,
  FeedbackAnswer,
  FeedbackRound,
  HistoryIndex,
  LinkEarlierRequest,
  LinkInfo,
  PublishedEarlier,
  Role,
  Session,
} from '@hindsight/protocol';
import type {
  ActionRow,
  ActionStats,
  Change,
  PublishedExport,
  QuarterReport,
  ReportSections,
  ReviewMetrics,
  RoundSummary,
  Suspect,
  TemplateContent,
  TemplateFieldDiff,
  TemplateVersion,
} from '@hindsight/report';

/** `GET /api/reviews/:id/links`: every link of the review, revoked ones included, never a token. */
export interface LinkList {
  links: LinkInfo[];
}

/** Body of `POST /api/reviews/:id/links`; the label defaults to the role's. */
export interface CreateLinkRequest {
  role: Role;
  label?: string;
}

/** `POST /api/reviews/:id/links` (201): the new link with its `url`, shown this once (and for ingest its `token`). */
export type CreatedLink = LinkInfo & { url: string };

/** `DELETE /api/reviews/:id/links/:linkId`: the revoked link, and how many open connections it closed. */
export interface RevokedLink {
  revoked: string;
  connectionsClosed: number;
}

/** `GET /api/reviews/:id/publication`: what was published, and whether the review changed since. */
export interface PublicationInfo {
  published: boolean;
  /** `by`: the label of the link that published, null when not recorded. */
  publications: { version: number; publishedAt: string; by: string | null }[];
  amended: boolean;
  amendedSections: string[];
  /** The section titles of the review's template version (absent before the first publication). */
  sections?: ReportSections;
}

/** `GET /api/reviews/:id/anonymised-preview`: what anonymising would change, for the facilitator. */
export interface AnonymisedPreview {
  pseudonyms: Record<string, string>;
  /** Each person with every form that is hidden (names, labels, handles). */
  people: { name: string; pseudonym: string; forms: string[] }[];
  changes: Change[];
  /** Words that may be names, left in place for the facilitator to decide. */
  suspects: Suspect[];
}

/** `POST /api/reviews/:id/publish`. */
export interface PublishResult {
  status: 'published';
  version: number;
  publishedAt: string;
}

/** `GET /api/reviews/:id/published`: the last publication as a reader gets it, or when the review started. */
export type PublishedInfo =
  | { published: false; startedAt: string }
  | {
      published: true;
      version: number;
      publishedAt: string;
      versions: { version: number; publishedAt: string }[];
      /** Report sections this version changed compared with the previous one. */
      amendedSections: string[];
      /** The section titles of the template version the review started from. */
      sections: ReportSections;
      html: string;
      review: PublishedExport;
      thresholds: DelayThresholds;
      /** The earlier reviews this version links, named only while the link pasted for each is valid. */
      earlier?: PublishedEarlier;
    };

/** Body of `POST /api/reviews/:id/feedback`: an answer and the browser's random key for the review. */
export type FeedbackRequest = FeedbackAnswer & { respondent: string };

/** `POST /api/reviews/:id/feedback` (201). */
export interface FeedbackStored {
  round: FeedbackRound;
  stored: true;
}

/** `GET /api/reviews/:id/feedback`: each round's summary; its breakdown is null below `threshold` answers. */
export interface FeedbackAggregate {
  threshold: number;
  rounds: RoundSummary[];
}

/** `GET /api/reviews/:id/history/deleted`: deleted text the edit history still holds. */
export interface DeletedInfo {
  /** Passages of deleted text the history still holds. */
  deletedRuns: number;
  deletedChars: number;
  /** What looks like a secret in them, masked (at most 20 listed). */
  secrets: { rule: string; masked: string }[];
  secretCount: number;
}

/** `POST /api/reviews/:id/history/purge`. */
export interface PurgeResult {
  purged: true;
  uptoSeq: number;
}

/** `GET /api/reviews/:id/earlier-actions`: the earlier reviews this one links and their unfinished items. */
export interface EarlierActions {
  reviews: EarlierReviewInfo[];
  items: ActionRow[];
}

/** Query of `GET /api/actions` (and its CSV and iCalendar forms); dates are YYYY-MM-DD. */
export interface ActionsQuery {
  owner?: string;
  /** Comma-separated statuses. */
  status?: string;
  dueBefore?: string;
  dueAfter?: string;
  overdue?: 'true' | 'false' | '1' | '0';
  review?: string;
}

/** `GET /api/actions`. */
export interface ActionsResult {
  stats: ActionStats;
  items: ActionRow[];
}

/** A template version as the API returns it; `readable: false` when the stored content no longer parses. */
export interface TemplateVersionView extends TemplateVersion {
  readable: boolean;
}

/** `GET /api/reviews/:id/template`: the version the review started from, and the version its meta recorded. */
export interface ReviewTemplate extends TemplateVersionView {
  recorded: number | null;
}

/** `GET /api/templates`: every version, the built-in one (0) first. */
export interface TemplateVersionList {
  latest: number;
  versions: Omit<TemplateVersionView, 'content'>[];
}

/** Body of `POST /api/templates`: a new version. */
export interface NewTemplateVersion {
  note: string;
  content: TemplateContent;
}

/** `GET /api/templates/diff?from=&to=`: what changed, field by field. */
export interface TemplateDiff {
  from: Omit<TemplateVersion, 'content'>;
  to: Omit<TemplateVersion, 'content'>;
  fields: TemplateFieldDiff[];
}

/**
 * `GET /api/reviews/:id/first-screen`: the top of the review's timeline, for the page to show (read-only)
 * while the document itself loads. From the server's live copy, or the copy it kept when the review was
 * last closed if nothing was stored since; 204 (null) when it has neither ready (the page waits for the
 * document as before).
 */
export interface FirstScreen {
  reviewId: string;
  title: string;
  /** The first entries in timeline order (`compareEntries`), at most FIRST_SCREEN_ENTRIES. */
  entries: EntryView[];
  /** How many entries the review has. */
  total: number;
  /** The incident's markers (started, detected, …), shown on the rows at their times. */
  markers: Record<IncidentMarker, number | null>;
}

/** How many entries a first screen holds: a tall screen's worth and then some. */
export const FIRST_SCREEN_ENTRIES = 40;

/** `POST /api/team-link/claim`: the first team link of a fresh instance (204, no body, when there is none to show). */
export interface TeamLinkClaim {
  url: string;
}

/** Query of the report exports: `anonymised=1`, `timeline=all|starred` (default auto), `version=published`. */
export interface ExportQuery {
  anonymised?: '1';
  timeline?: 'all' | 'starred';
  version?: 'published';
}

/** Routes that answer JSON: `response` is the body of the success answer (`null` for a 204). */
export interface JsonRoutes {
  'POST /api/reviews': { body: CreateReviewRequest; response: CreateReviewResponse };
  'GET /api/reviews/:id/session': { response: Session };
  'GET /api/reviews/:id/first-screen': { response: FirstScreen | null };
  'GET /api/reviews/:id/links': { response: LinkList };
  'POST /api/reviews/:id/links': { body: CreateLinkRequest; response: CreatedLink };
  'DELETE /api/reviews/:id/links/:linkId': { response: RevokedLink };
  'GET /api/reviews/:id/publication': { response: PublicationInfo };
  'GET /api/reviews/:id/anonymised-preview': { response: AnonymisedPreview };
  'POST /api/reviews/:id/publish': { response: PublishResult };
  'GET /api/reviews/:id/published': { response: PublishedInfo };
  'POST /api/reviews/:id/feedback': { body: FeedbackRequest; response: FeedbackStored };
  'GET /api/reviews/:id/feedback': { response: FeedbackAggregate };
  'GET /api/reviews/:id/history': { response: HistoryIndex };
  'GET /api/reviews/:id/history/deleted': { response: DeletedInfo };
  'POST /api/reviews/:id/history/purge': { response: PurgeResult };
  'POST /api/reviews/:id/earlier': { body: LinkEarlierRequest; response: EarlierReviewInfo };
  'GET /api/reviews/:id/earlier-actions': { response: EarlierActions };
  'GET /api/reviews/:id/template': { response: ReviewTemplate };
  'GET /api/actions': { query: ActionsQuery; response: ActionsResult };
  'GET /api/metrics/reviews': { response: ReviewMetrics };
  'GET /api/insights/quarter': { query: { quarter?: string }; response: QuarterReport };
  'GET /api/templates': { response: TemplateVersionList };
  'POST /api/templates': { body: NewTemplateVersion; response: TemplateVersionView };
  'GET /api/templates/diff': { query: { from: string; to: string }; response: TemplateDiff };
  'GET /api/templates/:version': { response: TemplateVersionView };
  'POST /api/team-link/claim': { body: Record<string, never>; response: TeamLinkClaim | null };
}

/** Routes that answer a file (text or bytes) rather than JSON. */
export interface FileRoutes {
  'GET /api/reviews/:id/export.md': { query: ExportQuery };
  'GET /api/reviews/:id/export.html': { query: ExportQuery };
  'GET /api/reviews/:id/history/state': { query: { seq: string; since?: string; nearest?: '1' } };
  'GET /api/actions.csv': { query: ActionsQuery };
  'GET /api/actions.ics': { query: ActionsQuery };
  'GET /api/insights/quarter.md': { query: { quarter?: string } };
}

export type JsonRoute = keyof JsonRoutes;
export type FileRoute = keyof FileRoutes;
export type ApiRoute = JsonRoute | FileRoute;

/** The answer of a JSON route: `const body: ApiResponse<'GET /api/actions'> = …`. */
export type ApiResponse<R extends JsonRoute> = JsonRoutes[R]['response'];

/**
 * Every route of the contract, at run time: the server's test checks each one is served. `satisfies`
 * makes this list and the interfaces above agree (a route missing here, or one too many, fails typecheck).
 */
export const API_ROUTES = Object.keys({
  'POST /api/reviews': 1,
  'GET /api/reviews/:id/session': 1,
  'GET /api/reviews/:id/first-screen': 1,
  'GET /api/reviews/:id/links': 1,
  'POST /api/reviews/:id/links': 1,
  'DELETE /api/reviews/:id/links/:linkId': 1,
  'GET /api/reviews/:id/publication': 1,
  'GET /api/reviews/:id/anonymised-preview': 1,
  'POST /api/reviews/:id/publish': 1,
  'GET /api/reviews/:id/published': 1,
  'POST /api/reviews/:id/feedback': 1,
  'GET /api/reviews/:id/feedback': 1,
  'GET /api/reviews/:id/history': 1,
  'GET /api/reviews/:id/history/deleted': 1,
  'POST /api/reviews/:id/history/purge': 1,
  'POST /api/reviews/:id/earlier': 1,
  'GET /api/reviews/:id/earlier-actions': 1,
  'GET /api/reviews/:id/template': 1,
  'GET /api/actions': 1,
  'GET /api/metrics/reviews': 1,
  'GET /api/insights/quarter': 1,
  'GET /api/templates': 1,
  'POST /api/templates': 1,
  'GET /api/templates/diff': 1,
  'GET /api/templates/:version': 1,
  'POST /api/team-link/claim': 1,
  'GET /api/reviews/:id/export.md': 1,
  'GET /api/reviews/:id/export.html': 1,
  'GET /api/reviews/:id/history/state': 1,
  'GET /api/actions.csv': 1,
  'GET /api/actions.ics': 1,
  'GET /api/insights/quarter.md': 1,
} satisfies Record<ApiRoute, 1>) as ApiRoute[];
