// Gate fuzz seeds (gateFuzz.test.ts) that once found a bug, kept as named
// regression tests: add each failing seed here with what it found.
export const GATE_REGRESSION_SEEDS: { seed: number; found: string }[] = [];
