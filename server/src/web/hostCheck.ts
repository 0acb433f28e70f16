// Host header check against DNS rebinding: a page on an attacker's domain that
// re-points its name at 127.0.0.1 still sends its own name as Host. Requests
// are served for the PUBLIC_URL host, loopback names and IP literals (a
// rebinding attack always needs a name), and refused with 421 otherwise.
import type { MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';
import { ApiErrorCode } from '@hindsight/protocol';
import { sendError } from '../routes/errors.ts';

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** The host name of a Host header value (no port, IPv6 without brackets), lower case; null when unparsable. */
export function hostName(host: string | undefined | null): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return null;
  }
}

/** True when a request with this Host header may be served. */
export function allowedHost(host: string | undefined | null, publicUrl: string | undefined): boolean {
  const name = hostName(host);
  if (name === null) return false;
  if (LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || isIP(name) !== 0) return true;
  return publicUrl !== undefined && new URL(publicUrl).hostname.toLowerCase() === name;
}

/** True when the Host header names this machine itself (loopback name or address), not a public name. */
export function isLoopbackHost(host: string | undefined | null): boolean {
  const name = hostName(host);
  return name !== null && (LOOPBACK_NAMES.has(name) || name === '::1' || name.startsWith('127.'));
}

/** The message of a refused Host, shared by HTTP and the sync upgrade. */
export function hostRefusal(host: string | undefined | null): string {
  return `this server does not answer for the host "${(host ?? '').slice(0, 100)}"; open it at its PUBLIC_URL, or the operator sets PUBLIC_URL to the address people use`;
}

export function hostCheck(publicUrl: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (!allowedHost(host, publicUrl)) return sendError(c, 421, ApiErrorCode.MisdirectedRequest, hostRefusal(host));
    await next();
  };
}
