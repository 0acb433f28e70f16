// Keyboard commands of the whys tree as a pure function: which operation a key press on a node means.
import type { WhyNodeView } from '@hindsight/doc';

export type WhyCommand =
  | { type: 'add'; parentId: string | null; index: number }
  | { type: 'move'; id: string; parentId: string | null; index: number };

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

function locate(
  forest: readonly WhyNodeView[],
  id: string,
  parent: WhyNodeView | null = null,
): { node: WhyNodeView; parent: WhyNodeView | null; siblings: readonly WhyNodeView[]; index: number } | null {
  const index = forest.findIndex((n) => n.id === id);
  if (index >= 0) return { node: forest[index]!, parent, siblings: forest, index };
  for (const n of forest) {
    const found = locate(n.children, id, n);
    if (found) return found;
  }
  return null;
}

/**
 * Enter adds a why beside the node, Ctrl/Cmd+Enter one under it; Alt+Up/Down
 * reorders among siblings, Alt+Right nests under the previous sibling, Alt+Left
 * lifts the node beside its parent. Returns null for keys that mean nothing here.
 */
export function whyCommand(forest: readonly WhyNodeView[], id: string, press: KeyPress): WhyCommand | null {
  const at = locate(forest, id);
  if (!at) return null;
  const { node, parent, siblings, index } = at;
  const parentId = parent?.id ?? null;
  const mod = press.ctrlKey || press.metaKey;
  if (press.key === 'Enter' && !press.altKey && !press.shiftKey) {
    return mod
      ? { type: 'add', parentId: node.id, index: node.children.length }
      : { type: 'add', parentId, index: index + 1 };
  }
  if (!press.altKey || mod) return null;
  switch (press.key) {
    case 'ArrowUp':
      return index > 0 ? { type: 'move', id, parentId, index: index - 1 } : null;
    case 'ArrowDown':
      return index < siblings.length - 1 ? { type: 'move', id, parentId, index: index + 1 } : null;
    case 'ArrowRight': {
      const prev = siblings[index - 1];
      return prev ? { type: 'move', id, parentId: prev.id, index: prev.children.length } : null;
    }
    case 'ArrowLeft': {
      if (!parent) return null;
      const up = locate(forest, parent.id)!;
      return { type: 'move', id, parentId: up.parent?.id ?? null, index: up.index + 1 };
    }
    default:
      return null;
  }
}
