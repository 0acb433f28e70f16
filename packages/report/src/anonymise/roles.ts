// Roles in words a reader understands: "Sam (on-call SRE)" is "the on-call
// engineer" in the published report. A role is preferred over a letter
// ("Responder C") when the sources say what someone did in the incident.

/** Role spellings -> the phrase used as a pseudonym (without the article). */
const ROLES: [RegExp, string][] = [
  [/\b(?:ic|incident commander|incident lead|incident manager|commander)\b/i, 'incident commander'],
  [/\bfacilitator\b/i, 'facilitator'],
  [/\bon-?call\b/i, 'on-call engineer'],
  [/\b(?:dba|database admin(?:istrator)?)\b/i, 'DBA'],
  [/\b(?:comms?|communications?)(?: lead)?\b/i, 'communications lead'],
  [/\b(?:scribe|note-?taker)\b/i, 'scribe'],
  [/\bsre\b/i, 'SRE'],
  [/\bsupport\b/i, 'support engineer'],
];

/** Role words that say nothing about what someone did. */
const GENERIC_ROLES = new Set(['responder', 'editor', 'participant', 'member', 'reader', 'observer', '']);

/** The role phrase for a role or title ("on-call SRE" -> "on-call engineer"), or null when it says nothing. */
export function rolePhrase(role: string | null | undefined): string | null {
  const r = (role ?? '').trim();
  if (GENERIC_ROLES.has(r.toLowerCase())) return null;
  for (const [re, phrase] of ROLES) if (re.test(r)) return phrase;
  // Any other short role word the facilitator typed ("commander", "network lead") is used as it is.
  return /^[\p{L} -]{2,30}$/u.test(r) ? r.toLowerCase() : null;
}

/** Splits a label like "Sam (on-call SRE)" or "Sam - IC" into the name and the role it states. */
export function splitLabel(label: string): { name: string; role: string | null } {
  const clean = label.trim().replace(/\s+/g, ' ');
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(clean);
  if (paren) return { name: paren[1]!.trim(), role: paren[2]!.trim() };
  const dash = /^(.+?)\s+[-–—|]\s+(.+)$/.exec(clean);
  if (dash && rolePhrase(dash[2]) !== null) return { name: dash[1]!.trim(), role: dash[2]!.trim() };
  return { name: clean, role: null };
}
