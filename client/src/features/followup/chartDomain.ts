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
