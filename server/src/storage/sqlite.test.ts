// Runs the store contract on SQLite files, plus SQLite-only cases: numbered migrations, also of a file from before them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FEEDBACK_TABLES_SQL } from './feedback.ts';
import { openSqliteStore } from './sqlite.ts';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.ts';
import { TEMPLATE_TABLES_SQL } from './templates.ts';
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

/** The schema files had before numbered migrations: created at every start, feedback and templates in PRAGMA user_version. */
const LEGACY_SCHEMA = `
CREATE TABLE reviews (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE links (id TEXT PRIMARY KEY, review_id TEXT NOT NULL REFERENCES reviews(id), role TEXT NOT NULL,
  label TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE INDEX links_review ON links(review_id);
CREATE TABLE updates (review_id TEXT NOT NULL, seq INTEGER NOT NULL, received_at INTEGER NOT NULL, role TEXT NOT NULL,
  link_id TEXT, data BLOB NOT NULL, PRIMARY KEY (review_id, seq)) WITHOUT ROWID;
CREATE TABLE health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL);
CREATE TABLE review_index (review_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, data TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE publications (review_id TEXT NOT NULL, version INTEGER NOT NULL, published_at INTEGER NOT NULL,
  published_by TEXT, state BLOB NOT NULL, PRIMARY KEY (review_id, version)) WITHOUT ROWID;
CREATE TABLE snapshots (review_id TEXT NOT NULL, seq INTEGER NOT NULL, state BLOB NOT NULL,
  PRIMARY KEY (review_id, seq)) WITHOUT ROWID;
CREATE TABLE checkpoints (review_id TEXT PRIMARY KEY, upto_seq INTEGER NOT NULL, state BLOB NOT NULL,
  created_at INTEGER NOT NULL);
${FEEDBACK_TABLES_SQL}
${TEMPLATE_TABLES_SQL}
PRAGMA user_version = 2;
`;

const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-migrate-'));
  dirs.push(dir);
  return dir;
};

const appliedVersions = (dataDir: string): number[] => {
  const db = new Database(join(dataDir, 'hindsight.sqlite'), { readonly: true });
  try {
    return db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      .all()
      .map((r) => r.version);
  } finally {
    db.close();
  }
};

describe('sqlite seqs', () => {
  const append = (store: ReturnType<typeof openSqliteStore>, byte: number): Promise<number> =>
    store.append('r', { update: new Uint8Array([byte]), receivedAt: byte, role: 'editor', linkId: null });

  it("takes the next seq from the log, with the review row's last_seq as a floor, and leaves that row alone", async () => {
    const dataDir = freshDir();
    const store = openSqliteStore({ dataDir });
    await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
    expect([await append(store, 2), await append(store, 3)]).toEqual([2, 3]);
    const peek = new Database(join(dataDir, 'hindsight.sqlite'), { readonly: true });
    const column = (): number =>
      peek.prepare<[], { last_seq: number }>("SELECT last_seq FROM reviews WHERE id = 'r'").get()!.last_seq;
    expect(column()).toBe(1);
    // A checkpoint writes it, as does a clean stop (below).
    await append(store, 4);
    await store.compact('r', new Uint8Array([0, 0]), 4);
    expect(column()).toBe(4);
    expect(await append(store, 5)).toBe(5);
    expect(column()).toBe(4);
    peek.close();
    await store.close();
    const file = join(dataDir, 'hindsight.sqlite');
    const lastSeqColumn = (): number => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare<[], { last_seq: number }>("SELECT last_seq FROM reviews WHERE id = 'r'").get()!.last_seq;
      } finally {
        db.close();
      }
    };
    // Appends do not rewrite the review's row (a second page per review in every commit); a clean stop
    // brings it up to the log, for an older release that reads it as the last seq.
    expect(lastSeqColumn()).toBe(5);
    // A floor above the log (as a release that reserved seqs in that column could leave it) is respected.
    const db = new Database(file);
    db.prepare("UPDATE reviews SET last_seq = 10 WHERE id = 'r'").run();
    db.close();
    const reopened = openSqliteStore({ dataDir });
    expect((await reopened.load('r')).lastSeq).toBe(10);
    expect(await append(reopened, 11)).toBe(11);
    expect((await reopened.load('r')).lastSeq).toBe(11);
    expect((await reopened.listIndex())[0]).toMatchObject({ reviewId: 'r', lastSeq: 11 });
    await reopened.close();
  });
});

describe('sqlite migrations', () => {
  const all = SQLITE_MIGRATIONS.map((m) => m.version);

  it('applies every migration once, in order, and none again on restart', async () => {
    const dataDir = freshDir();
    await openSqliteStore({ dataDir }).close();
    expect(appliedVersions(dataDir)).toEqual(all);
    const again = openSqliteStore({ dataDir });
    await again.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
    expect(await again.append('r', { update: new Uint8Array([1]), receivedAt: 2, role: 'editor', linkId: null })).toBe(
      2,
    );
    await again.close();
    expect(appliedVersions(dataDir)).toEqual(all);
  });

  it('brings a file from before numbered migrations to the current schema, keeping its reviews', async () => {
    const dataDir = freshDir();
    const old = new Database(join(dataDir, 'hindsight.sqlite'));
    old.exec(LEGACY_SCHEMA);
    old.prepare('INSERT INTO reviews VALUES (?, ?, ?)').run('r', 'Old review', 1);
    old.prepare('INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?)').run('l', 'r', 'editor', 'E', 'hash-l', 1, null);
    const insert = old.prepare('INSERT INTO updates VALUES (?, ?, ?, ?, ?, ?)');
    for (let seq = 1; seq <= 3; seq++) insert.run('r', seq, seq, 'editor', 'l', Buffer.from([seq]));
    old.prepare('INSERT INTO checkpoints VALUES (?, ?, ?, ?)').run('r', 2, Buffer.from([9]), 5);
    old.prepare('INSERT INTO publications VALUES (?, ?, ?, ?, ?)').run('r', 1, 6, 'Fay', Buffer.from([7]));
    old.prepare('INSERT INTO templates VALUES (?, ?, ?, ?)').run(1, 'ours', 8, '{}');
    old.close();

    const store = openSqliteStore({ dataDir });
    expect(await store.getReview('r')).toEqual({ id: 'r', title: 'Old review', createdAt: 1 });
    expect((await store.findLinkByTokenHash('hash-l'))?.id).toBe('l');
    const loaded = await store.load('r');
    expect(loaded).toMatchObject({ checkpointSeq: 2, lastSeq: 3, tail: [new Uint8Array([3])] });
    // The log continues where the old file stopped.
    expect(await store.append('r', { update: new Uint8Array([4]), receivedAt: 7, role: 'editor', linkId: 'l' })).toBe(
      4,
    );
    expect((await store.listIndex())[0]).toMatchObject({ reviewId: 'r', lastSeq: 4 });
    expect((await store.listPublications('r')).map((p) => p.by)).toEqual(['Fay']);
    expect((await store.listTemplates()).map((t) => t.note)).toEqual(['ours']);
    await store.close();
    expect(appliedVersions(dataDir)).toEqual(all);
    // The log now refers to its review, as in Postgres.
    const db = new Database(join(dataDir, 'hindsight.sqlite'), { readonly: true });
    const parents = db.prepare<[], { table: string }>('SELECT "table" FROM pragma_foreign_key_list(\'updates\')').all();
    db.close();
    expect(parents.map((p) => p.table)).toEqual(['reviews']);
  });
});
