// What the meeting's views share: the spotlight, following it, the record selected for annotations.
import { createContext, useContext } from 'react';
import type { Spotlight, TargetKind } from './spotlight.ts';

export interface Target {
  kind: TargetKind;
  id: string;
}

export interface FacilitationApi {
  isFacilitator: boolean;
  /** May add annotations (questions and comments; the facilitator every kind). */
  canAnnotate: boolean;
  spotlight: Spotlight | null;
  following: boolean;
  setFollowing(following: boolean): void;
  /** The record whose annotations the panel shows. */
  selected: Target | null;
  select(target: Target | null): void;
  /** Facilitator: spotlight a record for everyone (null turns it off). */
  pointAt(target: Target | null): void;
  /** Open (unresolved) annotations per target id. */
  openCounts: ReadonlyMap<string, number>;
}

export const FacilitationContext = createContext<FacilitationApi | null>(null);

/** The meeting's shared state, or null outside a review page (rows then render without meeting controls). */
export function useFacilitationApi(): FacilitationApi | null {
  return useContext(FacilitationContext);
}
