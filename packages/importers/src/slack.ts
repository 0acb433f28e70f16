// Importer for a Slack channel from a workspace export: user ids become names,
// threads stay together (each reply right after its parent, referencing it),
// edits keep the final text and say so, deleted messages are left out (and
// listed as skipped), pinned or reacted messages can come in starred.
import type { EntryKind, PersonRecord } from '@hindsight/doc';
import { isObject } from './json.ts';
import { runSteps, runStepsAsync, type Steps } from './progress.ts';
import { readChannelMessages, readSlackNames, slackChannels, type RawMessage, type SourceFile } from './slackExport.ts';
import { slackPlainText } from './slackText.ts';
import { isPagingBot } from './pagingBots.ts';
import type { AsyncOptions, Candidate, ParseResult, ProgressOptions, Skipped } from './types.ts';

export interface SlackOptions {
  /** The channel (folder name) to import; may be omitted when the export holds one channel. */
  channel?: string;
  /** e.g. `https://acme.slack.com`: gives each entry a link to its message. */
  workspaceUrl?: string;
  /** Which messages come in starred: pinned ones (default true), reacted ones (`true` = any reaction, or a list of reaction names). */
  star?: { pinned?: boolean; reactions?: boolean | string[] };
}

/** Subtypes that are channel housekeeping rather than incident evidence. */
const HOUSEKEEPING = new Set([
  'channel_join',
  'channel_leave',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'group_join',
  'group_leave',
  'bot_add',
  'bot_remove',
  'pinned_item',
  'unpinned_item',
  'reminder_add',
]);

const MAX_SUMMARY = 500;

interface Message {
  ts: string;
  at: number;
  threadTs: string | null;
  author: string;
  bot: boolean;
  text: string;
  edited: number | null;
  starred: boolean;
  line: number;
  file: string;
}

const TS = /^\d{9,11}(\.\d{1,6})?$/;
// Slack ts is "<epoch seconds>.<6-digit sequence>": the fraction orders messages within a second, it is not a time.
const tsMs = (ts: string): number => {
  const [sec, frac = '0'] = ts.split('.');
  return Number(sec) * 1000 + Math.floor(Number(frac.padEnd(6, '0')) / 1000);
};

function attachmentsText(m: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const a of Array.isArray(m.attachments) ? m.attachments : []) {
    if (!isObject(a)) continue;
    const t = [a.pretext, a.title, a.text].filter((x) => typeof x === 'string' && x !== '').join(' — ');
    parts.push(t || (typeof a.fallback === 'string' ? a.fallback : ''));
  }
  for (const f of Array.isArray(m.files) ? m.files : []) {
    if (isObject(f)) parts.push(`[file: ${String(f.title ?? f.name ?? 'attachment')}]`);
  }
  return parts.filter((p) => p !== '').join('\n');
}

function isStarred(m: Record<string, unknown>, star: SlackOptions['star']): boolean {
  const pinned = Array.isArray(m.pinned_to) && m.pinned_to.length > 0;
  if (pinned && star?.pinned !== false) return true;
  const wanted = star?.reactions ?? false;
  if (wanted === false || !Array.isArray(m.reactions)) return false;
  return m.reactions.some((r) => isObject(r) && (wanted === true || wanted.includes(String(r.name))));
}

function slackSteps(files: readonly SourceFile[], options: SlackOptions): Steps<ParseResult> {
  const result: ParseResult = { candidates: [], problems: [], skipped: [] };
  const channels = slackChannels(files);
  const channel = options.channel ?? (channels.length === 1 ? channels[0] : undefined);
  if (channel === undefined) {
    throw new Error(
      channels.length === 0
        ? 'no channel day files (<channel>/<YYYY-MM-DD>.json) in the export'
        : `the export holds several channels (${channels.join(', ')}); choose one`,
    );
  }
  const names = readSlackNames(files, result.problems);
  // Bots that posted (Alertmanager, deploy bots): recorded so the anonymiser knows they are not people.
  const bots = new Map<string, PersonRecord>();
  const raw = readChannelMessages(files, channel, result.problems);
  const channelId = names.channelIds.get(channel);
  const messages = new Map<string, Message>();
  const deleted = new Map<string, Skipped>();
  const edits: { ts: string; text: string; at: number | null }[] = [];

  const nameOf = (m: Record<string, unknown>): { author: string; bot: boolean } => {
    if (typeof m.user === 'string' && m.subtype !== 'bot_message') {
      return { author: names.users.get(m.user) ?? m.user, bot: false };
    }
    const profile = isObject(m.bot_profile) ? m.bot_profile.name : undefined;
    const name = [m.username, profile, m.user, m.bot_id].find((x) => typeof x === 'string' && x !== '');
    const key = [m.bot_id, m.user, name].find((x) => typeof x === 'string' && x !== '');
    if (typeof name === 'string' && !bots.has(String(key))) {
      bots.set(String(key), { key: `slack:${String(key)}`, displayName: name, bot: true });
    }
    return { author: String(name ?? 'bot'), bot: true };
  };

  const step = (i: number): void => {
    const { message: m, file, line } = raw[i] as RawMessage;
    const subtype = typeof m.subtype === 'string' ? m.subtype : undefined;
    if (subtype === 'message_deleted') {
      if (typeof m.deleted_ts === 'string') deleted.set(m.deleted_ts, { line, file, reason: 'deleted in Slack' });
      return;
    }
    if (subtype === 'message_changed' && isObject(m.message) && typeof m.message.ts === 'string') {
      const edited = isObject(m.message.edited) && typeof m.message.edited.ts === 'string' ? m.message.edited.ts : null;
      edits.push({ ts: m.message.ts, text: String(m.message.text ?? ''), at: edited ? tsMs(edited) : null });
      return;
    }
    if (typeof m.ts !== 'string' || !TS.test(m.ts)) {
      result.problems.push({ line, file, reason: `the message has no readable ts (got ${JSON.stringify(m.ts)})` });
      return;
    }
    if (subtype !== undefined && HOUSEKEEPING.has(subtype)) {
      result.skipped.push({ line, file, reason: `channel event (${subtype})` });
      return;
    }
    if (subtype === 'tombstone' || m.hidden === true) {
      deleted.set(m.ts, { line, file, reason: 'deleted in Slack (its thread replies are kept)' });
      return;
    }
    const who = nameOf(m);
    const text = [slackPlainText(String(m.text ?? ''), names), attachmentsText(m)].filter((t) => t !== '').join('\n');
    const edited =
      isObject(m.edited) && typeof m.edited.ts === 'string' && TS.test(m.edited.ts) ? tsMs(m.edited.ts) : null;
    messages.set(m.ts, {
      ts: m.ts,
      at: tsMs(m.ts),
      threadTs: typeof m.thread_ts === 'string' && m.thread_ts !== m.ts ? m.thread_ts : null,
      author: who.author,
      bot: who.bot,
      text,
      edited,
      starred: isStarred(m, options.star),
      line,
      file,
    });
  };

  const keyOf = (ts: string): string => `slack:${channelId ?? channel}:${ts}`;
  const urlOf = (msg: Message): string | undefined => {
    if (!options.workspaceUrl || !channelId) return undefined;
    const base = `${options.workspaceUrl.replace(/\/$/, '')}/archives/${channelId}/p${msg.ts.replace('.', '')}`;
    return msg.threadTs ? `${base}?thread_ts=${msg.threadTs}&cid=${channelId}` : base;
  };

  const candidateOf = (msg: Message): Candidate => {
    const flat = msg.text.replace(/\s+/g, ' ').trim();
    const summary = flat.length > MAX_SUMMARY ? `${flat.slice(0, MAX_SUMMARY - 1)}…` : flat;
    const notes = [
      flat !== msg.text.trim() || flat.length > MAX_SUMMARY ? msg.text.trim() : '',
      msg.edited !== null ? `(edited in Slack at ${new Date(msg.edited).toISOString()})` : '',
    ].filter((n) => n !== '');
    // Paging bots' messages are alerts, so the silence after a page counts as a delay.
    const kind: EntryKind = !msg.bot ? 'communication' : isPagingBot(msg.author, flat) ? 'alert' : 'automation';
    const url = urlOf(msg);
    return {
      key: keyOf(msg.ts),
      at: msg.at,
      precision: 'exact',
      kind,
      source: 'chat',
      summary,
      notes: notes.join('\n'),
      tags: msg.threadTs ? ['thread'] : [],
      // Readable: the channel (and "thread reply"); the exact message is the url and the import key.
      ref: msg.threadTs ? `#${channel}, thread reply` : `#${channel}`,
      starred: msg.starred,
      line: msg.line,
      file: msg.file,
      author: msg.author,
      ...(msg.threadTs ? { parentKey: keyOf(msg.threadTs) } : {}),
      ...(url ? { url } : {}),
    };
  };

  const finish = (): ParseResult => {
    result.people = [...names.people, ...[...bots.values()].filter((b) => !names.people.some((p) => p.key === b.key))];
    for (const e of edits) {
      const target = messages.get(e.ts);
      if (!target) continue;
      target.text = slackPlainText(e.text, names);
      target.edited = e.at ?? target.edited ?? target.at;
    }
    for (const [ts, why] of deleted) {
      messages.delete(ts);
      result.skipped.push(why);
    }
    // Threads together: each top-level message, then its replies in time order.
    // A reply whose parent is gone (deleted, or outside the export) stays at its own time.
    const ordered = [...messages.values()].sort((a, b) => a.at - b.at || (a.ts < b.ts ? -1 : 1));
    const replies = new Map<string, Message[]>();
    for (const msg of ordered) {
      if (msg.threadTs && messages.has(msg.threadTs)) {
        replies.set(msg.threadTs, [...(replies.get(msg.threadTs) ?? []), msg]);
      }
    }
    for (const msg of ordered) {
      if (msg.threadTs && messages.has(msg.threadTs)) continue;
      result.candidates.push(candidateOf(msg));
      for (const reply of replies.get(msg.ts) ?? []) result.candidates.push(candidateOf(reply));
    }
    return result;
  };
  return { total: raw.length, step, finish };
}

/** Reads one channel of a Slack workspace export (its day files plus users.json and channels.json). */
export function parseSlackExport(
  files: readonly SourceFile[],
  options: SlackOptions & ProgressOptions = {},
): ParseResult {
  return runSteps(slackSteps(files, options), options.onProgress);
}

/** parseSlackExport in chunks that yield to the event loop, with progress (in messages). */
export function parseSlackExportAsync(
  files: readonly SourceFile[],
  options: SlackOptions & AsyncOptions = {},
): Promise<ParseResult> {
  return runStepsAsync(slackSteps(files, options), options);
}
