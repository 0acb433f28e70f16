// Context carrying the open review (doc, provider, role, operation context) to every view below it.
import { createContext, useContext } from 'react';
import type { OpContext } from '@hindsight/doc';
import type { Role } from '@hindsight/protocol';
import type { ReviewSync } from './session.ts';

export interface ReviewContextValue {
  sync: ReviewSync;
  role: Role;
  /** True when this link may change the document (`can(role, 'doc.write')`). */
  canWrite: boolean;
  /** Who acts and when, for packages/doc operations. */
  ctx: OpContext;
  /** The display name this person gave. */
  name: string;
}

const ReviewContext = createContext<ReviewContextValue | null>(null);

export const ReviewProvider = ReviewContext.Provider;

export function useReview(): ReviewContextValue {
  const value = useContext(ReviewContext);
  if (!value) throw new Error('useReview outside a ReviewProvider');
  return value;
}
