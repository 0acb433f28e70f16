// Word lists and regex building blocks shared by the blameless rules: who can
// be the subject of a blaming sentence, and how to match names as whole words.

/** Pronouns and indefinite people that can be blamed. */
export const PRONOUNS = ['he', 'she', 'they', 'we', 'i', 'you', 'someone', 'somebody', 'no one', 'nobody', 'everyone'];

/** Nouns naming a person or a group of people by role. */
export const PERSON_NOUNS = [
  'engineers?',
  'developers?',
  'devs?',
  'operators?',
  'on-?call(?:ers?| engineers?)?',
  'responders?',
  'sres?',
  'admins?',
  'administrators?',
  'sysadmins?',
  'dbas?',
  'interns?',
  'contractors?',
  'managers?',
  'leads?',
  'reviewers?',
  'authors?',
  'team',
  'staff',
  'employees?',
  'person',
  'individuals?',
  'humans?',
  'people',
  'colleagues?',
  'new hires?',
];

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Letters and digits on either side mean we are inside a word.
export const WB_START = '(?<![\\p{L}\\p{N}_])';
export const WB_END = '(?![\\p{L}\\p{N}_])';

/**
 * The names to match: full names as given plus each part of at least three
 * letters (so "Dana Smith" also matches "Dana"), longest first so a full name
 * wins over its parts.
 */
export function nameVariants(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.length < 2) continue;
    out.add(name);
    for (const part of name.split(' ')) if (part.length >= 3) out.add(part);
  }
  return [...out].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * The "subject" alternation: an optional determiner and adjective before a
 * person noun, a pronoun, or one of `names`.
 */
export function subjectPattern(names: readonly string[]): string {
  const nouns = `(?:(?:the|our|an?|that|this|their|his|her|your|one|two|some)\\s+(?:[\\p{L}-]+\\s+)?)?(?:${PERSON_NOUNS.join('|')})`;
  const alts = [nouns, PRONOUNS.map(escapeRegExp).join('|')];
  const variants = nameVariants(names);
  if (variants.length > 0) alts.push(variants.map(escapeRegExp).join('|'));
  return `${WB_START}(?:${alts.join('|')})${WB_END}`;
}

/** Words that, shortly before a blame word, turn the sentence into a blameless one. */
export const NEGATIONS =
  /(?:^|[^\p{L}])(?:no|not|never|without|nobody|no one|nobody's|no one's|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|avoid|avoids|avoiding|instead of|rather than|free of|less)(?:[^\p{L}]+[\p{L}']+){0,3}[^\p{L}]*$/iu;
