// Anonymises a report model for a wider audience. Every person, in every form
// the sources know (full name, first name, surname, handle with or without @,
// e-mail, chat id, possessive, any case), becomes one pseudonym: a role when
// one is known ("the on-call engineer"), else a letter ("Responder A").
// Names the review never declared are found in the text (./detect.ts);
// systems and bots keep their names. E-mails, phones, IPs, chat ids and
// secrets are replaced by a label. Every change and every suspected name left
// in place is listed so the facilitator can decide before publishing.
import type { ReportModel } from '../model/types.ts';
import { WB_END, WB_START, escapeRegExp } from '../blameless/words.ts';
import { DETECTORS, type RedactionKind } from './detectors.ts';
import { detectNames, lexiconKind, tagsAt } from './detect.ts';
import { type Person, type PersonSource, buildPeople, fixedKeys, nameKey } from './people.ts';
import { isSystemName } from './systems.ts';

export interface Participant {
  name: string;
  /** `facilitator`, `responder` (default) or any other role, e.g. `DBA`, `on-call SRE`. */
  role?: string | null;
}

export interface AnonymiseOptions {
  /** Named people, in the order their letters are given (link labels first). */
  participants?: readonly Participant[];
  /** More people with every form a source knows (a Slack users.json); after `participants`. */
  people?: readonly PersonSource[];
  /** More names or terms to hide; each becomes `[redacted]`. */
  extraTerms?: readonly string[];
  /** Words the facilitator marked "not a person": never pseudonymised nor flagged. */
  notPeople?: readonly string[];
  /** Pseudonyms fixed at an earlier publication (lower-cased form -> pseudonym): kept as they are. */
  fixed?: Readonly<Record<string, string>>;
}

export interface Change {
  /** Where in the model, e.g. `timeline.entries[3].summary`. */
  path: string;
  kind: RedactionKind;
  original: string;
  replacement: string;
}

/** A word that may be a name, left in place: the facilitator hides it or marks it "not a person". */
export interface Suspect {
  path: string;
  text: string;
}

export interface Anonymised {
  model: ReportModel;
  changes: Change[];
  /** Each person's name -> pseudonym. */
  pseudonyms: Record<string, string>;
  /** Each person with every form that was hidden. */
  people: Person[];
  /** Form (lower case) -> pseudonym for every person: what a publication fixes. */
  assigned: Record<string, string>;
  suspects: Suspect[];
}

/** Stable pseudonyms for a list of participants (no text needed): name -> pseudonym. */
export function pseudonymsFor(participants: readonly Participant[]): Map<string, string> {
  const people = buildPeople(participants.map((p) => ({ names: [p.name], role: p.role ?? null })));
  return new Map(people.map((p) => [p.name, p.pseudonym]));
}

interface Hit {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement: string;
}

interface Matcher {
  kind: RedactionKind;
  re: RegExp;
  replace: (m: RegExpExecArray, text: string) => string;
  accept?: (s: string, text: string, at: number) => boolean;
}

const sentenceStart = (text: string, at: number): boolean => /(?:^|[.!?\n]\s*|^\s*[-*•]\s*)$/u.test(text.slice(0, at));
const NON_NAME_TAGS = ['Verb', 'Modal', 'Adverb', 'Adjective', 'Preposition', 'Determiner', 'Conjunction', 'Month'];

/**
 * Whether a hit on a person's form is that person: a word the lexicon knows
 * as something else ("will", "max", "june", "park") counts when capitalised
 * inside a sentence or tagged as a person there; a known given name ("bob",
 * "mark") counts unless tagged as a verb or the like ("mark the alert").
 */
function isPersonHere(s: string, text: string, at: number): boolean {
  const word = s.replace(/^@/, '');
  if (s.startsWith('@') || /[\s.@_\d]/.test(word)) return true;
  const kind = lexiconKind(word);
  if (kind === 'unknown') return true;
  const capitalisedInside = /^\p{Lu}/u.test(word) && !sentenceStart(text, at);
  if (capitalisedInside) return true;
  // A given name that starts a chat line or owns something ("sam: lag", "Ana's fix") is the person; no parse needed.
  if (kind === 'name' && /^(?::\s|['’]s\b)/u.test(text.slice(at + s.length))) return true;
  const tags = tagsAt(text, at + (s.length - word.length));
  if (kind === 'word') return tags.includes('Person');
  return !NON_NAME_TAGS.some((t) => tags.includes(t)) || tags.includes('Person');
}

/** Every form of every person, mapped to the pseudonym; given names and surnames only when one person has them. */
function personForms(people: readonly Person[]): Map<string, string> {
  const forms = new Map<string, string>();
  const parts = new Map<string, Set<string>>();
  const add = (form: string, pseudonym: string): void => {
    const k = form.toLowerCase();
    if (k.length >= 2 && !forms.has(k)) forms.set(k, pseudonym);
  };
  for (const p of people) {
    for (const n of [...p.names, ...p.handles, ...p.emails]) {
      add(n, p.pseudonym);
      add(nameKey(n), p.pseudonym);
    }
    for (const id of p.ids) add(`<@${id}>`, p.pseudonym);
    for (const n of p.names) {
      const words = nameKey(n.replace(/\s*\(.*\)$/, ''))
        .split(' ')
        .filter((w) => !HONORIFIC.test(w));
      if (words.length < 2) continue;
      for (const w of [words[0]!, words.at(-1)!]) {
        if (w.length < 2 || (w === words.at(-1) && w.length < 3)) continue;
        parts.set(w, (parts.get(w) ?? new Set()).add(p.pseudonym));
      }
    }
  }
  // A part several people share goes to the one declared person among them ("Dana" is Dana Smith even when
  // the text also has a "Dana Smyth"); shared by declared people, it is still hidden, as "[name]".
  const declared = new Set(people.filter((p) => !p.found).map((p) => p.pseudonym));
  for (const [part, owners] of parts) {
    const mine = owners.size === 1 ? [...owners] : [...owners].filter((o) => declared.has(o));
    add(part, mine.length === 1 ? mine[0]! : '[name]');
  }
  return forms;
}

const HONORIFIC = /^(?:mr|mrs|ms|mx|dr|prof|sir)\.?$/;

/** Folds accents so "Kovac" in the text finds "Kovač" in the directory (and the reverse). */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

function nameMatcher(forms: Map<string, string>): Matcher | null {
  if (forms.size === 0) return null;
  const alts = [...new Set([...forms.keys()].flatMap((f) => [f, fold(f)]))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  const lookup = new Map([...forms].map(([k, v]) => [fold(k), v]));
  return {
    kind: 'name',
    re: new RegExp(`${WB_START}@?(?:${alts.join('|')})${WB_END}`, 'giu'),
    replace: (m, text) => {
      const form = m[0].toLowerCase();
      const p =
        forms.get(form) ?? forms.get(form.replace(/^@/, '')) ?? lookup.get(fold(form).replace(/^@/, '')) ?? '[name]';
      return sentenceStart(text, m.index) ? p.charAt(0).toUpperCase() + p.slice(1) : p;
    },
    accept: isPersonHere,
  };
}

function termMatcher(extraTerms: readonly string[]): Matcher | null {
  const terms = extraTerms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (terms.length === 0) return null;
  const alts = terms.sort((a, b) => b.length - a.length).map(escapeRegExp);
  return {
    kind: 'term',
    re: new RegExp(`${WB_START}(?:${alts.join('|')})${WB_END}`, 'giu'),
    replace: () => '[redacted]',
  };
}

/** Redacts one text; returns the new text and the hits, in order. */
function redactText(
  text: string,
  matchers: readonly Matcher[],
): { text: string; hits: (Hit & { original: string })[] } {
  const hits: Hit[] = [];
  const overlaps = (s: number, e: number): boolean => hits.some((h) => s < h.end && e > h.start);
  for (const m of matchers) {
    m.re.lastIndex = 0;
    let r: RegExpExecArray | null;
    while ((r = m.re.exec(text)) !== null) {
      if (r[0].length === 0) {
        m.re.lastIndex++;
        continue;
      }
      const start = r.index;
      const end = start + r[0].length;
      if (overlaps(start, end) || (m.accept && !m.accept(r[0], text, start))) continue;
      hits.push({ start, end, kind: m.kind, replacement: m.replace(r, text) });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.start) + h.replacement;
    at = h.end;
  }
  out += text.slice(at);
  return { text: out, hits: hits.map((h) => ({ ...h, original: text.slice(h.start, h.end) })) };
}

// Structural fields: ids, enumerations and dates carry no personal data.
const SKIP = new Set([
  'id',
  'reviewId',
  'kind',
  'status',
  'precision',
  'scope',
  'type',
  'name',
  'priority',
  'impactLevel',
  'effortLevel',
  'due',
  'timeZone',
  'severity',
  'evidence',
  'level',
]);

/** Calls `visit` on every free-text string of the model with its path. */
function strings(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, visit));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!SKIP.has(k)) strings(v, path ? `${path}.${k}` : k, visit);
  }
}

/**
 * Authors of imported entries (the entry's `author`; bots and systems are not
 * people). Entries imported before authors were a field had the sender pasted
 * in front of a chat summary ("Ana (SRE): text"); those are read too.
 */
function chatAuthors(model: ReportModel): string[] {
  const out = new Set<string>();
  for (const e of model.timeline.entries) {
    if (e.author) {
      if (!isSystemName(e.author)) out.add(e.author.trim());
      continue;
    }
    if (e.source.type !== 'chat') continue;
    const m = /^([^:\n]{2,60}):\s/.exec(e.summary);
    if (m && !isSystemName(m[1]!)) out.add(m[1]!.trim());
  }
  return [...out];
}

/**
 * Anonymises the model. People come from `participants`, `people`, the
 * model's own names and chat authors, then names found in the text; each
 * gets one pseudonym (kept from `fixed` when it has one). The input is not
 * modified.
 */
export function anonymise(model: ReportModel, options: AnonymiseOptions = {}): Anonymised {
  const notPeople = new Set((options.notPeople ?? []).map(nameKey));
  const texts: { text: string; path: string }[] = [];
  strings(model, '', (text, path) => texts.push({ text, path }));
  const declared: PersonSource[] = [
    ...(options.participants ?? []).map((p) => ({ names: [p.name], role: p.role ?? null })),
    ...model.people.map((n) => ({ names: [n] })),
    ...(options.people ?? []),
    ...chatAuthors(model).map((n) => ({ names: [n] })),
  ];
  // Declared people's words need no tagger: only texts with other candidate words are parsed.
  const known = new Set(
    [...personForms(buildPeople(declared, {}, notPeople)).keys()].flatMap((f) => [f, ...f.split(' ')]),
  );
  const detections = texts.map(({ text }) =>
    detectNames(text, known).filter(
      (d) => !notPeople.has(nameKey(d.text)) && !(options.extraTerms ?? []).some((t) => nameKey(t) === nameKey(d.text)),
    ),
  );
  const sources: PersonSource[] = [
    ...declared,
    // Found in the text: last, so declared people keep their letters whatever is found.
    ...detections.flat().flatMap((d) => (d.confidence === 'name' ? [{ names: [d.text], found: true }] : [])),
  ];
  const people = buildPeople(sources, options.fixed ?? {}, notPeople);
  const forms = personForms(people);
  const matchers = [
    ...DETECTORS.slice(0, -1),
    nameMatcher(forms),
    termMatcher(options.extraTerms ?? []),
    ...DETECTORS.slice(-1),
  ].filter((m): m is Matcher => m !== null);

  const changes: Change[] = [];
  const suspects: Suspect[] = [];
  const out = new Map<string, string>();
  texts.forEach(({ text, path }, i) => {
    const { text: redacted, hits } = redactText(text, matchers);
    for (const h of hits) changes.push({ path, kind: h.kind, original: h.original, replacement: h.replacement });
    out.set(path, redacted);
    for (const d of detections[i]!) {
      if (d.confidence !== 'suspect' || hits.some((h) => d.start < h.end && d.end > h.start)) continue;
      if (forms.has(d.text.toLowerCase())) continue;
      suspects.push({ path, text: d.text });
    }
  });
  const rebuild = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') return out.get(path) ?? value;
    if (Array.isArray(value)) return value.map((v, i) => rebuild(v, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) o[k] = SKIP.has(k) ? v : rebuild(v, path ? `${path}.${k}` : k);
      return o;
    }
    return value;
  };
  const assigned: Record<string, string> = {};
  for (const p of people) for (const k of fixedKeys(p)) assigned[k] ??= p.pseudonym;
  return {
    model: rebuild(model, '') as ReportModel,
    changes,
    pseudonyms: Object.fromEntries(people.map((p) => [p.name, p.pseudonym])),
    people,
    assigned,
    suspects,
  };
}
