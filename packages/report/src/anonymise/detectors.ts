// Detectors of personal data and secrets in free text: each finds spans and
// says what to put instead. Ordered so that the more specific ones (tokens,
// emails) claim their text before the generic ones (high-entropy strings).

export type RedactionKind = 'name' | 'term' | 'email' | 'phone' | 'ip' | 'chat-id' | 'secret';

export interface Detector {
  kind: RedactionKind;
  re: RegExp;
  /** The replacement for a match; may keep a prefix such as "Bearer ". */
  replace: (match: RegExpExecArray) => string;
  /** Extra check on a match (false = not a hit). */
  accept?: (match: string) => boolean;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const digits = (s: string): number => s.replace(/\D/g, '').length;
const fixed = (text: string) => () => text;

// A secret-looking string: long, mixed letters and digits, high entropy, and
// not just hex (commit hashes and UUIDs are useful in a report and harmless).
function looksSecret(s: string): boolean {
  if (s.length < 24) return false;
  if (/^[0-9a-f-]+$/i.test(s)) return false;
  if (!/[0-9]/.test(s) || !/[a-zA-Z]/.test(s)) return false;
  if (!/[A-Z]/.test(s) || !/[a-z]/.test(s)) return false;
  return entropy(s) >= 4;
}

const IPV4 = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}';
const H = '[0-9a-fA-F]{1,4}';

/** The detectors in the order they run. */
export const DETECTORS: Detector[] = [
  {
    kind: 'secret',
    re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
    replace: fixed('[private key redacted]'),
  },
  { kind: 'secret', re: /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/g, replace: (m) => `${m[1]} [secret]` },
  { kind: 'secret', re: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\b/g, replace: fixed('[secret]') },
  { kind: 'secret', re: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: fixed('[secret]') },
  {
    kind: 'secret',
    re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_(?:live|test)_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{20,}|AIza[A-Za-z0-9_-]{35})\b/g,
    replace: fixed('[secret]'),
  },
  {
    kind: 'secret',
    re: /\b((?:api[_-]?key|apikey|secret|token|password|passwd|pwd|access[_-]?key|client[_-]?secret|auth)\s*[:=]\s*)(["']?)[^\s"',;]{6,}\2/gi,
    replace: (m) => `${m[1]}[secret]`,
  },
  { kind: 'email', re: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, replace: fixed('[email]') },
  { kind: 'chat-id', re: /<@[UW][A-Z0-9]{6,12}(?:\|[^>]*)?>|<@!?\d{15,20}>/g, replace: fixed('[chat user]') },
  { kind: 'chat-id', re: /\b[UW](?=[A-Z0-9]*\d)[A-Z0-9]{8,10}\b/g, replace: fixed('[chat user]') },
  {
    kind: 'ip',
    re: new RegExp(
      `(?<![\\w.:])(?:${IPV4}|(?:${H}:){7}${H}|(?:${H}:){1,6}:(?:${H}(?::${H}){0,5})?|::(?:${H}(?::${H}){0,6}|ffff:${IPV4}))(?:/\\d{1,3})?(?![\\w.:])`,
      'g',
    ),
    replace: fixed('[ip]'),
    // "::" alone or a time like 10:00 is not an address.
    accept: (s) => /\d/.test(s) && (s.includes('.') || s.split(':').length > 2),
  },
  {
    kind: 'phone',
    re: /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,4}(?![\w-])/g,
    replace: fixed('[phone]'),
    // Dates (2026-03-01), times and version numbers are not phones: need 9+ digits or a + prefix with 8+.
    accept: (s) => {
      if (/^\d{4}-\d{2}-\d{2}/.test(s)) return false;
      const n = digits(s);
      return (n >= 9 && n <= 15 && /[\s.()-]/.test(s)) || (s.startsWith('+') && n >= 8);
    },
  },
  { kind: 'secret', re: /[A-Za-z0-9+/_=-]{24,}/g, replace: fixed('[secret]'), accept: looksSecret },
];
