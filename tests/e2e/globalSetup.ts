// Builds the client once before the end-to-end tests (the server serves client/dist).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Vitest sets NODE_ENV=test, which would make Vite build React's development bundle and drop PROD-only code.
  execFileSync('pnpm', ['--filter', '@hindsight/client', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
