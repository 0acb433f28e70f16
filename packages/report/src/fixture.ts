// A realistic review built with packages/doc operations, for the golden
// tests, the XSS test and the render benchmark. Deterministic: fixed clock
// and ids, so its exports are byte-for-byte stable.
import * as Y from 'yjs';
import {
  addAction,
  addAnnotation,
  addEntry,
  addWhy,
  ensureEntryNotes,
  initReview,
  linkEarlierReview,
  roots,
  sequenceContext,
  setAnswer,
  setDelayThresholds,
  setIncidentTime,
  setNarrative,
  updateAction,
} from '@hindsight/doc';

/** Incident start of the sample review: 2026-03-01 09:52 UTC. */
export const SAMPLE_T0 = Date.UTC(2026, 2, 1, 9, 52);
const min = (n: number): number => SAMPLE_T0 + n * 60_000;

/** Writes paragraphs into a notes fragment; `[text](url)` becomes a link mark, `**x**` bold. */
export function writeRich(fragment: Y.XmlFragment, paragraphs: readonly string[]): void {
  const nodes = paragraphs.map((p) => {
    const el = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    el.insert(0, [text]);
    return { el, text, p };
  });
  fragment.insert(
    fragment.length,
    nodes.map((n) => n.el),
  );
  for (const { text, p } of nodes) {
    const parts = p.split(/(\[[^\]]+\]\([^)]+\)|\*\*[^*]+\*\*)/).filter(Boolean);
    for (const part of parts) {
      const link = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part);
      const bold = /^\*\*([^*]+)\*\*$/.exec(part);
      if (link) text.insert(text.length, link[1]!, { link: { href: link[2] } });
      else if (bold) text.insert(text.length, bold[1]!, { bold: true });
      else text.insert(text.length, part, {});
    }
  }
}

/** The sample review: a checkout outage with timeline, whys, human factors, narrative and actions. */
export function sampleReview(extraEntries = 0): Y.Doc {
  const doc = new Y.Doc();
  const ctx = (actor: string) => ({
    ...sequenceContext({ prefix: `${actor.slice(0, 2).toLowerCase()}-`, start: min(200), actor }),
  });
  const fay = ctx('Fay Okafor');
  const dana = ctx('Dana Smith');
  const priya = ctx('Priya Patel');
  initReview(
    doc,
    {
      id: 'rev-sample',
      title: 'Checkout outage after config push',
      severity: 'SEV1',
      startedAt: SAMPLE_T0,
      timeZone: 'Europe/Berlin',
    },
    sequenceContext({ prefix: 'init-', start: min(180) }),
  );
  setIncidentTime(doc, { marker: 'detected', at: min(6) }, fay);
  setIncidentTime(doc, { marker: 'acknowledged', at: min(11) }, fay);
  setIncidentTime(doc, { marker: 'mitigated', at: min(38) }, fay);
  setIncidentTime(doc, { marker: 'resolved', at: min(71) }, fay);
  const e = (c: typeof fay, at: number, summary: string, more: Partial<Parameters<typeof addEntry>[1]> = {}) =>
    addEntry(doc, { at: min(at), summary, ...more }, c);
  const push = e(dana, 0, 'Config push v412 to the edge proxies (routing table for checkout)', {
    kind: 'deploy',
    source: 'deploy',
    sourceRef: 'deploy #412',
    sourceUrl: 'https://ci.example.com/deploys/412',
    starred: true,
    tags: ['config', 'edge'],
  });
  const alert = e(priya, 6, 'Alert: checkout 5xx rate > 5% for 3 minutes', {
    kind: 'alert',
    source: 'alert',
    sourceRef: 'checkout-5xx',
    starred: true,
  });
  e(priya, 11, 'Priya acknowledges the page and opens #inc-checkout', { kind: 'action' });
  const gap = e(dana, 19, 'Dashboards show healthy upstreams; the 5xx come from the edge', {
    kind: 'observation',
    starred: true,
  });
  e(fay, 24, 'Decision: roll back the config push rather than patch forward', { kind: 'decision', starred: true });
  const rollback = e(dana, 31, 'Rollback of v412 starts; the deploy tool queues it behind a scheduled push', {
    kind: 'action',
    precision: 'approximate',
    approxMinutes: 2,
  });
  e(priya, 38, 'Error rate back under 1% (mitigated)', { kind: 'observation', starred: true });
  e(fay, 45, 'Status page updated: "Checkout degraded between 09:52 and 10:30 UTC" <b>resolved</b>', {
    kind: 'communication',
  });
  e(dana, 71, 'Incident resolved; queue drained & orders replayed', { kind: 'marker', starred: true });
  // Extra log entries for benchmarks; every fifth has rich notes (so the sanitizer runs on them too).
  for (let i = 0; i < extraEntries; i++) {
    const id = addEntry(
      doc,
      {
        at: min(72 + i / 10),
        summary: `Log line ${i}: proxy reload on edge-${i % 40} | took ${i % 90} ms`,
        kind: 'observation',
        source: 'log',
      },
      dana,
    );
    if (i % 5 === 0) {
      writeRich(ensureEntryNotes(doc, id, dana), [
        `Reload **${i}** after [config sync](https://ci.example.com/sync/${i}).`,
        'Dana Smith <dana@example.com> watched it.',
      ]);
    }
  }
  doc.transact(() => {
    writeRich(ensureEntryNotes(doc, push, dana), [
      'Pushed by the **deploy pipeline** after review; see [the diff](https://git.example.com/edge/commit/9f2c1e7).',
      'The diff hid the changed upstream line in a 400-line file.',
    ]);
    writeRich(ensureEntryNotes(doc, gap, dana), ['Missing information: the edge had no per-route error panel.']);
    writeRich(roots(doc).report, [
      'On 1 March a config push to the edge proxies routed checkout traffic to a retired upstream pool. Checkout failed for about 38 minutes until the push was rolled back.',
      'The review found three contributing factors: a review process that could not show the effective routing change, missing per-route visibility at the edge, and a deploy queue that delayed the rollback.',
    ]);
  });
  addAnnotation(
    doc,
    {
      target: { type: 'entry', id: gap },
      kind: 'delay',
      text: '8 minutes from page to locating the edge as the source',
    },
    fay,
  );
  addAnnotation(
    doc,
    {
      target: { type: 'entry', id: alert },
      kind: 'missing_information',
      text: 'The alert did not say which route failed',
    },
    fay,
  );
  addAnnotation(
    doc,
    {
      target: { type: 'entry', id: rollback },
      kind: 'automation_failed',
      text: 'The deploy tool has no priority lane: the rollback waited behind a scheduled push',
    },
    fay,
  );
  // Tighter than the defaults, so the timeline analysis has delays of both kinds to show.
  setDelayThresholds(doc, { alertResponseMs: 5 * 60_000, detectMitigateMs: 30 * 60_000 }, fay);
  const w1 = addWhy(
    doc,
    { text: 'Checkout requests were routed to a retired upstream pool', status: 'supported' },
    fay,
  );
  const w2 = addWhy(
    doc,
    {
      parentId: w1,
      text: 'The config diff hid the changed upstream in a 400-line file',
      status: 'supported',
      factor: 'process',
    },
    fay,
  );
  addWhy(
    doc,
    {
      parentId: w2,
      text: 'Routing configs are reviewed as raw text, not as the effective routes',
      factor: 'technology',
    },
    fay,
  );
  const w4 = addWhy(doc, { text: 'Mitigation took 27 minutes after the page', status: 'supported' }, fay);
  const w5 = addWhy(
    doc,
    { parentId: w4, text: 'The deploy tool queued the rollback behind a scheduled push', factor: 'technology' },
    fay,
  );
  const w6 = addWhy(
    doc,
    { parentId: w4, text: 'The on-call engineer was covering two rotations that night', factor: 'people' },
    fay,
  );
  setAnswer(doc, { id: 'rested', text: 'Priya had been paged twice the night before.' }, fay);
  setAnswer(doc, { id: 'ownership', text: 'The edge config had no clear owning team after the re-org.' }, fay);
  setAnswer(doc, { id: 'communication', text: 'Support learned about the outage from customers, 20 minutes in.' }, fay);
  setNarrative(
    doc,
    {
      section: 'impact',
      text: 'About 38 minutes of failed checkouts in EU and US (roughly 4,100 orders), replayed afterwards.\nNo data was lost.',
    },
    fay,
  );
  setNarrative(
    doc,
    {
      section: 'wentWell',
      text: 'The 5xx alert fired within 6 minutes.\nThe decision to roll back was made quickly and together.',
    },
    fay,
  );
  setNarrative(doc, { section: 'wentWrong', text: 'The rollback waited in the deploy queue for 7 minutes.' }, fay);
  setNarrative(doc, { section: 'gotLucky', text: 'It happened on a Sunday morning with low traffic.' }, fay);
  const a1 = addAction(
    doc,
    {
      title: 'Render effective routes in config review (diff of routes, not text)',
      owner: 'Dana Smith',
      due: '2026-03-20',
      impact: 'high',
      effort: 'medium',
      factorIds: [w2],
    },
    fay,
  );
  addAction(
    doc,
    {
      title: 'Let rollbacks skip the deploy queue',
      owner: 'Priya Patel',
      due: '2026-03-15',
      impact: 'high',
      effort: 'low',
      factorIds: [w5],
      link: 'https://tracker.example.com/OPS-88',
    },
    fay,
  );
  addAction(
    doc,
    {
      title: 'Per-route 5xx panel and alert label at the edge',
      owner: 'Dana Smith',
      due: '2026-04-01',
      impact: 'medium',
      effort: 'medium',
    },
    fay,
  );
  addAction(
    doc,
    {
      title: 'Cap on-call at one rotation per person',
      due: '2026-04-15',
      impact: 'medium',
      effort: 'high',
      factorIds: [w6],
    },
    fay,
  );
  updateAction(doc, { id: a1, status: 'in_progress' }, fay);
  linkEarlierReview(doc, { reviewId: 'rev-2025-edge', title: 'Edge proxy reload loop (Nov 2025)' }, fay);
  return doc;
}
