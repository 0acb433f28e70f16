// Slack message text ("mrkdwn" with <...> references) to plain text: user and
// channel mentions to names, links to "label (url)", entities unescaped.

export interface SlackNames {
  users: Map<string, string>;
  channels: Map<string, string>;
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Plain text of a Slack message's `text`. */
export function slackPlainText(text: string, names: SlackNames): string {
  const out = text.replace(/<([^<>]+)>/g, (_all, inner: string) => {
    const [target, label] = inner.split('|', 2) as [string, string | undefined];
    if (target.startsWith('@')) return `@${label ?? names.users.get(target.slice(1)) ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? names.channels.get(target.slice(1)) ?? target.slice(1)}`;
    if (target.startsWith('!subteam^')) return label ?? '@group';
    if (target.startsWith('!')) return `@${label ?? target.slice(1).split('^')[0]}`;
    if (label !== undefined && label !== target) return `${label} (${target})`;
    return target.replace(/^mailto:/, '');
  });
  return unescape(out);
}

/** Display name of a users.json entry: display name, else real name, else handle. */
export function slackUserName(user: Record<string, unknown>): string | undefined {
  const profile = (typeof user.profile === 'object' && user.profile !== null ? user.profile : {}) as Record<
    string,
    unknown
  >;
  for (const v of [profile.display_name, profile.real_name, user.real_name, user.name]) {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}
