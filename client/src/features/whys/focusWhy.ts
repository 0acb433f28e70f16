// Focuses a whys node's text once it is rendered (new nodes arrive a frame later), or moves focus along the tree.
export async function focusWhy(id: string): Promise<void> {
  // React commits a discrete event's updates before the next microtask: usually found on the first retry.
  await Promise.resolve();
  for (let frame = 0; frame < 30; frame++) {
    const input = document.querySelector<HTMLElement>(`[data-why-id="${CSS.escape(id)}"] .why-text`);
    if (input) {
      input.focus();
      return;
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Focuses the previous (-1) or next (+1) visible node's text. */
export function focusSibling(from: HTMLElement, step: -1 | 1): void {
  const all = [...document.querySelectorAll<HTMLElement>('.whys-tree .why-text')];
  const index = all.indexOf(from);
  all[index + step]?.focus();
}
