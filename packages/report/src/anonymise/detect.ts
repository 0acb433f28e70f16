// Finding names the review never declared: compromise's part-of-speech tagger
// (its lexicon of given names and surnames, honorifics and context rules) finds
// people ("Carol Diaz", a lower-case "bob"), and a few patterns find names
// after the verbs of an incident ("paged Priya", "asked kenji", "with Lee
// Park"). Confident finds are hidden like declared people; the rest are
// *suspects*, left in place and listed for the facilitator to decide.
// compromise/two (the tagger without the extra plugins) runs in browsers and
// Node; it is parsed only for texts that hold a candidate word, and cached.
import nlp from 'compromise/two';
import { isSystemName } from './systems.ts';

export interface Detection {
  start: number;
  end: number;
  text: string;
  /** `name`: hide it; `suspect`: leave it, but show it in the preview. */
  confidence: 'name' | 'suspect';
}

type LexTag = string | string[];
// Read on first use, not at import: bundles that never anonymise (the client) can drop compromise.
let lexicon: Record<string, LexTag> | null = null;
const LEXICON = (): Record<string, LexTag> =>
  (lexicon ??= (nlp.model() as { one: { lexicon: Record<string, LexTag> } }).one.lexicon);
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);

/** What compromise's lexicon says a word is: a `name`, another `word`, or `unknown`. */
export function lexiconKind(word: string): 'name' | 'word' | 'unknown' {
  const tag = LEXICON()[word.toLowerCase()];
  if (tag === undefined) return 'unknown';
  const tags = Array.isArray(tag) ? tag : [tag];
  return tags.some((t) => NAME_TAGS.has(t)) ? 'name' : 'word';
}

interface Term {
  start: number;
  end: number;
  tags: string[];
}

const parsed = new Map<string, Term[]>();
const CACHE_MAX = 5000;

/** The text's terms with their tags and offsets (parsed once per distinct text). */
export function terms(text: string): Term[] {
  const hit = parsed.get(text);
  if (hit) return hit;
  const out: Term[] = [];
  for (const sentence of nlp(text).json({ offset: true, terms: { offset: true } }) as {
    terms: { offset: { start: number; length: number }; tags: string[] }[];
  }[]) {
    for (const t of sentence.terms)
      out.push({ start: t.offset.start, end: t.offset.start + t.offset.length, tags: t.tags });
  }
  if (parsed.size >= CACHE_MAX) parsed.delete(parsed.keys().next().value!);
  parsed.set(text, out);
  return out;
}

/** Tags of the term at `start` in `text`. */
export function tagsAt(text: string, start: number): string[] {
  return terms(text).find((t) => start >= t.start && start < t.end)?.tags ?? [];
}

const WORD = /[\p{L}][\p{L}'’-]*/gu;
const sentenceStart = (text: string, at: number): boolean =>
  /(?:^|[.!?:;\n]\s*|^\s*[-*•]\s*)$/u.test(text.slice(0, at));

/**
 * A cheap look before parsing: a capitalised word inside a sentence, or a
 * word the lexicon knows as a name, that is not one of the `known` forms
 * (declared people are found without the tagger).
 */
function hasCandidate(text: string, known: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (known.has(w.toLowerCase().replace(/['’]s$/, ''))) continue;
    const kind = lexiconKind(w);
    if (kind === 'name') return true;
    if (/^\p{Lu}\p{Ll}/u.test(w) && kind === 'unknown' && !sentenceStart(text, m.index) && !isSystemName(w))
      return true;
  }
  return false;
}

/** Words after a trigger that are never a name. */
const NOT_NAMES = new Set([
  'the',
  'a',
  'an',
  'him',
  'her',
  'them',
  'us',
  'me',
  'it',
  'you',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'anyone',
  'nobody',
  'all',
  'both',
  'each',
  'our',
  'their',
  'his',
  'my',
  'your',
  'its',
  'this',
  'that',
  'these',
  'those',
  'no',
  'again',
  'back',
  'up',
  'out',
  'in',
  'on',
  'for',
  'about',
  'support',
  'team',
  'oncall',
  'on-call',
  'secondary',
  'primary',
  'whoever',
  'people',
  'customers',
  'ops',
  'sre',
  'dba',
  'ic',
  'eng',
  'engineering',
  'security',
]);
// Verbs that take a person: "paged X", "asked X". With/by/from take anything, so only capitalised names follow them.
const STRONG =
  "asked|ask|asks|told|tell|tells|paged|page|pages|pinged|ping|pings|called|messaged|texted|phoned|woke(?: up)?|cc(?:'d)?|thanks|thank|escalated to|handed(?: it)?(?: over)? to|reached out to|according to|per";
const TRIGGER = new RegExp(
  `(?<![\\p{L}])(?:(${STRONG})|(with|by|from))\\s+@?([\\p{L}][\\p{L}'’-]*)(?:\\s+(\\p{Lu}[\\p{L}'’-]+))?`,
  'giud',
);
const ARTICLE_BEFORE =
  /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|our|their|his|her|my|your|its|some|any|each|every|no)\s+$/iu;
const stripPossessive = (s: string): string => s.replace(/['’]s$/i, '');
const capitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
const nameLike = (w: string): boolean =>
  !NOT_NAMES.has(w.toLowerCase()) && lexiconKind(w) !== 'word' && !isSystemName(w);

function triggerFinds(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(TRIGGER)) {
    const strong = m[1] !== undefined;
    const first = stripPossessive(m[3]!);
    if (!nameLike(first)) continue;
    const [firstStart] = m.indices![3]!;
    const second = m[4] !== undefined && capitalised(first) && nameLike(stripPossessive(m[4]));
    const end = second ? m.indices![4]![0] + stripPossessive(m[4]!).length : firstStart + first.length;
    const known = lexiconKind(first) === 'name';
    let confidence: Detection['confidence'] | null = null;
    if (second) confidence = 'name';
    else if (capitalised(first)) confidence = strong || known ? 'name' : 'suspect';
    else if (known) confidence = 'name';
    else if (strong) confidence = 'suspect';
    if (confidence) out.push({ start: firstStart, end, text: text.slice(firstStart, end), confidence });
  }
  return out;
}

function taggerFinds(text: string): Detection[] {
  const out: Detection[] = [];
  let run: { start: number; end: number }[] = [];
  let honorific = false;
  const flush = (): void => {
    if (run.length === 0) return;
    const start = run[0]!.start;
    // Only words that look like a name: capitalised ("Diaz") or a known given name ("bob"), not "CPU" or "replication".
    const looks = (w: string): boolean => /^\p{Lu}\p{Ll}/u.test(w) || lexiconKind(w.replace(/['’]s$/, '')) === 'name';
    const kept: string[] = [];
    for (const w of text.slice(start, run.at(-1)!.end).split(' ')) {
      if (!looks(w)) break;
      kept.push(w);
    }
    const span = stripPossessive(kept.join(' '));
    run = [];
    if (span.length < 2 || isSystemName(span) || NOT_NAMES.has(span.toLowerCase())) return;
    // "the spike", "a bob": a lower-case word after an article is not a name.
    if (/^\p{Ll}/u.test(span) && ARTICLE_BEFORE.test(text.slice(0, start))) return;
    const words = span.split(/\s+/);
    const given = words.some((w) => lexiconKind(w.replace(/\.$/, '')) === 'name');
    // A lone word the lexicon calls something else ("Will" the modal) is left to the context check.
    if (!given && words.length === 1 && lexiconKind(span) === 'word') return;
    out.push({ start, end: start + span.length, text: span, confidence: given ? 'name' : 'suspect' });
  };
  for (const t of terms(text)) {
    // A term's offsets include trailing punctuation ("bob."): a name is letters, and punctuation ends it.
    const raw = text.slice(t.start, t.end);
    const word = t.tags.includes('Honorific') ? raw : raw.replace(/[,;:!?)\]"]+$|(?<=\p{Ll}{2})\.$/u, '');
    const gap = run.length > 0 ? text.slice(run.at(-1)!.end, t.start) : ' ';
    // "Mrs. Abara": the honorific's period is between the terms.
    const joined = /^ ?$/.test(gap) || (/^\. ?$/.test(gap) && honorific);
    honorific = t.tags.includes('Honorific');
    if (!t.tags.includes('Person') || !/^[\p{L}][\p{L}'’.-]*$/u.test(word) || !joined) {
      flush();
      if (!t.tags.includes('Person') || !/^[\p{L}][\p{L}'’.-]*$/u.test(word)) continue;
    }
    run.push({ start: t.start, end: t.start + word.length });
    if (word.length !== raw.length) flush();
  }
  flush();
  return out;
}

/** Capitalised pairs inside a sentence that neither the lexicon nor the tagger knows: "Priya Natarajan". */
function pairFinds(text: string): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.@/-])(\p{Lu}\p{Ll}+)\s(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_@/-])/gu)) {
    if (sentenceStart(text, m.index)) continue;
    if ([m[1]!, m[2]!].some((w) => lexiconKind(w) !== 'unknown' || isSystemName(w))) continue;
    if (isSystemName(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], confidence: 'suspect' });
  }
  return out;
}

/**
 * A known first name followed by a capitalised word the lexicon does not know
 * ("Devi Raman's", "Sam Oduya"): the surname a declared "Devi" or "Sam" did
 * not carry. Found so it is hidden with the person, not left after a pseudonym.
 */
function surnameFinds(text: string, known: ReadonlySet<string>): Detection[] {
  const out: Detection[] = [];
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}_@])([\p{L}][\p{L}-]*) (\p{Lu}\p{Ll}[\p{L}-]*)(?:['’]s)?(?![\p{L}\p{N}_])/gu,
  )) {
    const [, first, last] = m as unknown as [string, string, string];
    if (!known.has(first.toLowerCase()) || known.has(last.toLowerCase())) continue;
    if (lexiconKind(last) === 'word' || isSystemName(last)) continue;
    const end = m.index + first.length + 1 + last.length;
    out.push({ start: m.index, end, text: text.slice(m.index, end), confidence: 'name' });
  }
  return out;
}

/** Names and suspected names in one text, without overlaps (confident and longer finds first). */
export function detectNames(text: string, known: ReadonlySet<string> = new Set()): Detection[] {
  const trig = triggerFinds(text);
  const all = [
    ...surnameFinds(text, known),
    ...trig,
    ...(hasCandidate(text, known) ? [...taggerFinds(text), ...pairFinds(text)] : []),
  ];
  all.sort(
    (a, b) =>
      (a.confidence === 'name' ? 0 : 1) - (b.confidence === 'name' ? 0 : 1) || b.end - b.start - (a.end - a.start),
  );
  const out: Detection[] = [];
  for (const d of all) if (!out.some((o) => d.start < o.end && d.end > o.start)) out.push(d);
  // A lone given name followed by a capitalised unknown word: the surname belongs to the find ("Devi Raman's").
  for (const d of out) {
    if (d.confidence !== 'name' || d.text.includes(' ')) continue;
    const next = /^ (\p{Lu}\p{Ll}[\p{L}-]*)(?![\p{L}\p{N}_])/u.exec(text.slice(d.end));
    if (!next || lexiconKind(next[1]!) === 'word' || isSystemName(next[1]!)) continue;
    if (out.some((o) => o !== d && o.start < d.end + next[0].length && o.end > d.end)) continue;
    d.end += next[0].length;
    d.text = text.slice(d.start, d.end);
  }
  return out.sort((a, b) => a.start - b.start);
}
