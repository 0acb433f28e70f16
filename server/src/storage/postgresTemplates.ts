// The Postgres side of the template repository (storage/templates.ts).
import type pg from 'pg';
import { type StoredTemplate, type TemplateRepository, type TemplateRow, toTemplate } from './templates.ts';

export interface PostgresTemplatesDeps {
  pool: pg.Pool;
  /** Runs `work` in one transaction (the adapter's inTransaction). */
  transaction: <T>(work: (c: pg.PoolClient) => Promise<T>) => Promise<T>;
  /** Guards a write: refuses when closed, wraps failures in StoreWriteError. */
  write: <T>(what: string, run: () => Promise<T>) => Promise<T>;
}

// Any fixed number: the transaction-scoped advisory lock that numbers template versions one at a time.
const TEMPLATE_LOCK = 0x7e3a1a7e;

export function postgresTemplates(deps: PostgresTemplatesDeps): TemplateRepository {
  return {
    addTemplate(input): Promise<number> {
      return deps.write('could not save the template', () =>
        deps.transaction(async (c) => {
          // Servers sharing the database save one version at a time, so numbers never collide.
          await c.query('SELECT pg_advisory_xact_lock($1)', [TEMPLATE_LOCK]);
          const res = await c.query<{ version: number }>(
            `INSERT INTO templates (version, note, created_at, content)
             SELECT COALESCE(MAX(version), 0) + 1, $1, $2, $3 FROM templates
             RETURNING version`,
            [input.note, input.createdAt, input.content],
          );
          return res.rows[0]!.version;
        }),
      );
    },
    async listTemplates(): Promise<StoredTemplate[]> {
      const res = await deps.pool.query<TemplateRow>('SELECT * FROM templates ORDER BY version');
      return res.rows.map(toTemplate);
    },
    async getTemplate(version: number): Promise<StoredTemplate | null> {
      const res = await deps.pool.query<TemplateRow>('SELECT * FROM templates WHERE version = $1', [version]);
      return res.rows[0] ? toTemplate(res.rows[0]) : null;
    },
  };
}
