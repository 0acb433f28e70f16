// A fixed-bucket latency histogram (0.05 ms buckets up to 10 s) that merges across processes.

const BUCKET_MS = 0.05;
const BUCKETS = 200_000;

/** Sparse form sent over IPC: [bucketIndex, count] pairs. */
export type SparseHistogram = [number, number][];

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS + 1);
  count = 0;
  max = 0;

  record(ms: number): void {
    const v = ms < 0 ? 0 : ms;
    const i = Math.min(BUCKETS, Math.floor(v / BUCKET_MS));
    this.counts[i]!++;
    this.count++;
    if (v > this.max) this.max = v;
  }

  toSparse(): SparseHistogram {
    const out: SparseHistogram = [];
    for (let i = 0; i <= BUCKETS; i++) if (this.counts[i]! > 0) out.push([i, this.counts[i]!]);
    return out;
  }

  merge(sparse: SparseHistogram, max: number): void {
    for (const [i, n] of sparse) {
      this.counts[i]! += n;
      this.count += n;
    }
    if (max > this.max) this.max = max;
  }

  /** Upper edge of the bucket holding quantile `q` (0..1), in ms. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let i = 0; i <= BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return i === BUCKETS ? this.max : Math.min((i + 1) * BUCKET_MS, this.max);
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this.max,
    };
  }
}
