// The "before" column: Hindsight as it was at an earlier commit (--baseline=<git ref>), run side by
// side with the working tree in the same bench run. The commit is exported with `git archive` into
// a cache directory outside the repository (no worktree registered, nothing for lint or tests to
// find), installed from the same package store with its own frozen lockfile, and reused next time.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../..', import.meta.url));

export interface Baseline {
  /** What the user asked for (`e20cb88`, `main~20`, a tag). */
  ref: string;
  commit: string;
  /** The exported tree, installed: run its server/src/main.ts from here. */
  root: string;
}

let prepared: Baseline | undefined;

async function sh(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    const out = `${e.stderr ?? ''}${e.stdout ?? ''}`.trim().slice(-800);
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}: ${out || e.message}`);
  }
}

/**
 * Exports and installs `ref` once (≈1–2 min with a warm package store; seconds when cached in
 * $TMPDIR/hindsight-baseline/<commit>). Call before any workload starts a `baseline` server.
 */
export async function prepareBaseline(ref: string, log: (m: string) => void): Promise<Baseline> {
  const commit = (await sh('git', ['rev-parse', '--verify', `${ref}^{commit}`], repo)).trim();
  const root = join(tmpdir(), 'hindsight-baseline', commit);
  const stamp = join(root, '.bench-installed');
  if (!existsSync(stamp)) {
    log(`baseline ${ref} (${commit.slice(0, 10)}): exporting and installing into ${root}`);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const archive = join(root, '..', `${commit}.tar`);
    await sh('git', ['archive', '--format=tar', `--output=${archive}`, commit], repo);
    await sh('tar', ['-xf', archive, '-C', root], repo);
    rmSync(archive, { force: true });
    // --offline first (the store already holds nearly everything); the registry only for what it lacks.
    // Older commits compile better-sqlite3 without the local-headers patch: point node-gyp at this
    // Node's own headers (what that patch does) so nothing is downloaded.
    const env = {
      npm_config_nodedir: process.env.npm_config_nodedir ?? resolve(dirname(realpathSync(process.execPath)), '..'),
    };
    await sh('pnpm', ['install', '--frozen-lockfile', '--offline'], root, env).catch(() =>
      sh('pnpm', ['install', '--frozen-lockfile'], root, env),
    );
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
  }
  prepared = { ref, commit, root };
  return prepared;
}

/** The prepared baseline; throws if `prepareBaseline` was not called (the bench's main does it). */
export function baseline(): Baseline {
  if (!prepared) throw new Error('the baseline server needs --baseline=<git ref> (e.g. --baseline=e20cb88)');
  return prepared;
}
