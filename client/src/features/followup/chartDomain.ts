// The x domain of the insights' time charts, from the points themselves: uPlot, given a single point,
// stretches its time scale over about three years (it widens the point to a 1,000-day range before any
// range function sees it), so the domain is never taken from the min and max it passes.

const DAY = 86_400;

/**
 * `[min, max]` in seconds around `xs` (seconds): the points with 6% air either side, at least `minSpan` wide
 * and centred on them when they are fewer or closer than that (one point sits in the middle of two weeks).
 */
export function timeDomain(xs: readonly number[], minSpan = 14 * DAY): [number, number] {
  const finite = xs.filter(Number.isFinite);
  if (finite.length === 0) return [0, minSpan];
  const min = finite.reduce((a, b) => Math.min(a, b));
  const max = finite.reduce((a, b) => Math.max(a, b));
  const span = max - min;
  const pad = Math.max(span * 0.06, (minSpan - span) / 2);
  return [min - pad, max + pad];
}

/** A round number at or above `v`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
function niceCeil(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  const m = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((f) => f * power >= v - 1e-9) ?? 10;
  return Math.round(m * power * 1e6) / 1e6;
}

/**
 * The y range of a value chart: from 0 to a round number with about 10% air above the highest value, so
 * the highest point never sits on the frame's edge above the last labelled gridline; 0–1 when all are 0.
 */
export function valueRange(max: number | null | undefined): [number, number] {
  const top = Number.isFinite(max) && (max as number) > 0 ? (max as number) : 0;
  return [0, top === 0 ? 1 : niceCeil(top * 1.1)];
}

/** Tick steps for counts (reviews, action items): whole numbers only, never "0.5 reviews". */
export const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];
