// Small helpers for reading untrusted JSON payloads with clear messages.

/** Parses JSON text, or passes an already parsed value through; the error names the problem. */
export function readJson(input: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input) as unknown };
  } catch (err) {
    return { ok: false, reason: `not valid JSON: ${(err as Error).message}` };
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An http(s) URL, or undefined for anything else (a link is a nicety, never a reason to refuse). */
export function httpUrlOrUndefined(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Plain string values of an object (labels, annotations), sorted by key. */
export function stringPairs(v: unknown): [string, string][] {
  if (!isObject(v)) return [];
  return Object.entries(v)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
