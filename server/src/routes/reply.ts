// Answers a route of the HTTP contract (@hindsight/api): the route key names
// which one, and the body must be that route's response type, so a handler
// and the client that calls it cannot disagree about a field.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiResponse, JsonRoute } from '@hindsight/api';

export function reply<R extends JsonRoute>(
  c: Context,
  _route: R,
  body: ApiResponse<R>,
  status: ContentfulStatusCode = 200,
): Response {
  return c.json(body as object, status);
}
