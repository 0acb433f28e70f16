// Opens the configured store: Postgres when DATABASE_URL is set (the
// multi-server mode), else the SQLite file in DATA_DIR. Shared by the server
// and the operator's commands (cli/).
import type { Config } from '../config.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';

export async function openConfiguredStore(config: Config): Promise<Store> {
  if (config.DATABASE_URL) {
    return openPostgresStore({ connectionString: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  }
  return openSqliteStore({
    dataDir: config.DATA_DIR,
    synchronous: config.SQLITE_SYNCHRONOUS,
    commitWindowMs: config.COMMIT_WINDOW_MS,
  });
}
