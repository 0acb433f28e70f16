// Numbered Postgres migrations (sqliteMigrations.ts reaches the same schema), recorded in
// schema_migrations and applied in one transaction under an advisory lock, so several
// servers starting at once migrate a database once.
import type pg from 'pg';
import { FEEDBACK_TABLES_SQL } from './feedback.ts';
import { TEMPLATE_TABLES_SQL } from './templates.ts';
import { TEAM_LINKS_TABLE_SQL } from './teamLinks.ts';
import { EARLIER_GRANTS_TABLE_SQL } from './earlierGrants.ts';
import { inTransaction, quoteIdent } from './postgresPool.ts';

/** Numbered migrations; an applied number is never edited, only new ones added. */
export const POSTGRES_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE links (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id),
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX links_review ON links(review_id);
CREATE TABLE updates (
  review_id TEXT NOT NULL REFERENCES reviews(id),
  seq BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  role TEXT NOT NULL,
  link_id TEXT,
  data BYTEA NOT NULL,
  PRIMARY KEY (review_id, seq)
);
CREATE TABLE checkpoints (
  review_id TEXT PRIMARY KEY,
  upto_seq BIGINT NOT NULL,
  state BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE health (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at BIGINT NOT NULL
);
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE review_index (
  review_id TEXT PRIMARY KEY REFERENCES reviews(id),
  seq BIGINT NOT NULL,
  data TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE publications (
  review_id TEXT NOT NULL REFERENCES reviews(id),
  version INTEGER NOT NULL,
  published_at BIGINT NOT NULL,
  published_by TEXT,
  state BYTEA NOT NULL,
  PRIMARY KEY (review_id, version)
);
`,
  },
  {
    version: 3,
    sql: `
CREATE TABLE snapshots (
  review_id TEXT NOT NULL REFERENCES reviews(id),
  seq BIGINT NOT NULL,
  state BYTEA NOT NULL,
  PRIMARY KEY (review_id, seq)
);
`,
  },
  { version: 4, sql: FEEDBACK_TABLES_SQL },
  { version: 5, sql: TEMPLATE_TABLES_SQL },
  { version: 6, sql: TEAM_LINKS_TABLE_SQL },
  { version: 7, sql: EARLIER_GRANTS_TABLE_SQL },
  {
    version: 8,
    sql: `
CREATE TABLE first_screens (
  review_id TEXT PRIMARY KEY REFERENCES reviews(id),
  seq BIGINT NOT NULL,
  data TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
`,
  },
];

/** Applies missing migrations; safe when several servers open the same database at once. */
export async function migratePostgres(pool: pg.Pool, schema: string | undefined): Promise<void> {
  await inTransaction(pool, async (c) => {
    // One transaction-scoped lock per schema: concurrent starters queue here, and
    // the second sees the first's committed schema_migrations rows instead of
    // racing it to CREATE TABLE. The lock is released by COMMIT/ROLLBACK.
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('hindsight.migrate:' || $1))`, [schema ?? '']);
    if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await c.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const done = await c.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    for (const m of POSTGRES_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
    }
  });
}
