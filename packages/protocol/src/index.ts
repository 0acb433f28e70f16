// The wire contract between the Hindsight client and server: URL and parameter
// names, WebSocket close codes and reasons, roles and what each may do.
// Declared once here, as const; never re-declared elsewhere.

/** Path prefix of the sync endpoint: `/sync/<reviewId>?token=<token>`. */
export const SYNC_PATH = '/sync' as const;
/** Query parameter that carries the capability token on the sync URL. */
export const TOKEN_PARAM = 'token' as const;
/**
 * The app's own client sends its token as a WebSocket subprotocol, never in the
 * URL (proxies log URLs): `Sec-WebSocket-Protocol: hindsight.v1, hindsight.token.<token>`.
 * The server answers with `SYNC_SUBPROTOCOL`. `?token=` stays for the stock client.
 */
export const SYNC_SUBPROTOCOL = 'hindsight.v1' as const;
/** Prefix of the subprotocol entry that carries the token (tokens are base64url, valid in a subprotocol). */
export const TOKEN_SUBPROTOCOL_PREFIX = 'hindsight.token.' as const;
/** The subprotocols the app's client offers: the protocol marker first, then its token. */
export function syncProtocols(token: string): string[] {
  return [SYNC_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`];
}

/** The token in a `Sec-WebSocket-Protocol` request header, or null. */
export function tokenFromProtocols(header: string | undefined | null): string | null {
  for (const entry of (header ?? '').split(',')) {
    const value = entry.trim();
    if (value.startsWith(TOKEN_SUBPROTOCOL_PREFIX) && value.length > TOKEN_SUBPROTOCOL_PREFIX.length) {
      return value.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
    }
  }
  return null;
}
/** Fragment key that carries the token in a share link: `/r/<id>#t=<token>`. */
export const LINK_FRAGMENT_KEY = 't' as const;
/** Path of the app page that opens a review. */
export const REVIEW_PAGE_PATH = '/r' as const;
/** Path of the follow-up page across reviews, where the team link opens (`/actions#t=<team token>`). */
export const ACTIONS_PAGE_PATH = '/actions' as const;
/** Path of the team's API to see, re-mint and revoke the team link. */
export const TEAM_LINK_API_PATH = '/api/team-link' as const;
/** Path of the live replay page (incident replay and edit history) for the review's own links. */
export const REPLAY_PAGE_PATH = '/replay' as const;
/** Path of the published review, where a reader link opens: `/read/<id>#t=<token>`. */
export const READER_PAGE_PATH = '/read' as const;

/**
 * The review id and token of a pasted review link (`…/r/<id>#t=<token>`, or a
 * reader's `…/read/<id>#t=<token>`), or null when the text is not one.
 */
export function parseReviewLink(text: string): { reviewId: string; token: string } | null {
  const pages = [REVIEW_PAGE_PATH, READER_PAGE_PATH].map((p) => p.slice(1)).join('|');
  const match = new RegExp(`/(?:${pages})/([^/#?\\s]+)[^#\\s]*#(\\S*)$`).exec(text.trim());
  if (!match) return null;
  let reviewId: string;
  try {
    reviewId = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  const token = new URLSearchParams(match[2]).get(LINK_FRAGMENT_KEY);
  if (!token || !/^[\w-]{16,200}$/.test(token) || !/^[\w-]{1,100}$/.test(reviewId)) return null;
  return { reviewId, token };
}

/**
 * Close codes the relay uses. 1xxx are RFC 6455 codes; 4xxx are Hindsight's.
 * A client may reconnect after any of them except where `retry` is false.
 */
export const CloseCode = {
  /** The server is shutting down; reconnect later. */
  GoingAway: 1001,
  /** A frame larger than the configured frame limit (set by `ws` itself). */
  FrameTooLarge: 1009,
  /** Unexpected server error. */
  InternalError: 1011,
  /** Bytes that do not decode as a y-websocket message, or an update that fails to decode. */
  BadMessage: 4400,
  /** The link used by this connection was revoked. */
  LinkRevoked: 4403,
  /** A read-only link (observer, reader) sent a change: it is never decoded, applied, relayed or stored. */
  ReadOnly: 4405,
  /**
   * A change this link may not make (the timeline is frozen, or a facilitator-only
   * field) was refused. The client's later changes build on it, so it must reload
   * the review from the server rather than resend.
   */
  ChangeRefused: 4409,
  /**
   * The update depends on changes this server has not seen (it would stay pending):
   * nothing was stored. Reconnecting resynchronises; a client that keeps sending such
   * updates is broken or hostile.
   */
  UpdateIncomplete: 4412,
  /** Applying the update would take the document past its size limit. */
  DocumentTooLarge: 4413,
  /** A record the update touched does not fit the document's schema; the reason names its path. */
  SchemaViolation: 4422,
  /** Too many updates or awareness messages per second on this connection. */
  RateLimited: 4429,
  /** The connection could not keep up with the room (its send buffer grew too large). */
  SlowConsumer: 4430,
  /** This link already has as many open connections as the server allows (MAX_CONNECTIONS_PER_LINK). */
  TooManyConnections: 4431,
  /** The store refused a write (full or read-only disk); nothing was acknowledged. */
  StorageUnavailable: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Human-readable close reasons (kept under the 123-byte limit of a close frame). */
export const CloseReason: Record<CloseCode, string> = {
  [CloseCode.GoingAway]: 'server shutting down; reconnect shortly',
  [CloseCode.FrameTooLarge]: 'frame too large; split the change into smaller updates',
  [CloseCode.InternalError]: 'internal server error; reconnect shortly',
  [CloseCode.BadMessage]: 'malformed message; the client sent bytes that do not decode',
  [CloseCode.LinkRevoked]: 'this link was revoked; ask the facilitator for a new one',
  [CloseCode.ReadOnly]: 'this link is read-only; changes are not accepted',
  [CloseCode.ChangeRefused]: 'change refused (frozen timeline or facilitator-only); reload the review',
  [CloseCode.UpdateIncomplete]: 'change depends on edits the server has not seen; reconnecting to resync',
  [CloseCode.DocumentTooLarge]: 'document size limit reached; the change was not saved',
  [CloseCode.SchemaViolation]: 'a record does not fit the review schema; the change was not saved',
  [CloseCode.RateLimited]: 'too many messages per second; slow down and reconnect',
  [CloseCode.SlowConsumer]: 'connection too slow to keep up; reconnect',
  [CloseCode.TooManyConnections]:
    'too many open connections on this link; close other tabs or ask for a link of your own',
  [CloseCode.StorageUnavailable]: 'server storage unavailable; your change was not saved, it will be resent',
};

/** Close codes after which reconnecting with the same link is pointless. */
export const FATAL_CLOSE_CODES: readonly CloseCode[] = [CloseCode.LinkRevoked, CloseCode.ReadOnly];

/**
 * Close codes that refuse a change for good: the client's later changes build on
 * it, so it must reload the review from the server, and tell the person what was
 * not saved (the close reason says why, naming the path where it can).
 */
export const REFUSAL_CLOSE_CODES: readonly CloseCode[] = [
  CloseCode.ChangeRefused,
  CloseCode.SchemaViolation,
  CloseCode.DocumentTooLarge,
];

/** A close reason that names what was refused, cut to the 123-byte limit of a close frame. */
export function closeReason(code: CloseCode, detail?: string): string {
  const text = detail ?? CloseReason[code];
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= 123) return text;
  return new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD$/, '') + '…';
}

/**
 * Roles a capability link can carry. An `observer` watches the live review
 * without editing (read-only, real names, no edit history). A `reader` only
 * ever gets the published, anonymised review: never the live document,
 * presence or the edit history. `ingest` is for machines (Alertmanager and
 * other alert sources): it may only post alerts to the review's ingest URLs and
 * can neither open the document nor read the exports.
 */
export const ROLES = ['facilitator', 'editor', 'observer', 'reader', 'ingest'] as const;
export type Role = (typeof ROLES)[number];

/** What people call each role: a new link's default label, the writers in the edit history. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  facilitator: 'Facilitator',
  editor: 'Responder',
  observer: 'Observer',
  reader: 'Reader',
  ingest: 'Alert ingest',
};

/** Who each link is for and what it shows, in plain words (the share dialog and the docs say this). */
export const ROLE_PURPOSES: Readonly<Record<Role, { who: string; what: string }>> = {
  facilitator: {
    who: 'The facilitator',
    what: 'Runs the review: edits everything, mints and revokes links, freezes, purges the edit history and publishes.',
  },
  editor: {
    who: 'Responders',
    what: 'Everyone who was involved: they add what they saw and did to the timeline, the whys and the human-factors answers, and can see the edit history.',
  },
  observer: {
    who: 'Observers',
    what: 'Watch the review live without editing, e.g. a manager in the meeting. They see real names and presence, but not the edit history, and can never change anything.',
  },
  reader: {
    who: 'Later readers',
    what: 'People who read the published report afterwards: the anonymised report and the incident replay of the published version. Until you publish, the link only says the review is being written.',
  },
  ingest: {
    who: 'Alert sources',
    what: 'Machines (Alertmanager, other alerting) that post alerts to the timeline; they cannot open the review.',
  },
};

/** The label of a stored role; `system` (the server's own writes, e.g. migrations) is "Server"; unknown as written. */
export function roleLabel(role: string): string {
  if (role === 'system') return 'Server';
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** Everything a role might be allowed to do. */
export const CAPABILITIES = [
  /** Receive the live document and awareness (the sync socket, the session, live views). */
  'doc.read',
  /** Send updates that change the document. */
  'doc.write',
  /** Create and revoke links. */
  'links.manage',
  /** Facilitator controls: spotlight, timer, freeze, publish. */
  'review.facilitate',
  /** Read the exports of the live review (JSON, Markdown, HTML), named or anonymised. */
  'review.export',
  /** Read the published review only: the anonymised report and replay of the last publication. */
  'review.published',
  /** Read the edit history: who changed what when, and the review as it stood at any update. */
  'history.read',
  /** Post alerts to the review's ingest endpoints (`ingestPath`), which add them to the timeline. */
  'timeline.ingest',
  /** Answer the participant survey (once per person and round). */
  'feedback.give',
  /** Read the survey's aggregate (never who answered). */
  'feedback.read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const GRANTS: Record<Role, ReadonlySet<Capability>> = {
  facilitator: new Set(CAPABILITIES),
  editor: new Set<Capability>([
    'doc.read',
    'doc.write',
    'review.export',
    'review.published',
    'history.read',
    'feedback.give',
  ]),
  observer: new Set<Capability>(['doc.read', 'review.export', 'review.published']),
  reader: new Set<Capability>(['review.published']),
  ingest: new Set<Capability>(['timeline.ingest']),
};

/** The one authority on permissions: the server enforces with it, the client hides controls with it. */
export function can(role: Role, capability: Capability): boolean {
  return GRANTS[role].has(capability);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The ingest endpoints under `/api/reviews/<id>/ingest/`: the Alertmanager webhook and the generic alert shape. */
export const INGEST_SOURCES = ['alertmanager', 'alerts'] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];

/** Path of a review's ingest endpoint, e.g. `/api/reviews/<id>/ingest/alertmanager`. */
export function ingestPath(reviewId: string, source: IngestSource = 'alertmanager'): string {
  return `/api/reviews/${encodeURIComponent(reviewId)}/ingest/${source}`;
}

/** Error codes of the HTTP API's `{"error": {"code", "message"}}` bodies. */
export const ApiErrorCode = {
  BadRequest: 'bad_request',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  PayloadTooLarge: 'payload_too_large',
  /** A JSON route was sent a body that is not `application/json` (415). */
  UnsupportedMediaType: 'unsupported_media_type',
  /** The Host header names neither PUBLIC_URL nor this machine (421: DNS rebinding). */
  MisdirectedRequest: 'misdirected_request',
  Conflict: 'conflict',
  /** The change would break the review's schema or limits; nothing was stored. */
  Unprocessable: 'unprocessable',
  RateLimited: 'rate_limited',
  Unavailable: 'unavailable',
  Internal: 'internal',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export interface ApiError {
  error: { code: ApiErrorCode; message: string };
}

/** Presence colours, readable on light and dark backgrounds. */
export const PRESENCE_COLORS = [
  '#d1495b',
  '#00798c',
  '#edae49',
  '#66a182',
  '#8d6a9f',
  '#e07a5f',
  '#3d5a80',
  '#2a9d8f',
  '#b5179e',
  '#6c757d',
] as const;

/** The colour the server stamps for an awareness client id; a client can show its own with it. */
export function presenceColor(clientId: number): string {
  return PRESENCE_COLORS[clientId % PRESENCE_COLORS.length]!;
}

/** The identity the server stamps into each connection's awareness state under `user`. */
export interface StampedUser {
  name: string;
  role: Role;
  color: string;
  linkId: string;
}

/** Body of `POST /api/reviews` (the server's validator is checked against it). */
export interface CreateReviewRequest {
  title: string;
  startedAt?: number;
  severity?: string;
  facilitatorName?: string;
  /** End of the data-collection window (epoch ms); default 24 hours from now. */
  collectionEndsAt?: number;
}

export interface ReviewLinks {
  facilitator: string;
  editor: string;
  reader: string;
}

/** Response of `POST /api/reviews`. */
export interface CreateReviewResponse {
  id: string;
  title: string;
  links: ReviewLinks;
}

/** One link as listed by `GET /api/reviews/:id/links`. */
export interface LinkInfo {
  id: string;
  role: Role;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /** Only when the link is created: the app link (token in the fragment), or for `ingest` the Alertmanager ingest URL. */
  url?: string;
  /** Only when an `ingest` link is created: the bearer token to send (`Authorization: Bearer <token>`). */
  token?: string;
}

/** Top-level message types of the y-websocket protocol (as in the stock client). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];
export {
  FEEDBACK_MIN_ANSWERS,
  FEEDBACK_ROUNDS,
  FEEDBACK_SCALES,
  FEEDBACK_TEXTS,
  FEEDBACK_TEXT_MAX,
  openFeedbackRounds,
  type FeedbackAnswer,
  type FeedbackRound,
  type FeedbackScale,
  type FeedbackText,
} from './feedback.ts';
export { EARLIER_LINK_INVALID } from './http.ts';
export type {
  EarlierReviewInfo,
  EarlierUnfinishedAction,
  HistoryAuthor,
  HistoryIndex,
  LinkEarlierRequest,
  PublishedEarlier,
  SameShape,
  Session,
} from './http.ts';
