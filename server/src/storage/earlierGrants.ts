// Grants to show an earlier review inside a later one (repeat incidents). An
// editor of the later review pasted one of the earlier review's links; the
// server checked it and keeps here which link it was (its id, never its token,
// and never in the document, which every editor and observer receives). The
// earlier review's title, status and actions are shown only while that link
// is unrevoked.

export interface EarlierGrant {
  /** The review that shows the earlier one. */
  reviewId: string;
  /** The earlier review. */
  earlierId: string;
  /** The earlier review's link that was pasted (links.id). */
  linkId: string;
  grantedAt: number;
}

export interface EarlierGrantRepository {
  /** Stores the grant, replacing the one for the same (reviewId, earlierId): a newly pasted link replaces the old. */
  putEarlierGrant(grant: EarlierGrant): Promise<void>;
  /** The review's grants, by earlier review id. */
  listEarlierGrants(reviewId: string): Promise<EarlierGrant[]>;
}

/** The table, the same in SQLite and Postgres (numbered migrations in each adapter). */
export const EARLIER_GRANTS_TABLE_SQL = `
CREATE TABLE earlier_grants (
  review_id TEXT NOT NULL,
  earlier_id TEXT NOT NULL,
  link_id TEXT NOT NULL,
  granted_at BIGINT NOT NULL,
  PRIMARY KEY (review_id, earlier_id)
);
`;

export interface EarlierGrantRow {
  review_id: string;
  earlier_id: string;
  link_id: string;
  granted_at: number | string;
}

export const toEarlierGrant = (r: EarlierGrantRow): EarlierGrant => ({
  reviewId: r.review_id,
  earlierId: r.earlier_id,
  linkId: r.link_id,
  grantedAt: Number(r.granted_at),
});

/** The list and the upsert, with `?` (SQLite) or `$n` (Postgres) placeholders. */
export function earlierGrantsSql(p: (n: number) => string): { list: string; put: string } {
  return {
    list: `SELECT * FROM earlier_grants WHERE review_id = ${p(1)} ORDER BY earlier_id`,
    put: `INSERT INTO earlier_grants (review_id, earlier_id, link_id, granted_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})
ON CONFLICT (review_id, earlier_id) DO UPDATE SET link_id = excluded.link_id, granted_at = excluded.granted_at`,
  };
}
