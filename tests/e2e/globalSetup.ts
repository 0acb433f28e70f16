// Builds the client once before the end-to-end tests (the server serves client/dist).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync('pnpm', ['--filter', '@hindsight/client', 'build'], { cwd: root, stdio: 'inherit' });
}
