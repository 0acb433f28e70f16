// Bearer-token authentication of API requests against a review's links.
import type { Context } from 'hono';
import type { Capability } from '@hindsight/protocol';
import { authenticate } from '../auth/links.ts';
import type { Identity } from '../relay/types.ts';
import type { Store } from '../storage/store.ts';
import { HttpError } from './errors.ts';

export function bearer(c: Context): string | null {
  const header = c.req.header('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The caller's identity for `reviewId`, or an HttpError saying why not (401/403). */
export async function requireLink(
  c: Context,
  store: Store,
  reviewId: string,
  capability: Capability,
): Promise<Identity> {
  const result = await authenticate(store, reviewId, bearer(c), capability);
  if (!result.ok) throw new HttpError(result.status, result.code, result.message);
  return result.identity;
}
