// The SQLite side of the team link repository (storage/teamLinks.ts).
import type Database from 'better-sqlite3';
import {
  TEAM_LINKS_LIST,
  type TeamLinkRecord,
  type TeamLinkRepository,
  type TeamLinkRow,
  toTeamLink,
} from './teamLinks.ts';

/** `write` is the adapter's guarded write: refused once closed, failures wrapped as StoreWriteError. */
export function sqliteTeamLinks(
  db: Database.Database,
  write: <T>(what: string, run: () => T) => T,
): TeamLinkRepository {
  const q = {
    list: db.prepare<[], TeamLinkRow>(TEAM_LINKS_LIST),
    revoke: db.prepare('UPDATE team_links SET revoked_at = ? WHERE revoked_at IS NULL'),
    insert: db.prepare('INSERT INTO team_links (id, token_hash, created_at, revoked_at) VALUES (?, ?, ?, NULL)'),
  };
  return {
    async listTeamLinks() {
      return q.list.all().map(toTeamLink);
    },
    async replaceTeamLink(link: TeamLinkRecord | null, at: number) {
      write('could not store the team link', () =>
        db.transaction(() => {
          q.revoke.run(at);
          if (link) q.insert.run(link.id, link.tokenHash, link.createdAt);
        })(),
      );
    },
  };
}
