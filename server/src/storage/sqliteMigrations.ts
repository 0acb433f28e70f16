// Numbered SQLite migrations, the same steps as Postgres's (postgresMigrations.ts), recorded
// in schema_migrations and applied in order in one IMMEDIATE transaction, so two processes
// opening one file at once migrate it once. An applied number is never edited, only new ones
// added. Versions 1-5 (the numbers Postgres uses for the same tables) use IF NOT EXISTS:
// files written before numbered migrations (tables created at every start, feedback and
// templates tracked in PRAGMA user_version) already hold them; version 6 brings such
// files, and every new one, to Postgres's shape.
import type Database from 'better-sqlite3';
import { FEEDBACK_TABLES_SQL } from './feedback.ts';
import { TEMPLATE_TABLES_SQL } from './templates.ts';
import { TEAM_LINKS_TABLE_SQL } from './teamLinks.ts';
import { EARLIER_GRANTS_TABLE_SQL } from './earlierGrants.ts';

/** Rebuilds `table` with `definition` (SQLite cannot add a foreign key in place), keeping rows whose review exists. */
const rebuild = (table: string, definition: string, columns: string): string => `
CREATE TABLE ${table}_next ${definition};
INSERT INTO ${table}_next (${columns}) SELECT ${columns} FROM ${table} WHERE review_id IN (SELECT id FROM reviews);
DROP TABLE ${table};
ALTER TABLE ${table}_next RENAME TO ${table};
`;

export const SQLITE_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS reviews (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id),
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS links_review ON links(review_id);
CREATE TABLE IF NOT EXISTS updates (
  review_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  role TEXT NOT NULL,
  link_id TEXT,
  data BLOB NOT NULL,
  PRIMARY KEY (review_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  review_id TEXT PRIMARY KEY,
  upto_seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS health (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at INTEGER NOT NULL
);
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE IF NOT EXISTS review_index (
  review_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS publications (
  review_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT,
  state BLOB NOT NULL,
  PRIMARY KEY (review_id, version)
) WITHOUT ROWID;
`,
  },
  {
    version: 3,
    sql: `
CREATE TABLE IF NOT EXISTS snapshots (
  review_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (review_id, seq)
) WITHOUT ROWID;
`,
  },
  { version: 4, sql: FEEDBACK_TABLES_SQL },
  { version: 5, sql: TEMPLATE_TABLES_SQL },
  {
    // Each review keeps its last seq (appends reserved seqs there until the column became a floor under
    // the log's highest seq, see sqlite.ts), and the log, index, publications and snapshots refer to their review.
    version: 6,
    sql: `
ALTER TABLE reviews ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
UPDATE reviews SET last_seq = COALESCE((SELECT MAX(seq) FROM updates WHERE updates.review_id = reviews.id), 0);
${rebuild(
  'updates',
  `(
  review_id TEXT NOT NULL REFERENCES reviews(id),
  seq INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  role TEXT NOT NULL,
  link_id TEXT,
  data BLOB NOT NULL,
  PRIMARY KEY (review_id, seq)
) WITHOUT ROWID`,
  'review_id, seq, received_at, role, link_id, data',
)}
${rebuild(
  'review_index',
  `(
  review_id TEXT PRIMARY KEY REFERENCES reviews(id),
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
)`,
  'review_id, seq, data, updated_at',
)}
${rebuild(
  'publications',
  `(
  review_id TEXT NOT NULL REFERENCES reviews(id),
  version INTEGER NOT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT,
  state BLOB NOT NULL,
  PRIMARY KEY (review_id, version)
) WITHOUT ROWID`,
  'review_id, version, published_at, published_by, state',
)}
${rebuild(
  'snapshots',
  `(
  review_id TEXT NOT NULL REFERENCES reviews(id),
  seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (review_id, seq)
) WITHOUT ROWID`,
  'review_id, seq, state',
)}
`,
  },
  { version: 7, sql: TEAM_LINKS_TABLE_SQL },
  { version: 8, sql: EARLIER_GRANTS_TABLE_SQL },
  {
    version: 9,
    sql: `
CREATE TABLE IF NOT EXISTS first_screens (
  review_id TEXT PRIMARY KEY REFERENCES reviews(id),
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
`,
  },
];

/** Applies the migrations `db` has not recorded yet; returns the versions it applied. */
export function migrateSqlite(db: Database.Database): number[] {
  return db
    .transaction(() => {
      db.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
      );
      const done = new Set(
        db
          .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
          .all()
          .map((r) => r.version),
      );
      const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
      const applied: number[] = [];
      for (const m of SQLITE_MIGRATIONS) {
        if (done.has(m.version)) continue;
        db.exec(m.sql);
        record.run(m.version, Date.now());
        applied.push(m.version);
      }
      return applied;
    })
    .immediate();
}
