// Constant-time comparison of shared secrets (operator token, team token):
// both sides are hashed first, so neither the length nor a common prefix of
// the expected secret shows in how long a wrong guess takes to refuse.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** True when `given` equals `expected`; compared as sha256 digests with crypto.timingSafeEqual. */
export function sameSecret(given: string | null | undefined, expected: string | null | undefined): boolean {
  if (typeof given !== 'string' || typeof expected !== 'string') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** True when two hex sha256 hashes are equal, compared in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
