// The Postgres side of the earlier-review grants (storage/earlierGrants.ts).
import type { PostgresFeedbackDeps } from './postgresFeedback.ts';
import {
  type EarlierGrant,
  type EarlierGrantRepository,
  type EarlierGrantRow,
  earlierGrantsSql,
  toEarlierGrant,
} from './earlierGrants.ts';

const SQL = earlierGrantsSql((n) => `$${n}`);

export function postgresEarlierGrants(deps: PostgresFeedbackDeps): EarlierGrantRepository {
  return {
    async putEarlierGrant(g: EarlierGrant) {
      await deps.write('could not store the earlier review link', async () => {
        await deps.pool.query(SQL.put, [g.reviewId, g.earlierId, g.linkId, g.grantedAt]);
      });
    },
    async listEarlierGrants(reviewId: string) {
      return (await deps.pool.query<EarlierGrantRow>(SQL.list, [reviewId])).rows.map(toEarlierGrant);
    },
  };
}
