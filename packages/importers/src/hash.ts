// A small, fast, non-cryptographic string hash (cyrb53) for stable import keys.
// Pure JS so it runs the same in browsers and Node; collisions are negligible
// at the scale of one review's imports (2^53 space).

/** 53-bit hash of `text`, as a base-36 string. */
export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Keys for originals identified only by their content (log lines, pasted rows):
 * the hash of the content plus how many identical ones came before it in the
 * same source, so repeated identical lines stay distinct and re-importing the
 * same text (or an overlapping excerpt of it) yields the same keys.
 */
export class ContentKeys {
  private readonly seen = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  next(content: string): string {
    const hash = hashText(content);
    const n = this.seen.get(hash) ?? 0;
    this.seen.set(hash, n + 1);
    return `${this.prefix}:${hash}#${n}`;
  }
}
