// Runs an importer's steps (one per line, row or message) either at once or in
// chunks that yield to the event loop, reporting progress for a UI's bar.
import type { AsyncOptions, Progress } from './types.ts';

/** An importer's work cut into `total` steps, then a result. */
export interface Steps<R> {
  total: number;
  step(index: number): void;
  finish(): R;
}

/** Runs every step now; `onProgress` is called every `every` steps and at the end. */
export function runSteps<R>(steps: Steps<R>, onProgress?: (p: Progress) => void, every = 500): R {
  for (let i = 0; i < steps.total; i++) {
    steps.step(i);
    if (onProgress && (i + 1) % every === 0 && i + 1 < steps.total) onProgress({ done: i + 1, total: steps.total });
  }
  onProgress?.({ done: steps.total, total: steps.total });
  return steps.finish();
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs the steps in chunks, yielding between them; reports progress after each chunk. */
export async function runStepsAsync<R>(steps: Steps<R>, options: AsyncOptions = {}): Promise<R> {
  const chunk = Math.max(1, options.chunkSize ?? 500);
  for (let i = 0; i < steps.total; i += chunk) {
    options.signal?.throwIfAborted();
    const end = Math.min(steps.total, i + chunk);
    for (let j = i; j < end; j++) steps.step(j);
    options.onProgress?.({ done: end, total: steps.total });
    if (end < steps.total) await yieldToLoop();
  }
  options.signal?.throwIfAborted();
  if (steps.total === 0) options.onProgress?.({ done: 0, total: 0 });
  return steps.finish();
}

/** Splits text into lines (LF, CRLF or CR), keeping empty ones so line numbers stay right. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
