// A token bucket: `perSecond` sustained, bursts up to twice that (or `capacity`).

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
    capacity?: number,
  ) {
    this.capacity = capacity ?? perSecond * 2;
    this.tokens = this.capacity;
    this.last = now();
  }

  /** Takes `n` tokens (one by default); false, taking none, when fewer are left. */
  take(n = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}
