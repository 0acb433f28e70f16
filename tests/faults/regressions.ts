// Fuzz seeds that once found a bug, kept as named regression tests. Add a seed
// here (with the bug it found) whenever fuzz.test.ts reports a failing one.
export const REGRESSION_SEEDS: { seed: number; found: string }[] = [];
