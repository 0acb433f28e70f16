// Fractional order keys: strings that sort (by plain `<`) between any two
// others, so siblings can be inserted or moved between neighbours without
// renumbering. Keys are base-62 fractions in (0, 1) with no trailing "0",
// after the midpoint scheme of rocicorp's fractional-indexing.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** True for a key this module could have produced. */
export function isOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.endsWith('0')) return false;
  for (const ch of key) if (!DIGITS.includes(ch)) return false;
  return true;
}

// Midpoint of the fractions a (''=0) and b (null=1), a < b, neither with a trailing '0'.
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a.length > 0 ? DIGITS.indexOf(a[0] as string) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0] as string) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)] as string;
  // Adjacent digits: keep a's digit and go one level deeper.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[digitA] + midpoint(a.slice(1), null);
}

/**
 * A key strictly between `before` and `after` (null = open end). Throws when
 * `before >= after` or a key is malformed; callers with equal neighbour keys
 * (from concurrent inserts) should widen the gap first, see `keyForIndex`.
 */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && !isOrderKey(before)) throw new Error(`invalid order key ${JSON.stringify(before)}`);
  if (after !== null && !isOrderKey(after)) throw new Error(`invalid order key ${JSON.stringify(after)}`);
  if (before !== null && after !== null && before >= after) {
    throw new Error(`order keys out of order: ${before} >= ${after}`);
  }
  // Open ends step one digit instead of halving, so keys grow by about one
  // character per 30 appends (or prepends) rather than one per 5.
  if (after === null && before !== null) return stepUp(before);
  if (before === null && after !== null) return stepDown(after) ?? midpoint('', after);
  return midpoint(before ?? '', after);
}

// The smallest change that sorts after `key`: bump its first digit below the top one.
function stepUp(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const d = DIGITS.indexOf(key[i] as string);
    if (d < DIGITS.length - 1) return key.slice(0, i) + DIGITS[d + 1];
  }
  return key + DIGITS[DIGITS.length >> 1];
}

// Lower the first digit above '1' (never producing a trailing '0'); null when none.
function stepDown(key: string): string | null {
  for (let i = 0; i < key.length; i++) {
    const d = DIGITS.indexOf(key[i] as string);
    if (d > 1) return key.slice(0, i) + DIGITS[d - 1];
  }
  return null;
}

/**
 * The key for inserting at position `index` into `sortedKeys` (ascending, may
 * contain duplicates from concurrent inserts). With duplicates around the
 * insertion point the new key goes right after the run of equal keys.
 */
export function keyForIndex(sortedKeys: readonly string[], index: number): string {
  const i = Math.max(0, Math.min(Math.floor(index), sortedKeys.length));
  const before = i > 0 ? (sortedKeys[i - 1] as string) : null;
  let j = i;
  while (before !== null && j < sortedKeys.length && (sortedKeys[j] as string) <= before) j++;
  const after = j < sortedKeys.length ? (sortedKeys[j] as string) : null;
  return keyBetween(before, after);
}
