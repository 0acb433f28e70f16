// /api/team-link: the instance's team link (auth/team.ts). The team or the
// operator sees when it was minted; the operator (CREATE_TOKEN) re-mints and
// revokes it; and on a fresh instance the person at this machine claims the
// first one once from the home page (`claim`), like a setup screen.
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiErrorCode } from '@hindsight/protocol';
import { checkTeamToken, mintTeamLink, teamLinkUrl } from '../auth/team.ts';
import { sameSecret } from '../auth/secrets.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../storage/store.ts';
import { isLoopbackHost } from '../web/hostCheck.ts';
import { bearer } from './auth.ts';
import { HttpError } from './errors.ts';
import { reply } from './reply.ts';

/** The first team token of a fresh instance, held in memory until the person at this machine takes it once. */
export interface FirstStartClaim {
  take(): string | null;
}

export function firstStartClaim(token: string | null): FirstStartClaim {
  let left = token;
  return {
    take() {
      const t = left;
      left = null;
      return t;
    },
  };
}

export interface TeamRoutesDeps {
  store: Store;
  log: Logger;
  publicUrl: (requestUrl: string) => string;
  /** PUBLIC_URL as configured (undefined: derived per request). */
  configuredPublicUrl: string | undefined;
  createToken: string | undefined;
  claim: FirstStartClaim;
}

const LOST =
  'run `pnpm team-link` on the server to print a new one, or POST /api/team-link with the operator token (CREATE_TOKEN)';

/** Throws 401/403 unless the request carries the team token or the operator token. */
export async function requireTeam(c: Context, store: Store, createToken: string | undefined): Promise<void> {
  const who = await checkTeamToken(store, bearer(c), createToken);
  if (who === 'team' || who === 'operator') return;
  if (who === 'revoked') {
    throw new HttpError(
      403,
      ApiErrorCode.Forbidden,
      `this team link was revoked; ask the operator for the new one (${LOST})`,
    );
  }
  throw new HttpError(
    401,
    ApiErrorCode.Unauthorized,
    who === 'missing'
      ? `the pages across reviews need the team link (Authorization: Bearer <team token>); the operator finds it in the server log of the first start, or can ${LOST}`
      : `unknown team token; check that the whole team link was copied, or ask the operator to ${LOST}`,
  );
}

function requireOperator(c: Context, createToken: string | undefined): void {
  if (createToken === undefined) {
    throw new HttpError(
      403,
      ApiErrorCode.Forbidden,
      'managing the team link over HTTP needs CREATE_TOKEN on the server; without it, run `pnpm team-link` on the server',
    );
  }
  if (!sameSecret(bearer(c), createToken)) {
    throw new HttpError(
      401,
      ApiErrorCode.Unauthorized,
      'this needs the operator token as "Authorization: Bearer <CREATE_TOKEN>"',
    );
  }
}

const loopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

export function teamRoutes(deps: TeamRoutesDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    await requireTeam(c, deps.store, deps.createToken);
    const active = (await deps.store.listTeamLinks()).find((l) => l.revokedAt === null);
    return c.json({
      active: active !== undefined,
      createdAt: active ? new Date(active.createdAt).toISOString() : null,
    });
  });

  app.post('/', async (c) => {
    requireOperator(c, deps.createToken);
    const { token, link } = await mintTeamLink(deps.store, Date.now());
    deps.log.info({ teamLinkId: link.id }, 'team link re-minted over HTTP; the previous one is revoked');
    return c.json(
      { url: teamLinkUrl(deps.publicUrl(c.req.url), token), createdAt: new Date(link.createdAt).toISOString() },
      201,
    );
  });

  app.delete('/', async (c) => {
    requireOperator(c, deps.createToken);
    await deps.store.replaceTeamLink(null, Date.now());
    deps.log.info({}, 'team link revoked over HTTP');
    return c.json({ revoked: true });
  });

  // The first page load at this machine on a fresh instance: the home page shows the team link once (200),
  // every other call gets 204.
  app.post('/claim', async (c) => {
    const local =
      loopbackAddress(getConnInfo(c).remote.address) &&
      isLoopbackHost(c.req.header('host')) &&
      // Behind a reverse proxy (PUBLIC_URL names it) every request comes from loopback: never claimable there.
      (deps.configuredPublicUrl === undefined || isLoopbackHost(new URL(deps.configuredPublicUrl).host));
    const token = local ? deps.claim.take() : null;
    // Nothing to show (taken, not fresh, or not at this machine): no content, and no error for the home page to log.
    if (token === null) return c.body(null, 204);
    deps.log.info({}, 'the first team link was shown on the home page');
    return reply(c, 'POST /api/team-link/claim', { url: teamLinkUrl(deps.publicUrl(c.req.url), token) });
  });
  return app;
}
