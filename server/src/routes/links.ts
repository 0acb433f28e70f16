// /api/reviews/:id/links: list, create and revoke capability links (facilitator only).
import { Hono } from 'hono';
import { z } from 'zod';
import type { CreateLinkRequest, CreatedLink } from '@hindsight/api';
import { ApiErrorCode, ROLE_LABELS, ROLES, type LinkInfo, type SameShape } from '@hindsight/protocol';
import { ingestUrl, linkUrl, mintLink } from '../auth/links.ts';
import type { RoomRegistry } from '../relay/registry.ts';
import type { LinkRecord, Store } from '../storage/store.ts';
import { requireLink } from './auth.ts';
import { HttpError, badRequest } from './errors.ts';
import { reply } from './reply.ts';

export interface LinkRoutesDeps {
  store: Store;
  registry: RoomRegistry;
  publicUrl: (requestUrl: string) => string;
}

const createBody = z
  .object({
    role: z.enum(ROLES),
    label: z.string().trim().min(1).max(60).optional(),
  })
  .strict();
const sameCreateBody: SameShape<z.infer<typeof createBody>, CreateLinkRequest> = true;
void sameCreateBody;

const info = (l: LinkRecord): LinkInfo => ({
  id: l.id,
  role: l.role,
  label: l.label,
  createdAt: new Date(l.createdAt).toISOString(),
  revokedAt: l.revokedAt === null ? null : new Date(l.revokedAt).toISOString(),
});

export function linkRoutes(deps: LinkRoutesDeps): Hono {
  const app = new Hono();

  app.get('/:id/links', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'links.manage');
    return reply(c, 'GET /api/reviews/:id/links', { links: (await deps.store.listLinks(id)).map(info) });
  });

  app.post('/:id/links', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'links.manage');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw badRequest('the body must be JSON, e.g. {"role": "editor", "label": "SRE team"}');
    }
    const parsed = createBody.safeParse(raw);
    if (!parsed.success)
      throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const { role, label } = parsed.data;
    const { link, token } = mintLink(id, role, label ?? ROLE_LABELS[role], Date.now());
    await deps.store.createLink(link);
    const base = deps.publicUrl(c.req.url);
    // An ingest link is for a machine: the URL to post to, and the token for its Authorization header.
    const created: CreatedLink =
      role === 'ingest'
        ? { ...info(link), url: ingestUrl(base, id), token }
        : { ...info(link), url: linkUrl(base, id, token, role) };
    return reply(c, 'POST /api/reviews/:id/links', created, 201);
  });

  app.delete('/:id/links/:linkId', async (c) => {
    const id = c.req.param('id');
    const caller = await requireLink(c, deps.store, id, 'links.manage');
    const linkId = c.req.param('linkId');
    if (linkId === caller.linkId) {
      throw badRequest('you cannot revoke the link you are using; use another facilitator link');
    }
    if (!(await deps.store.revokeLink(id, linkId, Date.now()))) {
      throw new HttpError(404, ApiErrorCode.NotFound, 'this review has no such link');
    }
    const closed = deps.registry.closeLink(linkId);
    return reply(c, 'DELETE /api/reviews/:id/links/:linkId', { revoked: linkId, connectionsClosed: closed });
  });

  return app;
}
