// /api/templates: the instance template's versions. Anyone may read them (a
// template holds no review data); saving a new version changes every later
// review, so it needs the team link or the operator token, like the other
// pages across reviews (routes/team.ts). Versions are never edited or deleted: a
// change is a new version with a note. /api/reviews/:id/template answers the
// version a review started from, which it keeps using.
import { Hono } from 'hono';
import { ApiErrorCode } from '@hindsight/protocol';
import { readMeta } from '@hindsight/doc';
import { diffTemplates } from '@hindsight/report';
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { newVersionSchema } from '../template/schema.ts';
import { getVersion, latestVersion, listVersions, templateVersionView } from '../template/versions.ts';
import { requireLink } from './auth.ts';
import { reply } from './reply.ts';
import { HttpError, badRequest } from './errors.ts';
import { requireTeam } from './team.ts';

export interface TemplateRoutesDeps {
  store: Store;
  registry: RoomRegistry;
  createToken: string | undefined;
}

function versionParam(raw: string): number {
  if (!/^\d{1,9}$/.test(raw))
    throw badRequest(`template versions are numbers (0 is the built-in), got ${JSON.stringify(raw)}`);
  return Number(raw);
}

export function templateRoutes(deps: TemplateRoutesDeps): Hono {
  const app = new Hono();
  const version = async (raw: string) => {
    const found = raw === 'latest' ? await latestVersion(deps.store) : await getVersion(deps.store, versionParam(raw));
    if (!found) throw new HttpError(404, ApiErrorCode.NotFound, `there is no template version ${raw}`);
    return found;
  };

  app.get('/templates', async (c) => {
    const versions = await listVersions(deps.store);
    return reply(c, 'GET /api/templates', {
      latest: versions.at(-1)!.version,
      versions: versions.map(({ version: v, note, createdAt, readable }) => ({
        version: v,
        note,
        createdAt,
        readable,
      })),
    });
  });

  app.post('/templates', async (c) => {
    await requireTeam(c, deps.store, deps.createToken);
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw badRequest('the body must be JSON: {"note": "why it changed", "content": {...the template...}}');
    }
    const parsed = newVersionSchema.safeParse(raw);
    if (!parsed.success) {
      throw badRequest(
        `the template was not saved: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      );
    }
    const v = await deps.store.addTemplate({
      note: parsed.data.note,
      createdAt: Date.now(),
      content: JSON.stringify(parsed.data.content),
    });
    return reply(c, 'POST /api/templates', await version(String(v)), 201);
  });

  // ?from=1&to=2: what changed, field by field.
  app.get('/templates/diff', async (c) => {
    const [from, to] = await Promise.all([version(c.req.query('from') ?? ''), version(c.req.query('to') ?? '')]);
    return reply(c, 'GET /api/templates/diff', {
      from: { version: from.version, note: from.note, createdAt: from.createdAt },
      to: { version: to.version, note: to.note, createdAt: to.createdAt },
      fields: diffTemplates(from.content, to.content),
    });
  });

  app.get('/templates/:version', async (c) =>
    reply(c, 'GET /api/templates/:version', await version(c.req.param('version'))),
  );

  // The version this review started from (the built-in for reviews made before templates).
  app.get('/reviews/:id/template', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'doc.read');
    const recorded = await deps.registry.read(id, (doc) => readMeta(doc).templateVersion);
    return reply(c, 'GET /api/reviews/:id/template', {
      ...(await templateVersionView(deps.store, recorded)),
      recorded,
    });
  });
  return app;
}
