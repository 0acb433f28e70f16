// The instance's team link: one capability for the cross-review pages
// (/actions, /insights and their APIs), stored as the sha256 of its token like
// every link. At most one is active; re-minting revokes the previous one.
// Revoked rows are kept so a revoked token is refused as revoked, not unknown.

export interface TeamLinkRecord {
  id: string;
  /** sha256 of the token, hex. The token itself is never stored. */
  tokenHash: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface TeamLinkRepository {
  /** Every team link ever minted, oldest first (an empty list: this instance never had one). */
  listTeamLinks(): Promise<TeamLinkRecord[]>;
  /** Revokes every active team link at `at` and, when given, stores `link` as the active one; atomically. */
  replaceTeamLink(link: TeamLinkRecord | null, at: number): Promise<void>;
}

/** The table, the same in SQLite and Postgres (numbered migrations in each adapter). */
export const TEAM_LINKS_TABLE_SQL = `
CREATE TABLE team_links (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
`;

export interface TeamLinkRow {
  id: string;
  token_hash: string;
  created_at: number | string;
  revoked_at: number | string | null;
}

export const toTeamLink = (r: TeamLinkRow): TeamLinkRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  createdAt: Number(r.created_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

export const TEAM_LINKS_LIST = 'SELECT * FROM team_links ORDER BY created_at, id';
