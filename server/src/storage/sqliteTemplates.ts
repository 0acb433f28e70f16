// The SQLite side of the template repository (storage/templates.ts).
import type Database from 'better-sqlite3';
import { type StoredTemplate, type TemplateRepository, type TemplateRow, toTemplate } from './templates.ts';

/** `write` is the adapter's guarded write: refused once closed, failures wrapped as StoreWriteError. */
export function sqliteTemplates(
  db: Database.Database,
  write: <T>(what: string, run: () => T) => T,
): TemplateRepository {
  const q = {
    latest: db.prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM templates'),
    insert: db.prepare('INSERT INTO templates (version, note, created_at, content) VALUES (?, ?, ?, ?)'),
    all: db.prepare<[], TemplateRow>('SELECT * FROM templates ORDER BY version'),
    one: db.prepare<[number], TemplateRow>('SELECT * FROM templates WHERE version = ?'),
  };
  return {
    async addTemplate(input): Promise<number> {
      return write('could not save the template', () =>
        db.transaction(() => {
          const version = (q.latest.get()?.v ?? 0) + 1;
          q.insert.run(version, input.note, input.createdAt, input.content);
          return version;
        })(),
      );
    },
    async listTemplates(): Promise<StoredTemplate[]> {
      return q.all.all().map(toTemplate);
    },
    async getTemplate(version: number): Promise<StoredTemplate | null> {
      const row = q.one.get(version);
      return row ? toTemplate(row) : null;
    },
  };
}
