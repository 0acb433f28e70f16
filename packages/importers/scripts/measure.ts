// Measures parse + import time of the big fixtures into a fresh Y.Doc.
// Run from the repo root: node --import tsx packages/importers/scripts/measure.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { defaultContext, initReview, readTimeline } from '@hindsight/doc';
import { applyImport, parseLogs, parseSlackExport, type ParseResult, type SourceFile } from '../src/index.ts';

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));
const RUNS = 7;

function slackFiles(): SourceFile[] {
  const root = join(fixtures, 'slack-export');
  const out: SourceFile[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ name: relative(root, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(root);
  return out;
}

function freshReview(): Y.Doc {
  const doc = new Y.Doc();
  initReview(doc, { id: 'm', title: 'Measure', timeZone: 'Europe/Berlin' }, defaultContext('measure'));
  return doc;
}

function measure(name: string, parse: () => ParseResult): void {
  const parseMs: number[] = [];
  const applyMs: number[] = [];
  let entries = 0;
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const doc = freshReview();
    const t0 = performance.now();
    const result = parse();
    const t1 = performance.now();
    applyImport(doc, result.candidates, defaultContext('measure'));
    const t2 = performance.now();
    parseMs.push(t1 - t0);
    applyMs.push(t2 - t1);
    entries = readTimeline(doc).length;
    bytes = Y.encodeStateAsUpdate(doc).length;
    doc.destroy();
  }
  // The first run includes JIT warm-up; report it and the median of the rest.
  const median = (xs: number[]): number => [...xs.slice(1)].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const f = (ms: number): string => `${ms.toFixed(1)} ms`;
  console.log(
    `${name}: ${entries} entries, doc ${(bytes / 1024).toFixed(0)} KiB | parse ${f(median(parseMs))} + import ${f(median(applyMs))} = ${f(median(parseMs) + median(applyMs))} (median of ${RUNS - 1}; cold first run ${f(parseMs[0]! + applyMs[0]!)})`,
  );
}

const log = readFileSync(join(fixtures, 'logs/checkout-api.log'), 'utf8');
const files = slackFiles();
measure('2,000-line log', () => parseLogs(log, { timeZone: 'Europe/Berlin', fileName: 'checkout-api.log' }));
measure('Slack export (#inc-checkout)', () => parseSlackExport(files, { workspaceUrl: 'https://acme.slack.com' }));
