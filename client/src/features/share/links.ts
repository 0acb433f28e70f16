// Reading share links: the capability token lives in the `#t=` fragment.
import { LINK_FRAGMENT_KEY } from '@hindsight/protocol';

export function tokenFromLink(link: string): string | null {
  try {
    const hash = new URL(link).hash.replace(/^#/, '');
    return new URLSearchParams(hash).get(LINK_FRAGMENT_KEY);
  } catch {
    return null;
  }
}
