// Who took part, as the sources said it, and the pseudonyms fixed when the
// review was first published. Both exist for the anonymiser: the directory
// gives it every form of a person an import knew (a Slack user's real name,
// display name, handle, e-mail, title, whether it is a bot), and the fixed
// pseudonyms keep "Responder A" the same person in every later version.
// Root Y.Maps of flat records with deterministic keys.
import * as Y from 'yjs';
import { type OpContext, type RecordMap, origin } from './schema.ts';
import { label } from './validate.ts';

/** Root names of the people directory and the fixed pseudonyms. */
export const PeopleRoot = { people: 'people', pseudonyms: 'pseudonyms' } as const;

/** One person (or bot) as a source knows them; every field but `key` is optional. */
export interface PersonRecord {
  /** Stable identity in its source, e.g. `slack:U024BE7LH`: re-importing updates the same record. */
  key: string;
  realName?: string;
  displayName?: string;
  /** Chat handle without `@`. */
  handle?: string;
  email?: string;
  /** Job title or role as the source gives it (Slack profile title), e.g. `DBA`. */
  title?: string;
  /** A bot or integration, not a person. */
  bot?: boolean;
}

const FIELDS = ['realName', 'displayName', 'handle', 'email', 'title'] as const;

/** Adds or updates people from an import, in one transaction; a bad record throws before anything is written. */
export function recordPeople(doc: Y.Doc, people: readonly PersonRecord[], ctx: OpContext): void {
  const clean = people.map((p) => {
    const out: PersonRecord = { key: label('person key', p.key, 120) };
    for (const f of FIELDS) {
      const v = p[f];
      if (typeof v === 'string' && v.trim() !== '') out[f] = label(f, v, 200);
    }
    if (p.bot === true) out.bot = true;
    return out;
  });
  if (clean.length === 0) return;
  doc.transact(
    () => {
      const root = doc.getMap<RecordMap>(PeopleRoot.people);
      for (const p of clean) {
        const rec: RecordMap = new Y.Map();
        root.set(p.key, rec);
        for (const f of FIELDS) if (p[f] !== undefined) rec.set(f, p[f]);
        if (p.bot) rec.set('bot', true);
      }
    },
    origin('recordPeople', ctx),
  );
}

/** The people directory, sorted by key. */
export function readPeople(doc: Y.Doc): PersonRecord[] {
  const out: PersonRecord[] = [];
  doc.getMap<RecordMap>(PeopleRoot.people).forEach((rec, key) => {
    if (!(rec instanceof Y.Map)) return;
    const p: PersonRecord = { key };
    for (const f of FIELDS) {
      const v = rec.get(f);
      if (typeof v === 'string' && v !== '') p[f] = v;
    }
    if (rec.get('bot') === true) p.bot = true;
    out.push(p);
  });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Fixes pseudonyms: each key is a lower-cased form of a person's name (or
 * handle) and its value the pseudonym. Only adds keys that are not fixed yet:
 * a pseudonym once published is never changed by a later publication.
 */
export function fixPseudonyms(doc: Y.Doc, pseudonyms: Record<string, string>, ctx: OpContext): number {
  const root = doc.getMap<string>(PeopleRoot.pseudonyms);
  const fresh = Object.entries(pseudonyms).filter(
    ([k, v]) => k.trim() !== '' && typeof v === 'string' && v !== '' && !root.has(k.trim().toLowerCase()),
  );
  if (fresh.length === 0) return 0;
  doc.transact(
    () => {
      for (const [k, v] of fresh) root.set(k.trim().toLowerCase(), v);
    },
    origin('fixPseudonyms', ctx),
  );
  return fresh.length;
}

/** The fixed pseudonyms: lower-cased form -> pseudonym. */
export function readPseudonyms(doc: Y.Doc): Record<string, string> {
  const out: Record<string, string> = {};
  doc.getMap<unknown>(PeopleRoot.pseudonyms).forEach((v, k) => {
    if (typeof v === 'string' && v !== '') out[k] = v;
  });
  return out;
}
