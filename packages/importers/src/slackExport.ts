// Reading the files of a Slack workspace export (users.json, channels.json,
// <channel>/<YYYY-MM-DD>.json) into raw messages, with problems for any file
// that is not what it should be.
import type { PersonRecord } from '@hindsight/doc';
import { isObject } from './json.ts';
import { slackUserName, type SlackNames } from './slackText.ts';
import type { Problem } from './types.ts';

/** A file of the export: its path inside the export (e.g. `incident/2026-03-01.json`) and text. */
export interface SourceFile {
  name: string;
  text: string;
}

/** A message as found in a day file, with where it was found. */
export interface RawMessage {
  message: Record<string, unknown>;
  file: string;
  /** 1-based position in the day file's list. */
  line: number;
}

const DAY_FILE = /(?:^|\/)([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

const baseName = (name: string): string => name.split('/').pop() ?? name;

/** The channels that have day files in the export, sorted. */
export function slackChannels(files: readonly SourceFile[]): string[] {
  const names = new Set<string>();
  for (const f of files) {
    const m = DAY_FILE.exec(f.name.replace(/\\/g, '/'));
    if (m) names.add(m[1]!);
  }
  return [...names].sort();
}

function parseList(file: SourceFile, problems: Problem[]): unknown[] | null {
  try {
    const value = JSON.parse(file.text) as unknown;
    if (Array.isArray(value)) return value;
    problems.push({ line: 0, file: file.name, reason: 'expected a JSON list' });
  } catch (err) {
    problems.push({ line: 0, file: file.name, reason: `not valid JSON: ${(err as Error).message}` });
  }
  return null;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Every form of a users.json entry the anonymiser needs (names, handle, e-mail, title, bot or not). */
export function slackPerson(u: Record<string, unknown> & { id: string }): PersonRecord {
  const profile = isObject(u.profile) ? u.profile : {};
  const p: PersonRecord = { key: `slack:${u.id}` };
  const realName = text(profile.real_name) ?? text(u.real_name);
  const displayName = text(profile.display_name);
  const handle = text(u.name);
  const email = text(profile.email);
  const title = text(profile.title);
  if (realName) p.realName = realName;
  if (displayName) p.displayName = displayName;
  if (handle) p.handle = handle;
  if (email) p.email = email;
  if (title) p.title = title;
  if (u.is_bot === true || u.id === 'USLACKBOT') p.bot = true;
  return p;
}

/** Users and channels by id, from users.json and channels.json when present. */
export function readSlackNames(
  files: readonly SourceFile[],
  problems: Problem[],
): SlackNames & { channelIds: Map<string, string>; people: PersonRecord[] } {
  const people: PersonRecord[] = [];
  const users = new Map<string, string>();
  const channels = new Map<string, string>();
  const channelIds = new Map<string, string>();
  const usersFile = files.find((f) => baseName(f.name) === 'users.json');
  if (!usersFile) {
    problems.push({ line: 0, reason: 'users.json is missing from the export: people appear as their Slack ids' });
  } else {
    for (const u of parseList(usersFile, problems) ?? []) {
      if (!isObject(u) || typeof u.id !== 'string') continue;
      const name = slackUserName(u);
      if (name) users.set(u.id, name);
      people.push(slackPerson(u as Record<string, unknown> & { id: string }));
    }
  }
  const channelsFile = files.find((f) => baseName(f.name) === 'channels.json');
  for (const c of channelsFile ? (parseList(channelsFile, problems) ?? []) : []) {
    if (isObject(c) && typeof c.id === 'string' && typeof c.name === 'string') {
      channels.set(c.id, c.name);
      channelIds.set(c.name, c.id);
    }
  }
  return { users, channels, channelIds, people };
}

/** The channel's messages from its day files, oldest file first; unreadable files and items are problems. */
export function readChannelMessages(files: readonly SourceFile[], channel: string, problems: Problem[]): RawMessage[] {
  const days = files
    .map((f) => ({ f, m: DAY_FILE.exec(f.name.replace(/\\/g, '/')) }))
    .filter(({ m }) => m?.[1] === channel)
    .sort((a, b) => (a.m![2]! < b.m![2]! ? -1 : 1));
  const out: RawMessage[] = [];
  for (const { f } of days) {
    const list = parseList(f, problems);
    list?.forEach((message, i) => {
      if (isObject(message)) out.push({ message, file: f.name, line: i + 1 });
      else problems.push({ line: i + 1, file: f.name, reason: 'not a message object' });
    });
  }
  return out;
}
