// The Postgres connection pool and transactions the adapter's modules share.
import pg from 'pg';

export interface PostgresStoreOptions {
  /** A postgres:// URL. */
  connectionString: string;
  /** Most connections this store opens (default 10). */
  poolSize?: number;
  /** Schema holding the tables, created if missing (default: the connection's own search_path, usually `public`). */
  schema?: string;
  /** How long to wait for a connection before a call fails, ms (default 5000). */
  connectTimeoutMs?: number;
}

const INT8_OID = 20;

/** BIGINT columns hold epoch ms and seqs, both far below 2^53: read them as numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name ${JSON.stringify(name)}`);
  return `"${name}"`;
};

/** A pool whose every connection (also those made after a Postgres restart) works in `options.schema`. */
export function createPool(options: PostgresStoreOptions): pg.Pool {
  const schema = options.schema;
  if (schema) quoteIdent(schema);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
    types,
    // Set at connection start-up, so every pooled connection resolves table names in this schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by a Postgres restart emits 'error' on the pool;
  // unhandled it would crash the process. The pool discards it and reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** The advisory-lock namespace of a review's edit history ('HIST'). */
const HISTORY_LOCK = 0x48495354;

/**
 * Holds the review's edit-history lock until the transaction ends. A purge takes it before it deletes
 * anything, and every snapshot write before it checks the purge horizon: so a snapshot written
 * concurrently with a purge either existed before it (and is deleted) or sees it (and is not written).
 */
export async function lockHistory(c: Pick<pg.PoolClient, 'query'>, reviewId: string): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [HISTORY_LOCK, reviewId]);
}

/** Runs `work` in one transaction on one pooled connection; rolls back on any error. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (c: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // The pool listens for errors on idle connections only. A connection lost
  // while checked out (between two statements) emits 'error' here: unhandled,
  // that would crash the server; the next statement fails and we roll back.
  const onError = (e: Error): void => void (broken = e);
  client.on('error', onError);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A failed ROLLBACK means the connection itself is gone: drop it from the pool.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
