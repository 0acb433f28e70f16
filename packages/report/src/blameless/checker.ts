// The blameless-language checker: finds wording that blames a person in one
// text and offers a system-focused rewrite for each finding.
import { type RuleId, buildRules, customSuggestions } from './rules.ts';
import { NEGATIONS, PRONOUNS, nameVariants } from './words.ts';

export interface Finding {
  rule: RuleId;
  /** UTF-16 offsets into the checked text, `end` exclusive. */
  start: number;
  end: number;
  /** The flagged words as written. */
  match: string;
  message: string;
  suggestion: string;
}

export interface CheckOptions {
  /** Participants' names: a name as the subject of a failure is flagged. */
  names?: readonly string[];
  /** The review's own terms to flag, with an optional suggestion each. */
  customTerms?: readonly (string | { term: string; suggestion?: string | null })[];
  /** Findings to leave out: same rule and same words (case-insensitive). */
  dismissed?: readonly { rule: string; match: string }[];
}

/** Normalised words of a finding, used to match dismissals and build keys. */
export function normaliseMatch(match: string): string {
  return match.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key under which a finding in the text `textId` is dismissed in the document. */
export function findingKey(textId: string, finding: Pick<Finding, 'rule' | 'match'>): string {
  return `${textId}|${finding.rule}|${normaliseMatch(finding.match)}`;
}

// Compiled rules, cached by their inputs: the checker runs on every keystroke.
const cache = new Map<string, ReturnType<typeof buildRules>>();
function rulesFor(names: readonly string[], terms: readonly { term: string; suggestion: string | null }[]) {
  const key = JSON.stringify([names, terms]);
  let rules = cache.get(key);
  if (!rules) {
    if (cache.size > 50) cache.clear();
    rules = buildRules(names, terms);
    cache.set(key, rules);
  }
  return rules;
}

const KNOWN_SUBJECTS = new Set(PRONOUNS);

/** Flags blaming wording in `text`; findings are sorted by position and never nested. */
export function checkBlameless(text: string, options: CheckOptions = {}): Finding[] {
  if (text.trim().length === 0) return [];
  const names = (options.names ?? []).filter((n) => n.trim().length >= 2);
  const terms = (options.customTerms ?? []).map((t) =>
    typeof t === 'string' ? { term: t, suggestion: null } : { term: t.term, suggestion: t.suggestion ?? null },
  );
  const lowerNames = new Set(nameVariants(names).map((n) => n.toLowerCase()));
  const dismissed = new Set((options.dismissed ?? []).map((d) => `${d.rule}|${normaliseMatch(d.match)}`));
  const found: Finding[] = [];
  for (const rule of rulesFor(names, terms)) {
    for (const pattern of rule.patterns) {
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) {
        let start = m.index;
        let words = m[0];
        // A sentence-start anchor may have matched punctuation: trim it off.
        const lead = /^[.!?\s]+/.exec(words);
        if (lead) {
          start += lead[0].length;
          words = words.slice(lead[0].length);
        }
        const subj = m.groups?.subj;
        // Names are proper nouns: "will failed" is not Will.
        if (
          subj &&
          lowerNames.has(subj.toLowerCase()) &&
          !KNOWN_SUBJECTS.has(subj.toLowerCase()) &&
          subj[0] === subj[0]!.toLowerCase()
        ) {
          continue;
        }
        if (rule.negatable && NEGATIONS.test(text.slice(Math.max(0, start - 40), start))) continue;
        if (dismissed.has(`${rule.id}|${normaliseMatch(words)}`)) continue;
        const custom = customSuggestions.get(rule)?.get(normaliseMatch(words));
        found.push({
          rule: rule.id,
          start,
          end: start + words.length,
          match: words,
          message: rule.message,
          suggestion: custom ?? rule.suggestion,
        });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // One underline per span: drop findings inside an earlier, wider one.
  const out: Finding[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start >= last.start && f.end <= last.end) continue;
    out.push(f);
  }
  return out;
}
