// What every node of the whys tree needs from the view: the forest, collapse state and the commands.
import { createContext, useContext } from 'react';
import type { EntryView, WhyNodeView } from '@hindsight/doc';
import type { Person } from '../../sync/presence.ts';

export interface WhysTreeApi {
  forest: WhyNodeView[];
  entries: EntryView[];
  editors: Map<string, Person[]>;
  collapsed: ReadonlySet<string>;
  toggle: (id: string) => void;
  add: (parentId: string | null, index: number) => void;
  move: (id: string, parentId: string | null, index: number) => void;
  jumpToEntry: (entryId: string) => void;
}

export const WhysTreeContext = createContext<WhysTreeApi | null>(null);

export function useWhysTree(): WhysTreeApi {
  const api = useContext(WhysTreeContext);
  if (!api) throw new Error('useWhysTree outside WhysView');
  return api;
}
