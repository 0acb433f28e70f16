import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from './sqlite.ts';
import { storeContract } from './store.contract.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

storeContract('sqlite', {
  async create() {
    const dataDir = mkdtempSync(join(tmpdir(), 'hindsight-store-'));
    dirs.push(dataDir);
    return { store: openSqliteStore({ dataDir }), reopen: async () => openSqliteStore({ dataDir }) };
  },
});
