// Anonymises a report model for a wider audience: participants' names become
// stable pseudonyms by role ("Responder A", "Facilitator"), and emails, phone
// numbers, IP addresses, chat user ids and secrets are redacted. Every change
// is listed so the facilitator can preview it before publishing.
import type { ReportModel } from '../model/types.ts';
import { WB_END, WB_START, escapeRegExp } from '../blameless/words.ts';
import { DETECTORS, type RedactionKind } from './detectors.ts';

export interface Participant {
  name: string;
  /** `facilitator`, `responder` (default) or any other role word, e.g. `commander`. */
  role?: string | null;
}

export interface AnonymiseOptions {
  participants?: readonly Participant[];
  /** More names or terms to hide; each becomes `[redacted]`. */
  extraTerms?: readonly string[];
}

export interface Change {
  /** Where in the model, e.g. `timeline.entries[3].summary`. */
  path: string;
  kind: RedactionKind;
  original: string;
  replacement: string;
}

export interface Anonymised {
  model: ReportModel;
  changes: Change[];
  /** Each participant's pseudonym. */
  pseudonyms: Record<string, string>;
}

// Labels the server and links use for people who gave no name: not names.
const GENERIC = new Set(['responder', 'facilitator', 'reader', 'server', 'system', 'importer', 'editor', 'anonymous']);

function letters(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * Stable pseudonyms: in the order given, the first of each role gets the
 * letter A ("Responder A"), the next B; a lone facilitator is "Facilitator".
 */
export function pseudonymsFor(participants: readonly Participant[]): Map<string, string> {
  const clean: { name: string; role: string }[] = [];
  for (const p of participants) {
    const name = p.name.trim().replace(/\s+/g, ' ');
    if (name.length < 2 || GENERIC.has(name.toLowerCase())) continue;
    if (clean.some((c) => c.name.toLowerCase() === name.toLowerCase())) continue;
    clean.push({ name, role: (p.role ?? 'responder').trim().toLowerCase() || 'responder' });
  }
  const perRole = new Map<string, number>();
  for (const c of clean) perRole.set(c.role, (perRole.get(c.role) ?? 0) + 1);
  const used = new Map<string, number>();
  const out = new Map<string, string>();
  for (const c of clean) {
    const i = used.get(c.role) ?? 0;
    used.set(c.role, i + 1);
    const title = c.role.charAt(0).toUpperCase() + c.role.slice(1);
    out.set(c.name, c.role === 'facilitator' && perRole.get(c.role) === 1 ? title : `${title} ${letters(i)}`);
  }
  return out;
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
  replace: (m: RegExpExecArray) => string;
  accept?: (s: string) => boolean;
}

function nameMatchers(pseudonyms: Map<string, string>, extraTerms: readonly string[]): Matcher[] {
  // Full names, then name parts of 3+ letters that belong to one person only.
  const variants = new Map<string, string>();
  const partOwners = new Map<string, Set<string>>();
  for (const [name, pseudo] of pseudonyms) {
    variants.set(name.toLowerCase(), pseudo);
    for (const part of name.split(' ')) {
      if (part.length < 3 || GENERIC.has(part.toLowerCase())) continue;
      const owners = partOwners.get(part.toLowerCase()) ?? new Set<string>();
      owners.add(pseudo);
      partOwners.set(part.toLowerCase(), owners);
    }
  }
  for (const [part, owners] of partOwners)
    if (owners.size === 1 && !variants.has(part)) variants.set(part, [...owners][0]!);
  const out: Matcher[] = [];
  if (variants.size > 0) {
    const alts = [...variants.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const proper = new Set(
      [...pseudonyms.keys()]
        .flatMap((n) => [n, ...n.split(' ')])
        .filter((n) => n !== n.toLowerCase())
        .map((n) => n.toLowerCase()),
    );
    out.push({
      kind: 'name',
      re: new RegExp(`${WB_START}(?:${alts.join('|')})${WB_END}`, 'giu'),
      replace: (m) => variants.get(m[0].toLowerCase()) ?? '[name]',
      // A capitalised name only matches capitalised: "Will" is not "will".
      accept: (s) => !proper.has(s.toLowerCase()) || s.charAt(0) !== s.charAt(0).toLowerCase(),
    });
  }
  const terms = extraTerms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (terms.length > 0) {
    out.push({
      kind: 'term',
      re: new RegExp(
        `${WB_START}(?:${terms
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|')})${WB_END}`,
        'giu',
      ),
      replace: () => '[redacted]',
    });
  }
  return out;
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
      if (overlaps(start, end) || (m.accept && !m.accept(r[0]))) continue;
      hits.push({ start, end, kind: m.kind, replacement: m.replace(r) });
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

/**
 * Anonymises the model: participants (plus everyone in `model.people`, as
 * responders) become pseudonyms, extra terms `[redacted]`, and personal data
 * and secrets are replaced by a label. The input is not modified.
 */
export function anonymise(model: ReportModel, options: AnonymiseOptions = {}): Anonymised {
  const participants: Participant[] = [...(options.participants ?? [])];
  for (const p of model.people) participants.push({ name: p, role: 'responder' });
  const pseudonyms = pseudonymsFor(participants);
  const specific = DETECTORS.slice(0, -1);
  const generic = DETECTORS.slice(-1);
  const matchers: Matcher[] = [...specific, ...nameMatchers(pseudonyms, options.extraTerms ?? []), ...generic];
  const changes: Change[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const { text, hits } = redactText(value, matchers);
      for (const h of hits) changes.push({ path, kind: h.kind, original: h.original, replacement: h.replacement });
      return text;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = SKIP.has(k) ? v : walk(v, path ? `${path}.${k}` : k);
      return out;
    }
    return value;
  };
  return { model: walk(model, '') as ReportModel, changes, pseudonyms: Object.fromEntries(pseudonyms) };
}
