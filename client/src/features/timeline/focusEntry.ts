// Moves keyboard focus into an entry row once the virtual list has rendered it.
export async function focusEntryField(root: HTMLElement | null, entryId: string, field: string): Promise<boolean> {
  for (let frame = 0; frame < 30 && root; frame++) {
    const row = root.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(entryId)}"]`);
    const target =
      row?.querySelector<HTMLElement>(`[data-field="${field}"]`) ?? row?.querySelector<HTMLElement>('input');
    if (target) {
      target.focus();
      return true;
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
  return false;
}
