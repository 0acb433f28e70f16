// Who is who: every form of every person from every source (link labels,
// authors and owners, a Slack users.json, chat-log authors, names found in the
// text) grouped into one person each, and each person's pseudonym. Pseudonyms
// fixed at an earlier publication are kept; new people get a role when one is
// known ("the on-call engineer"), else the next free letter ("Responder C").
import { rolePhrase, splitLabel } from './roles.ts';
import { isSystemName } from './systems.ts';

/** One source's view of a person. */
export interface PersonSource {
  /** Names or labels as written: "Sam (on-call SRE)", "Ana Kovač", "sam". */
  names: readonly string[];
  /** Chat handles, with or without `@`. */
  handles?: readonly string[];
  emails?: readonly string[];
  /** Chat user ids (Slack `U…`). */
  ids?: readonly string[];
  /** What they did in the incident, as the review says it (facilitator, DBA, IC…). */
  role?: string | null;
  /** A job title from a directory (weaker than `role` or a label's "(on-call SRE)"). */
  title?: string | null;
  bot?: boolean;
  /** Found in the text by the anonymiser rather than declared by a source. */
  found?: boolean;
}

export interface Person {
  /** The longest full name known. */
  name: string;
  /** Names and labels as written (the original case), longest first. */
  names: string[];
  handles: string[];
  emails: string[];
  ids: string[];
  /** Role phrase ("on-call engineer") or null. */
  role: string | null;
  pseudonym: string;
  /** Only found in the text (no source declared them). */
  found: boolean;
}

/** Labels links and the server use for people who gave no name: not names. */
export const GENERIC_NAMES = new Set([
  'responder',
  'facilitator',
  'reader',
  'observer',
  'server',
  'system',
  'importer',
  'editor',
  'anonymous',
  'alert ingest',
  'team',
  'bot',
]);

/** Lower case without accents and extra spaces: "Ana  Kovač" and "ana kovac" are one key. */
export function nameKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^@/, '')
    .replace(/['’]s$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const tokens = (name: string): string[] => nameKey(name).split(' ').filter(Boolean);

function letters(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

interface Draft {
  names: Set<string>;
  handles: Set<string>;
  emails: Set<string>;
  ids: Set<string>;
  roles: string[];
  labelRoles: string[];
  titles: string[];
  found: boolean;
}

const usable = (name: string, notPeople: ReadonlySet<string>): boolean => {
  const k = nameKey(name);
  return k.length >= 2 && !GENERIC_NAMES.has(k) && !notPeople.has(k) && !isSystemName(name);
};

/** Sources -> drafts, one per source, with systems and bots left out. */
function drafts(sources: readonly PersonSource[], notPeople: ReadonlySet<string>): Draft[] {
  const out: Draft[] = [];
  for (const s of sources) {
    if (s.bot) continue;
    const d: Draft = {
      names: new Set(),
      handles: new Set(),
      emails: new Set(),
      ids: new Set(),
      roles: [],
      labelRoles: [],
      titles: [],
      found: s.found === true,
    };
    for (const raw of s.names) {
      const label = raw.trim().replace(/\s+/g, ' ');
      if (!usable(label, notPeople)) continue;
      const { name, role } = splitLabel(label);
      if (!usable(name, notPeople)) continue;
      d.names.add(name);
      if (name !== label) d.names.add(label);
      if (role) d.labelRoles.push(role);
    }
    for (const h of s.handles ?? []) if (usable(h, notPeople)) d.handles.add(h.trim().replace(/^@/, ''));
    for (const e of s.emails ?? []) if (e.includes('@')) d.emails.add(e.trim());
    for (const id of s.ids ?? []) if (id.trim()) d.ids.add(id.trim());
    if (s.role) d.roles.push(s.role);
    if (s.title) d.titles.push(s.title);
    if (d.names.size + d.handles.size + d.emails.size > 0) out.push(d);
  }
  return out;
}

/** Identity keys of a draft: two drafts sharing one are the same person. */
function identities(d: Draft): string[] {
  const out: string[] = [];
  for (const n of d.names) out.push(`n:${nameKey(n)}`);
  for (const h of d.handles) out.push(`n:${nameKey(h)}`);
  for (const e of d.emails) out.push(`e:${e.toLowerCase()}`);
  for (const id of d.ids) out.push(`i:${id}`);
  return out;
}

function merge(into: Draft, from: Draft): void {
  for (const k of ['names', 'handles', 'emails', 'ids'] as const) for (const v of from[k]) into[k].add(v);
  into.roles.push(...from.roles);
  into.labelRoles.push(...from.labelRoles);
  into.titles.push(...from.titles);
  into.found &&= from.found;
}

/** Groups drafts that share a name, handle, e-mail or id; then a lone first name joins the one person it can be. */
function group(list: Draft[]): Draft[] {
  const groups: Draft[] = [];
  const owner = new Map<string, Draft>();
  for (const d of list) {
    const hits = [...new Set(identities(d).flatMap((k) => (owner.has(k) ? [owner.get(k)!] : [])))];
    const target = hits[0] ?? d;
    if (hits.length === 0) groups.push(d);
    else merge(target, d);
    for (const other of hits.slice(1)) {
      merge(target, other);
      groups.splice(groups.indexOf(other), 1);
    }
    for (const g of [target, ...hits]) for (const k of identities(g)) owner.set(k, target);
  }
  // "Sam" alone (a chat author, a label) is "Sam Oduya" when exactly one person has that first name.
  for (const single of [...groups]) {
    const names = [...single.names, ...single.handles].map(tokens);
    if (names.some((t) => t.length > 1)) continue;
    const firsts = new Set(names.map((t) => t[0]));
    const matches = groups.filter(
      (g) => g !== single && [...g.names].some((n) => tokens(n).length > 1 && firsts.has(tokens(n)[0])),
    );
    if (matches.length === 1) {
      merge(matches[0]!, single);
      groups.splice(groups.indexOf(single), 1);
    }
  }
  return groups;
}

/** All lower-cased forms under which a person's pseudonym is fixed. */
export function fixedKeys(p: Person): string[] {
  return [...new Set([...p.names, ...p.handles, ...p.emails].map(nameKey))];
}

/**
 * The people of a review with their pseudonyms. `fixed` (lower-cased form ->
 * pseudonym, from an earlier publication) wins; a role is used when it is one
 * person's only; letters otherwise, never one already taken.
 */
export function buildPeople(
  sources: readonly PersonSource[],
  fixed: Readonly<Record<string, string>> = {},
  notPeople: ReadonlySet<string> = new Set(),
): Person[] {
  const groups = group(drafts(sources, notPeople));
  const taken = new Set(Object.values(fixed).map((p) => p.toLowerCase()));
  const people: (Omit<Person, 'pseudonym'> & { pseudonym: string | null })[] = groups.map((g) => {
    const names = [...g.names].sort((a, b) => b.length - a.length);
    const plain = names.filter((n) => splitLabel(n).name === n);
    const role =
      [...g.roles, ...g.labelRoles, ...g.titles].map(rolePhrase).find((r): r is string => r !== null) ?? null;
    return {
      name: plain[0] ?? names[0] ?? [...g.handles][0] ?? [...g.emails][0]!,
      names,
      handles: [...g.handles],
      emails: [...g.emails],
      ids: [...g.ids],
      role,
      pseudonym: null,
      found: g.found,
    };
  });
  const used = new Set<string>();
  for (const p of people) {
    const hit = fixedKeys({ ...p, pseudonym: '' })
      .map((k) => fixed[k])
      .find((v): v is string => v !== undefined && !used.has(v.toLowerCase()));
    if (hit) {
      p.pseudonym = hit;
      used.add(hit.toLowerCase());
    }
  }
  const roleCount = new Map<string, number>();
  for (const p of people) if (p.pseudonym === null && p.role) roleCount.set(p.role, (roleCount.get(p.role) ?? 0) + 1);
  let next = 0;
  for (const p of people) {
    if (p.pseudonym !== null) continue;
    const byRole = p.role ? `the ${p.role}` : null;
    if (byRole && roleCount.get(p.role!) === 1 && !taken.has(byRole) && !used.has(byRole)) {
      p.pseudonym = byRole;
    } else {
      while (
        taken.has(`responder ${letters(next).toLowerCase()}`) ||
        used.has(`responder ${letters(next).toLowerCase()}`)
      )
        next++;
      p.pseudonym = `Responder ${letters(next)}`;
    }
    used.add(p.pseudonym.toLowerCase());
  }
  return people as Person[];
}
