// What a test needs from the machine and does not bring itself (a browser, a service, root):
// a missing one fails the test with the exact fix, never skips it. Outside CI the fix is
// also printed as a banner, so it stands out among the failures it causes.

const onCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

/** The error for an unmet requirement: what needs it, what to run, and the underlying cause. */
export function unmetRequirement(need: string, fix: string, cause?: unknown): Error {
  const why = cause instanceof Error ? `\n(${cause.message.trim()})` : '';
  const message = `${need}: ${fix}${why}`;
  if (onCi()) return new Error(`on CI: ${message}`, { cause });
  console.error(`\n\n*** ${need}\n*** ${fix}\n\n`);
  return new Error(message, { cause });
}
