// Numbered SQLite migrations for tables added after the base schema
// (sqlite.ts SCHEMA), tracked in PRAGMA user_version. An applied number is
// never edited, only new ones added; each runs in its own transaction.
import type Database from 'better-sqlite3';
import { FEEDBACK_TABLES_SQL } from './feedback.ts';
import { TEMPLATE_TABLES_SQL } from './templates.ts';

export const SQLITE_MIGRATIONS: readonly { version: number; sql: string }[] = [
  { version: 1, sql: FEEDBACK_TABLES_SQL },
  { version: 2, sql: TEMPLATE_TABLES_SQL },
];

export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of SQLITE_MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
