// Which links a view or an export may render as links: http, https and mailto,
// decided here once. Anything else a participant wrote (`javascript:`, `data:`,
// `file:`, a bare word) is shown as plain text, never as a link.

/** Schemes rendered as links. */
export const LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];

/** The normalised URL when it is an absolute http(s) or mailto URL, else null. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url.trim());
    return LINK_SCHEMES.includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}
