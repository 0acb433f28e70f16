// Times the report of a 5,000-entry review: building the model, Markdown and
// HTML rendering (all entries in the timeline), and anonymising.
// Run: cd packages/report && node --import tsx scripts/renderBench.ts
import { sampleReview } from '../src/fixture.ts';
import { anonymise } from '../src/anonymise/anonymise.ts';
import { buildReportModel } from '../src/model/build.ts';
import { renderHtml } from '../src/render/html.ts';
import { renderMarkdown } from '../src/render/markdown.ts';
import { checkReview } from '../src/blameless/checkReview.ts';

const ENTRIES = 5_000;
const RUNS = 5;

function time<T>(what: string, run: () => T): T {
  const ms: number[] = [];
  let out!: T;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    out = run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${what.padEnd(34)} median ${ms[RUNS >> 1]!.toFixed(1).padStart(7)} ms   min ${ms[0]!.toFixed(1)} ms`);
  return out;
}

const doc = sampleReview(ENTRIES - 9);
console.log(
  `review with ${buildReportModel(doc, { timeline: 'all' }).timeline.entries.length} entries, ${RUNS} runs each`,
);
const model = time('build report model', () => buildReportModel(doc, { timeline: 'all' }));
const md = time('render Markdown', () => renderMarkdown(model));
const html = time('render HTML', () => renderHtml(model));
time('model + Markdown', () => renderMarkdown(buildReportModel(doc, { timeline: 'all' })));
time('model + HTML', () => renderHtml(buildReportModel(doc, { timeline: 'all' })));
time('anonymise model', () => anonymise(model, { participants: [{ name: 'Fay Okafor', role: 'facilitator' }] }));
time('blameless checklist (checkReview)', () => checkReview(doc));
console.log(`Markdown ${(md.length / 1024).toFixed(0)} KiB, HTML ${(html.length / 1024).toFixed(0)} KiB`);
