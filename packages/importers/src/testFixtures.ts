// Test-only: reads the committed fixtures in tests/fixtures (Node file system,
// so this file is exempt from the package's no-node:* lint rule).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { initReview, sequenceContext, type OpContext } from '@hindsight/doc';
import type { SourceFile } from './slackExport.ts';

/** Absolute path of tests/fixtures. */
export const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));

/** A fixture's text, by path relative to tests/fixtures. */
export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Every file under a fixture folder, named by its path inside it (as in a Slack export zip). */
export function fixtureFiles(dir: string): SourceFile[] {
  const root = join(FIXTURES, dir);
  const out: SourceFile[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ name: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  walk(root);
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** A deterministic context for imports in tests. */
export function importCtx(prefix = 'imp'): OpContext {
  return sequenceContext({ prefix, start: Date.UTC(2026, 9, 25, 9, 0), actor: 'Importer' });
}

/** A fresh review of the fixtures' incident, in Europe/Berlin, started 2026-10-24 23:38 CEST. */
export function fixtureReview(): Y.Doc {
  const doc = new Y.Doc();
  initReview(
    doc,
    { id: 'r1', title: 'Checkout outage', startedAt: Date.UTC(2026, 9, 24, 21, 38), timeZone: 'Europe/Berlin' },
    sequenceContext({ prefix: 'init', start: Date.UTC(2026, 9, 25, 8, 0), actor: 'server' }),
  );
  return doc;
}
