// `pnpm team-link`: prints a new team link for /actions and /insights and
// revokes the previous one (only a hash is stored, so a lost link cannot be
// read back). `pnpm team-link --revoke` revokes it without a new one. Reads
// the same configuration as the server (DATA_DIR or DATABASE_URL, PUBLIC_URL).
import { loadConfig } from '../config.ts';
import { mintTeamLink, teamLinkUrl } from '../auth/team.ts';
import { openConfiguredStore } from '../storage/openStore.ts';

async function run(): Promise<number> {
  const revoke = process.argv.includes('--revoke');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const store = await openConfiguredStore(config);
  try {
    if (revoke) {
      await store.replaceTeamLink(null, Date.now());
      process.stdout.write('The team link is revoked. `pnpm team-link` mints a new one.\n');
      return 0;
    }
    const { token } = await mintTeamLink(store, Date.now());
    const base = config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
    process.stdout.write(
      `New team link (the previous one no longer works):\n\n  ${teamLinkUrl(base, token)}\n\n` +
        'It opens /actions and /insights across every review on this server. Share it with the team; ' +
        'run `pnpm team-link` again to replace it, `pnpm team-link --revoke` to revoke it.\n',
    );
    return 0;
  } finally {
    await store.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`could not mint the team link: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
