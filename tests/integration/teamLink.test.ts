// The team link against the real server: minted and printed once at first
// start (not again on a restart), re-minted and revoked by the operator over
// HTTP and by `pnpm team-link` on the server; a revoked link is refused as
// revoked; the first-start link is shown once, at this machine only.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverEnv, startServer, tokenOf, type RunningServer } from '../helpers/server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OPERATOR = 'operator-token-0123456789';
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function teamLinkCommand(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(root, 'server/src/cli/teamLink.ts'), ...args],
    { cwd: root, env: serverEnv({ DATA_DIR: dataDir, PUBLIC_URL: 'https://hindsight.example.org' }) },
  );
  return stdout;
}

describe('the team link', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { CREATE_TOKEN: OPERATOR } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is printed once at first start with how to find it again, and opens the cross-review API', async () => {
    const line = server.logs.find((l) => typeof l.teamLink === 'string')!;
    expect(line.msg).toContain('pnpm team-link');
    expect(server.teamLink).toMatch(new RegExp(`^${server.origin}/actions#t=[\\w-]{40,}$`));
    expect((await server.fetch('/api/actions', bearer(server.teamToken!))).status).toBe(200);
    const who = (await (await server.fetch('/api/team-link', bearer(server.teamToken!))).json()) as { active: boolean };
    expect(who.active).toBe(true);
  });

  it('is shown once to the first page load at this machine, then never again', async () => {
    const claim = () =>
      server.fetch('/api/team-link/claim', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    const first = await claim();
    expect(first.status).toBe(200);
    expect(((await first.json()) as { url: string }).url).toBe(server.teamLink);
    expect((await claim()).status).toBe(204);
  });

  it('is re-minted and revoked by the operator only; the old one is refused as revoked', async () => {
    const old = server.teamToken!;
    expect((await server.fetch('/api/team-link', { method: 'POST', ...bearer(old) })).status).toBe(401);
    const minted = await server.fetch('/api/team-link', { method: 'POST', ...bearer(OPERATOR) });
    expect(minted.status).toBe(201);
    const fresh = tokenOf(((await minted.json()) as { url: string }).url);
    const refused = await server.fetch('/api/actions', bearer(old));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('revoked');
    expect((await server.fetch('/api/actions', bearer(fresh))).status).toBe(200);
    expect((await server.fetch('/api/team-link', { method: 'DELETE', ...bearer(OPERATOR) })).status).toBe(200);
    expect((await server.fetch('/api/actions', bearer(fresh))).status).toBe(403);
    // The operator token itself still opens the cross-review pages.
    expect((await server.fetch('/api/actions', bearer(OPERATOR))).status).toBe(200);
  });

  it('`pnpm team-link` prints a new link and revokes the old; --revoke revokes; a restart mints none', async () => {
    const printed = await teamLinkCommand(server.dataDir);
    const url = /https:\/\/hindsight\.example\.org\/actions#t=[\w-]+/.exec(printed)![0];
    const token = tokenOf(url);
    expect((await server.fetch('/api/actions', bearer(token))).status).toBe(200);
    const again = tokenOf(/https:\S+/.exec(await teamLinkCommand(server.dataDir))![0]);
    expect((await server.fetch('/api/actions', bearer(token))).status).toBe(403);
    expect((await server.fetch('/api/actions', bearer(again))).status).toBe(200);
    expect(await teamLinkCommand(server.dataDir, '--revoke')).toContain('revoked');
    expect((await server.fetch('/api/actions', bearer(again))).status).toBe(403);
    await server.stop();
    server = await startServer({ dataDir: server.dataDir, env: { CREATE_TOKEN: OPERATOR } });
    expect(server.teamLink).toBeNull();
  });
});

describe('managing the team link without CREATE_TOKEN', () => {
  it('is refused over HTTP with a pointer to `pnpm team-link`', async () => {
    const server = await startServer();
    try {
      const res = await server.fetch('/api/team-link', { method: 'POST', ...bearer(server.teamToken!) });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('pnpm team-link');
    } finally {
      await server.stop();
    }
  });
});
