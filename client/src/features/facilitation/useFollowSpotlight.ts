// Following the spotlight: each new spotlight (or resuming to follow) brings the record into view.
import { useEffect } from 'react';
import type { Spotlight } from './spotlight.ts';

/** Scrolls a whys node into view once its view has rendered it (up to ~1 s of frames). */
export async function revealWhy(id: string): Promise<boolean> {
  for (let frame = 0; frame < 60; frame++) {
    const node = document.querySelector<HTMLElement>(`[data-why-id="${CSS.escape(id)}"] > .why-card`);
    if (node) {
      node.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return true;
    }
    await new Promise((r) => requestAnimationFrame(r));
  }
  return false;
}

export function useFollowSpotlight(
  spotlight: Spotlight | null,
  following: boolean,
  isFacilitator: boolean,
  show: (spotlight: Spotlight) => void,
): void {
  const key = spotlight ? `${spotlight.kind}:${spotlight.id}:${spotlight.at}` : '';
  useEffect(() => {
    // The facilitator pointed at it themselves: their view stays where they are.
    if (!spotlight || !following || isFacilitator) return;
    show(spotlight);
    if (spotlight.kind === 'why') void revealWhy(spotlight.id);
    // Only a new spotlight (key) or resuming (following) moves the view.
  }, [key, following, isFacilitator]);
}
