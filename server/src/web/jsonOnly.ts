// JSON routes take JSON only: a request that carries a body (or names a type)
// must say `Content-Type: application/json`. A cross-site page can send a
// `text/plain` or form body without a CORS preflight; it can never send
// `application/json` without one, so this refuses every cross-site write.
import type { MiddlewareHandler } from 'hono';
import { ApiErrorCode } from '@hindsight/protocol';
import { sendError } from '../routes/errors.ts';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return headers.has('transfer-encoding');
}

/** 415 for a request whose body is not declared as `application/json`. */
export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type');
    if (type === undefined ? hasBody(c.req.raw.headers) : !JSON_TYPE.test(type)) {
      return sendError(
        c,
        415,
        ApiErrorCode.UnsupportedMediaType,
        `this API takes JSON only: send the body with "Content-Type: application/json"${type ? ` (got "${type.slice(0, 60)}")` : ''}`,
      );
    }
    await next();
  };
}
