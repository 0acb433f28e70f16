// The one way the client calls the HTTP API: a route key of the contract
// (routes.ts), its path parameters, query and body, and the link's token.
// Answers are typed by the contract; failures become an ApiFailure with the
// server's own message (docs/api.md: errors are {"error": {"code", "message"}}).
import type { ApiError } from '@hindsight/protocol';
import type { ApiRoute, FileRoute, FileRoutes, JsonRoute, JsonRoutes } from './routes.ts';

/** An API error with the server's message; `status` 0 means the server could not be reached. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type PathOf<R extends string> = R extends `${string} ${infer P}` ? P : never;
type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<Rest>
  : P extends `${string}:${infer N}`
    ? N
    : never;
type Fields<R extends ApiRoute> = R extends JsonRoute ? JsonRoutes[R] : R extends FileRoute ? FileRoutes[R] : never;

type ParamsPart<R extends ApiRoute> = [ParamNames<PathOf<R>>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamNames<PathOf<R>>, string | number> };
type QueryPart<R extends ApiRoute> = Fields<R> extends { query: infer Q } ? { query?: Q } : { query?: undefined };
type BodyPart<R extends ApiRoute> = Fields<R> extends { body: infer B } ? { body: B } : { body?: undefined };

/** What a call of route R sends: its path parameters, query, JSON body, and the link's token (`Bearer`). */
export type ApiRequest<R extends ApiRoute> = ParamsPart<R> &
  QueryPart<R> &
  BodyPart<R> & {
    token?: string | null;
  };

function buildPath(route: string, params: unknown, query: unknown): string {
  const template = route.slice(route.indexOf(' ') + 1);
  const values = (params ?? {}) as Record<string, string | number | undefined>;
  const path = template.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${route}: missing the path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, string | undefined>)) {
    if (value !== undefined && value !== '') search.set(key, value);
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The URL path of a call (path parameters encoded, query parameters without a value left out). */
export function apiPath<R extends ApiRoute>(route: R, request: Pick<ApiRequest<R>, 'params' | 'query'>): string {
  return buildPath(route, request.params, request.query);
}

/** The headers a call sends: the token as `Authorization: Bearer`, and the JSON content type with a body. */
export function apiHeaders(token: string | null | undefined, withBody = false): Record<string, string> {
  return {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(withBody ? { 'content-type': 'application/json' } : {}),
  };
}

/** Throws ApiFailure for an answer that is not a success, with the server's message when it sent one. */
export async function checkAnswer(res: Response): Promise<Response> {
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as ApiError | null;
  throw new ApiFailure(res.status, body?.error?.message ?? `request failed (${res.status})`);
}

async function send<R extends ApiRoute>(route: R, request: ApiRequest<R>): Promise<Response> {
  const method = route.slice(0, route.indexOf(' '));
  const withBody = request.body !== undefined;
  let res: Response;
  try {
    res = await fetch(buildPath(route, request.params, request.query), {
      method,
      headers: apiHeaders(request.token, withBody),
      ...(withBody ? { body: JSON.stringify(request.body) } : {}),
    });
  } catch {
    throw new ApiFailure(0, 'the server cannot be reached; check the connection and try again');
  }
  return checkAnswer(res);
}

/** Calls a JSON route and returns its answer (`null` for a 204); throws ApiFailure. */
export async function callApi<R extends JsonRoute>(
  route: R,
  request: ApiRequest<R>,
): Promise<JsonRoutes[R]['response']> {
  const res = await send(route, request);
  if (res.status === 204) return null as JsonRoutes[R]['response'];
  return (await res.json()) as JsonRoutes[R]['response'];
}

/** Calls a route that answers a text file (Markdown, HTML, CSV, iCalendar) and returns the text; throws ApiFailure. */
export async function fetchApiText<R extends FileRoute>(route: R, request: ApiRequest<R>): Promise<string> {
  return (await send(route, request)).text();
}
