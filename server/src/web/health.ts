// /healthz proves the store can write, but anyone may call it: after a
// successful write the next real one waits `intervalMs`, and callers in between
// share that result. A failure is never kept: the next call checks again, so
// recovery shows at once (a failing write costs the disk nothing).

/** Wraps `ping` so a success is reused for `intervalMs`; concurrent callers share one run. */
export function throttledPing(
  ping: () => Promise<void>,
  intervalMs: number,
  now: () => number = Date.now,
): () => Promise<void> {
  let okAt: number | null = null;
  let running: Promise<void> | null = null;
  return () => {
    if (okAt !== null && now() - okAt < intervalMs) return Promise.resolve();
    running ??= ping().then(
      () => {
        okAt = now();
        running = null;
      },
      (err: unknown) => {
        okAt = null;
        running = null;
        throw err;
      },
    );
    return running;
  };
}
