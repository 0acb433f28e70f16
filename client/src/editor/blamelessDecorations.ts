// Tiptap extension: underlines blameless-language findings in each paragraph (the check itself is passed in).
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';

/** A finding within one text block's plain text (UTF-16 offsets, `end` exclusive). */
export interface BlamelessFlag {
  start: number;
  end: number;
  message: string;
  suggestion: string;
}

export interface BlamelessDecorationsOptions {
  /** Findings in one paragraph's text; dismissed ones already left out. */
  check: (text: string) => BlamelessFlag[];
  /** Called with a redraw function; calls it when the check's inputs change (own terms, dismissals). */
  subscribe?: (redraw: () => void) => () => void;
}

const key = new PluginKey<DecorationSet>('blamelessDecorations');

function decorate(doc: PmNode, check: BlamelessDecorationsOptions['check']): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // One character per leaf (hard break, mention…), so text offsets map 1:1 to positions inside the block.
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    for (const f of check(text)) {
      decorations.push(
        Decoration.inline(pos + 1 + f.start, pos + 1 + f.end, {
          class: 'lang-flag',
          title: `${f.message} Try: ${f.suggestion}`,
          'data-suggestion': f.suggestion,
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const BlamelessDecorations = Extension.create<BlamelessDecorationsOptions>({
  name: 'blamelessDecorations',
  addOptions() {
    return { check: () => [], subscribe: undefined };
  },
  addProseMirrorPlugins() {
    const { check, subscribe } = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state: EditorState) => decorate(state.doc, check),
          apply: (tr, old, _before, state) => (tr.docChanged || tr.getMeta(key) ? decorate(state.doc, check) : old),
        },
        props: {
          decorations: (state) => key.getState(state),
        },
        view: (view) => {
          const stop = subscribe?.(() => {
            if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, true));
          });
          return { destroy: () => stop?.() };
        },
      }),
    ];
  },
});
