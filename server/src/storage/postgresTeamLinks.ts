// The Postgres side of the team link repository (storage/teamLinks.ts).
import type pg from 'pg';
import type { PostgresFeedbackDeps } from './postgresFeedback.ts';
import {
  TEAM_LINKS_LIST,
  type TeamLinkRecord,
  type TeamLinkRepository,
  type TeamLinkRow,
  toTeamLink,
} from './teamLinks.ts';

export function postgresTeamLinks(deps: PostgresFeedbackDeps): TeamLinkRepository {
  return {
    async listTeamLinks() {
      return (await deps.pool.query<TeamLinkRow>(TEAM_LINKS_LIST)).rows.map(toTeamLink);
    },
    replaceTeamLink(link: TeamLinkRecord | null, at: number): Promise<void> {
      return deps.write('could not store the team link', () =>
        deps.transaction(async (c: pg.PoolClient) => {
          // One instance-wide lock: two servers re-minting at once must not leave two active links.
          await c.query('LOCK TABLE team_links IN EXCLUSIVE MODE');
          await c.query('UPDATE team_links SET revoked_at = $1 WHERE revoked_at IS NULL', [at]);
          if (link) {
            await c.query('INSERT INTO team_links (id, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, NULL)', [
              link.id,
              link.tokenHash,
              link.createdAt,
            ]);
          }
        }),
      );
    },
  };
}
