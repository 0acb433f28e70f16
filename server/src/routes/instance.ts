// The instance capability: who may change what applies to every review of the
// instance (the template). One function, so the check can change in one place.
// Until instance-wide links exist this is the operator token (CREATE_TOKEN);
// with no token configured the instance is open, like creating reviews.
import type { Context } from 'hono';
import { ApiErrorCode } from '@hindsight/protocol';
import { sameSecret } from '../auth/secrets.ts';
import { bearer } from './auth.ts';
import { HttpError } from './errors.ts';

/** Throws 401 unless the request holds the instance capability. */
export function requireInstance(c: Context, createToken: string | undefined): void {
  if (createToken !== undefined && !sameSecret(bearer(c), createToken)) {
    throw new HttpError(
      401,
      ApiErrorCode.Unauthorized,
      'changing the instance template needs the operator token as "Authorization: Bearer <CREATE_TOKEN>"',
    );
  }
}
