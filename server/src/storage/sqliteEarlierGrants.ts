// The SQLite side of the earlier-review grants (storage/earlierGrants.ts).
import type Database from 'better-sqlite3';
import {
  type EarlierGrant,
  type EarlierGrantRepository,
  type EarlierGrantRow,
  earlierGrantsSql,
  toEarlierGrant,
} from './earlierGrants.ts';

const SQL = earlierGrantsSql(() => '?');

/** `write` is the adapter's guarded write: refused once closed, failures wrapped as StoreWriteError. */
export function sqliteEarlierGrants(
  db: Database.Database,
  write: <T>(what: string, run: () => T) => T,
): EarlierGrantRepository {
  const q = {
    list: db.prepare<[string], EarlierGrantRow>(SQL.list),
    put: db.prepare<[string, string, string, number]>(SQL.put),
  };
  return {
    async putEarlierGrant(g: EarlierGrant) {
      write('could not store the earlier review link', () => q.put.run(g.reviewId, g.earlierId, g.linkId, g.grantedAt));
    },
    async listEarlierGrants(reviewId: string) {
      return q.list.all(reviewId).map(toEarlierGrant);
    },
  };
}
