// Long work cut into short turns of the event loop. A turn ends once it has run its slice: rooms'
// messages and other requests wait about that long at most. Background work also keeps to a share of
// the time: some of its steps cannot be cut (encoding a whole snapshot of a big review, ~100 ms on a
// loaded machine), and yielding once per step would still leave what a user waits for (a seek's merge,
// which yields every few ms) one short slice per long step.
export const SLICE_MS = 15;

export class Turns {
  private started = performance.now();

  /**
   * `sliceMs`: how long a turn may run. `share` (0 to 1]: of the time, how much this work may take; after
   * a turn of t ms it waits t × (1 / share − 1) ms on a timer, with the event loop free for the rest.
   */
  constructor(
    private readonly sliceMs = SLICE_MS,
    private readonly share = 1,
  ) {}

  /** Gives the event loop a turn if this one has run its slice. */
  async check(): Promise<void> {
    const ran = performance.now() - this.started;
    if (ran < this.sliceMs) return;
    const rest = ran * (1 / this.share - 1);
    await new Promise<void>((r) => (rest >= 1 ? setTimeout(r, rest) : setImmediate(r)));
    this.started = performance.now();
  }
}
