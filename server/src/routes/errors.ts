// The API's error shape, `{"error": {"code", "message"}}`, and the exception
// that carries one through a handler.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiErrorCode, type ApiError } from '@hindsight/protocol';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: ApiErrorCode, message: string): ApiError {
  return { error: { code, message } };
}

export function sendError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string): Response {
  return c.json(errorBody(code, message), status);
}

export const badRequest = (message: string): HttpError => new HttpError(400, ApiErrorCode.BadRequest, message);
