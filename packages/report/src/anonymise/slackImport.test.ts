// The anonymiser over a real import: the Slack export fixture (8 people, an
// Alertmanager bot) imported into a review, plus what a facilitator writes by
// hand (labels with roles, owners, names the review never declared). Nothing
// that identifies a person may survive in the report, its Markdown or HTML;
// pseudonyms stay put across publications. Prints precision and recall.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addEntry,
  addRedaction,
  fixPseudonyms,
  readPseudonyms,
  recordPeople,
  sequenceContext,
  setNarrative,
} from '@hindsight/doc';
import { applyImport, parseSlackExport } from '@hindsight/importers';
import { fixtureFiles, fixtureReview } from '../../../importers/src/testFixtures.ts';
import { buildReportModel } from '../model/build.ts';
import { exportReport, fixReviewPseudonyms, reviewAnonymiseOptions } from '../report.ts';
import { anonymise } from './anonymise.ts';

const ctx = sequenceContext({ prefix: 't', start: Date.UTC(2026, 9, 25, 9, 0), actor: 'Fay (IC)' });
// Link labels as the server passes them: the facilitator's and an editor's with a role.
const LINKS = [
  { name: 'Fay (IC)', role: 'facilitator' },
  { name: 'Ben (on-call SRE)', role: 'responder' },
];

const USERS = JSON.parse(fixtureFiles('slack-export').find((f) => f.name === 'users.json')!.text) as {
  name: string;
  real_name: string;
  profile: { display_name: string };
}[];
/** Every form of every fixture person a reader could recognise. */
const FORMS = [
  ...new Set(
    USERS.flatMap((u) => [
      u.name,
      u.real_name,
      ...u.real_name.split(' '),
      u.profile.display_name.replace(/\s*\(.*\)$/, ''),
    ]),
  ),
].filter((f) => f.length >= 2);

function importedReview(handWritten = true): Y.Doc {
  const doc = fixtureReview();
  const parsed = parseSlackExport(fixtureFiles('slack-export'));
  applyImport(doc, parsed.candidates, ctx);
  recordPeople(doc, parsed.people ?? [], ctx);
  if (!handWritten) return doc;
  // What the team wrote by hand: surnames, possessives, a lower-case handle, an unseen person.
  addEntry(
    doc,
    {
      at: Date.UTC(2026, 9, 24, 22, 10),
      kind: 'action',
      summary: "Ben Okafor's page was acked late; Alertmanager had paged ben twice",
      notes: 'Talked with Carol Diaz from payments, then pinged bob about the replica.',
      starred: true,
    },
    ctx,
  );
  addAction(doc, { title: 'Move the export off the checkout pool', owner: 'Gus Lindqvist' }, ctx);
  addAction(doc, { title: 'Page the secondary after 5 minutes', owner: 'Devi' }, ctx);
  setNarrative(doc, { section: 'wentWell', text: "Ana's rollback of the canary and Okafor's quick page." }, ctx);
  return doc;
}

const options = (doc: Y.Doc) => reviewAnonymiseOptions(doc, { participants: LINKS });
const words = (s: string): RegExp =>
  new RegExp(`(?<![\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu');

// The first run parses a few hundred chat lines with the tagger: seconds on a busy 2-core machine.
describe('anonymise: a Slack export imported and published', { timeout: 30_000 }, () => {
  it('leaves no real name, surname, handle or display name in the report, Markdown or HTML', () => {
    const doc = importedReview();
    const { model, people } = anonymise(buildReportModel(doc, { timeline: 'all' }), options(doc));
    const md = exportReport(doc, { format: 'md', timeline: 'all', anonymise: { participants: LINKS } }).body;
    const html = exportReport(doc, { format: 'html', timeline: 'all', anonymise: { participants: LINKS } }).body;
    for (const text of [JSON.stringify(model), md, html]) {
      for (const form of [...FORMS, 'Carol', 'Diaz', 'bob']) expect(text, form).not.toMatch(words(form));
    }
    // Systems keep their names; one person, one pseudonym (labels, handles and display names merged).
    expect(md).toContain('Alertmanager');
    expect(people.find((p) => p.names.includes('Alertmanager'))).toBeUndefined();
    const ben = people.filter((p) => p.names.some((n) => n.startsWith('Ben')) || p.handles.includes('ben'));
    expect(ben).toHaveLength(1);
    expect(ben[0]!.pseudonym).toBe('the on-call engineer');
    expect(people.find((p) => p.names.includes('Fay Hughes'))!.pseudonym).toBe('the facilitator');
    expect(new Set(people.map((p) => p.pseudonym)).size).toBe(people.length);
  });

  it('keeps every pseudonym across publications, also after a name is added to "Also hide"', () => {
    const doc = importedReview();
    const before = anonymise(buildReportModel(doc, { timeline: 'all' }), options(doc)).pseudonyms;
    fixReviewPseudonyms(doc, { participants: LINKS }, ctx);
    const v1 = { ...readPseudonyms(doc) };
    addRedaction(doc, { term: 'Aaron Abbott', kind: 'name' }, ctx);
    addEntry(
      doc,
      { at: Date.UTC(2026, 9, 24, 23, 0), kind: 'observation', summary: 'Aaron Abbott asked Hana for logs' },
      ctx,
    );
    const after = anonymise(buildReportModel(doc, { timeline: 'all' }), options(doc));
    for (const [name, pseudonym] of Object.entries(before)) expect(after.pseudonyms[name], name).toBe(pseudonym);
    fixReviewPseudonyms(doc, { participants: LINKS }, ctx);
    const v2 = readPseudonyms(doc);
    for (const [form, pseudonym] of Object.entries(v1)) expect(v2[form], form).toBe(pseudonym);
    expect(after.pseudonyms['Aaron Abbott']).toMatch(/^Responder [A-Z]+$/);
    expect(Object.values(before)).not.toContain(after.pseudonyms['Aaron Abbott']);
    // A fixed pseudonym is never overwritten.
    expect(fixPseudonyms(doc, { 'hana sato': 'Responder Z' }, ctx)).toBe(0);
  });

  it('measures precision and recall on the names in the imported texts', () => {
    const doc = importedReview(false);
    const model = buildReportModel(doc, { timeline: 'all' });
    const result = anonymise(model, options(doc));
    const gold = new RegExp(FORMS.map((f) => words(f).source).join('|'), 'giu');
    let occurrences = 0;
    let survived = 0;
    const before = JSON.stringify(model.timeline.entries.map((e) => [e.author, e.summary, e.notes]));
    const after = JSON.stringify(result.model.timeline.entries.map((e) => [e.author, e.summary, e.notes]));
    occurrences = before.match(gold)?.length ?? 0;
    survived = after.match(gold)?.length ?? 0;
    const names = result.changes.filter((c) => c.kind === 'name' && c.path.startsWith('timeline'));
    const truePositives = names.filter((c) => c.original.replace(/^@/, '').match(gold)).length;
    const precision = truePositives / names.length;
    const wrong = names.filter((c) => !c.original.replace(/^@/, '').match(gold)).map((c) => c.original);
    if (wrong.length > 0) console.log('hidden but not a name:', wrong);
    const recall = (occurrences - survived) / occurrences;
    console.log(
      `anonymiser on the Slack export import: ${occurrences} name occurrences, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(occurrences).toBeGreaterThan(300);
    expect(recall).toBe(1);
    expect(precision).toBe(1);
  });
});

// The fixed pseudonyms live in the document, so a publication's stored state carries them.
it('a publication state carries its pseudonyms', { timeout: 30_000 }, () => {
  const doc = importedReview();
  fixReviewPseudonyms(doc, { participants: LINKS }, ctx);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  expect(readPseudonyms(copy)).toEqual(readPseudonyms(doc));
  expect(Object.keys(readPseudonyms(copy))).toContain('fay hughes');
});
