// Storage faults on a real, small tmpfs: a full or read-only data directory
// refuses writes with a clear error instead of acknowledging them, corrupts
// nothing, and the server recovers by itself when space or write access returns.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { unmetRequirement } from '../helpers/requirement.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const mountPoint = mkdtempSync(join(tmpdir(), 'hindsight-tmpfs-'));

const NEEDS_ROOT =
  'tests/faults/storage.test.ts mounts a 4 MB tmpfs to fill a real disk and needs root (CAP_SYS_ADMIN)';
const AS_ROOT =
  'run it as root: sudo pnpm vitest run tests/faults/storage.test.ts (in a container: --cap-add SYS_ADMIN)';

function mount(...args: string[]): void {
  if (process.getuid?.() !== 0)
    throw unmetRequirement(NEEDS_ROOT, AS_ROOT, new Error(`running as uid ${process.getuid?.()}`));
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
  } catch (err) {
    throw unmetRequirement(NEEDS_ROOT, AS_ROOT, err);
  }
}

/** Writes filler files until the filesystem is full; returns their paths. */
function fillDisk(dir: string): string[] {
  const files: string[] = [];
  const chunk = Buffer.alloc(16 * 1024, 1);
  for (let i = 0; ; i++) {
    const file = join(dir, `filler-${i}`);
    try {
      writeFileSync(file, chunk);
      files.push(file);
    } catch {
      return files;
    }
  }
}

describe('storage faults', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let writer: Client;
  let watcher: Client;
  let minute = 0;

  beforeAll(async () => {
    mount('-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint);
    server = await startServer({ dataDir: join(mountPoint, 'data'), env: { LOG_LEVEL: 'info' } });
    review = await server.createReview('Disk trouble');
    writer = connect(server, review.id, review.tokens.editor);
    watcher = connect(server, review.id, review.tokens.observer);
    await Promise.all([synced(writer), synced(watcher)]);
  });
  afterAll(async () => {
    writer?.destroy();
    watcher?.destroy();
    await server?.stop();
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } catch {
      // already unmounted
    }
    rmSync(mountPoint, { recursive: true, force: true });
  });

  const edit = (summary: string): void => {
    addEntry(writer.doc, { at: Date.UTC(2026, 0, 1, 0, minute++), summary }, defaultContext('w'));
  };
  const watcherHas = (summary: string) => readTimeline(watcher.doc).some((e) => e.summary === summary);

  async function refusesWrites(label: string): Promise<void> {
    const before = await exportJson(server, review.id, review.tokens.observer);
    edit(`during ${label}`);
    await waitFor(
      () => server.logs.some((l) => l.msg === 'closing connection' && l.code === 4503),
      `the server to refuse the write (${label})`,
    );
    // Not acknowledged: nobody else received it, and nothing changed for readers. The positive
    // signal: a client that connects after the refusal syncs the server's whole document.
    const late = connect(server, review.id, review.tokens.observer);
    try {
      await synced(late);
      expect(readTimeline(late.doc).some((e) => e.summary === `during ${label}`)).toBe(false);
    } finally {
      late.destroy();
    }
    expect(watcherHas(`during ${label}`)).toBe(false);
    expect(await exportJson(server, review.id, review.tokens.observer)).toEqual(before);
    // /healthz reuses a success for a few seconds (it is unauthenticated): wait for its next real write.
    let health = await server.fetch('/healthz');
    for (let tries = 0; health.status === 200 && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 200));
      health = await server.fetch('/healthz');
    }
    expect(health.status).toBe(503);
    expect(((await health.json()) as { error: { message: string } }).error.message).toMatch(/write/);
    const create = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Cannot be saved' }),
    });
    expect(create.status).toBe(503);
    expect(((await create.json()) as { error: { message: string } }).error.message).toMatch(/storage/i);
    expect(server.process.exitCode).toBeNull();
  }

  async function recovers(label: string): Promise<void> {
    // The stock provider keeps reconnecting; its unsaved edit is resent and now lands.
    await waitFor(() => watcherHas(`during ${label}`), `the refused edit to land once ${label} is over`, 20_000);
    edit(`after ${label}`);
    await waitFor(() => watcherHas(`after ${label}`), 'new edits to flow again');
    expect((await server.fetch('/healthz')).status).toBe(200);
  }

  it('a full disk refuses writes with a clear error and recovers when space returns', async () => {
    edit('before the disk fills');
    await waitFor(() => watcherHas('before the disk fills'), 'the first edit');
    const fillers = fillDisk(mountPoint);
    await refusesWrites('full disk');
    for (const f of fillers) rmSync(f);
    await recovers('full disk');
  });

  it('a read-only data directory stops the server with a clear error; it starts again once writable', async () => {
    writer.destroy();
    watcher.destroy();
    expect(await server.stop()).toBe(0);
    // A remount needs no file open for writing, so this happens with the server stopped.
    mount('-o', 'remount,ro', mountPoint);
    try {
      const failed = await startServer({ dataDir: join(mountPoint, 'data') }).then(
        () => null,
        (err: Error) => err.message,
      );
      expect(failed).toMatch(/exited with 1/);
      expect(failed).toMatch(/writable/);
    } finally {
      mount('-o', 'remount,rw', mountPoint);
    }
    server = await startServer({ dataDir: join(mountPoint, 'data') });
    writer = connect(server, review.id, review.tokens.editor, writer.doc);
    watcher = connect(server, review.id, review.tokens.observer);
    await Promise.all([synced(writer), synced(watcher)]);
    edit('after read-only');
    await waitFor(() => watcherHas('after read-only'), 'edits to flow after the restart');
  });

  it('nothing stored was damaged', async () => {
    const expected = readTimeline(watcher.doc).map((e) => e.summary);
    writer.destroy();
    watcher.destroy();
    expect(await server.stop()).toBe(0);
    server = await startServer({ dataDir: join(mountPoint, 'data') });
    const exported = await exportJson(server, review.id, review.tokens.observer);
    expect((exported.timeline as { summary: string }[]).map((e) => e.summary)).toEqual(expected);
    expect(expected).toEqual(['before the disk fills', 'during full disk', 'after full disk', 'after read-only']);
  });
});
