// Instance template storage: every saved version of the template, immutable,
// numbered 1, 2, ... (version 0 is the built-in template in packages/report).
// The content is validated by the route before it gets here and is kept as
// JSON text; readers parse it and tolerate a row they cannot read.

/** One stored version; `content` is the template as JSON text. */
export interface StoredTemplate {
  version: number;
  note: string;
  createdAt: number;
  content: string;
}

export interface TemplateRepository {
  /** Saves a new version after the latest; resolves with its number (1, 2, ...). Concurrent saves get distinct numbers. */
  addTemplate(input: { note: string; createdAt: number; content: string }): Promise<number>;
  /** Every version, oldest first. */
  listTemplates(): Promise<StoredTemplate[]>;
  /** One version, or null when there is none with that number. */
  getTemplate(version: number): Promise<StoredTemplate | null>;
}

export interface TemplateRow {
  version: number;
  note: string;
  created_at: number;
  content: string;
}

export const toTemplate = (r: TemplateRow): StoredTemplate => ({
  version: r.version,
  note: r.note,
  createdAt: r.created_at,
  content: r.content,
});

/**
 * The table, the same in SQLite and Postgres (numbered migrations in each adapter).
 * IF NOT EXISTS: SQLite files from before numbered migrations may hold it already.
 */
export const TEMPLATE_TABLES_SQL = `
CREATE TABLE IF NOT EXISTS templates (
  version INTEGER PRIMARY KEY,
  note TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  content TEXT NOT NULL
);
`;
