// Starts a server under test by kind.
import { startHindsight } from './hindsight.ts';
import { startRaw } from './raw.ts';
import { startReference } from './reference.ts';
import type { ServerKind, ServerUnderTest } from './types.ts';

export function startServer(kind: ServerKind): Promise<ServerUnderTest> {
  switch (kind) {
    case 'hindsight':
    case 'baseline':
      return startHindsight({ kind });
    case 'reference':
      return startReference();
    case 'raw':
      return startRaw();
  }
}
