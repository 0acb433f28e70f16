// What this browser remembers: the display name, each review's token, and the reviews it opened.
import { isRole, type Role } from '@hindsight/protocol';

const NAME_KEY = 'hindsight:name';
const RECENT_KEY = 'hindsight:recent';
const tokenKey = (reviewId: string): string => `hindsight:token:${reviewId}`;

export interface RecentReview {
  id: string;
  title: string;
  role: Role;
  link: string;
  status: string;
  lastOpened: number;
}

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage full or disabled: the app still works for this visit
  }
}

export function loadName(): string | null {
  return safeGet(NAME_KEY)?.trim() || null;
}

export function saveName(name: string): void {
  safeSet(NAME_KEY, name.trim());
}

export function loadToken(reviewId: string): string | null {
  return safeGet(tokenKey(reviewId));
}

export function saveToken(reviewId: string, token: string): void {
  safeSet(tokenKey(reviewId), token);
}

export function loadRecent(): RecentReview[] {
  try {
    const raw: unknown = JSON.parse(safeGet(RECENT_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((r): r is RecentReview => !!r && typeof r.id === 'string' && isRole(r.role))
      .sort((a, b) => b.lastOpened - a.lastOpened);
  } catch {
    return [];
  }
}

/** Adds or refreshes a review in the list (fields given override the stored ones). */
export function rememberReview(review: Partial<RecentReview> & { id: string }): void {
  const list = loadRecent();
  const existing = list.find((r) => r.id === review.id);
  const merged: RecentReview = {
    title: 'Untitled review',
    role: 'reader',
    link: '',
    status: 'collecting',
    lastOpened: Date.now(),
    ...existing,
    ...review,
  };
  safeSet(RECENT_KEY, JSON.stringify([merged, ...list.filter((r) => r.id !== review.id)].slice(0, 50)));
}

export function forgetReview(reviewId: string): void {
  safeSet(RECENT_KEY, JSON.stringify(loadRecent().filter((r) => r.id !== reviewId)));
}

const linksKey = (reviewId: string): string => `hindsight:links:${reviewId}`;

/** The share links a facilitator keeps in this browser, by role. */
export type ShareLinks = { editor?: string; observer?: string; reader?: string };

/** Share links a facilitator received (tokens are never retrievable from the server later). */
export function saveShareLinks(reviewId: string, links: ShareLinks): void {
  safeSet(linksKey(reviewId), JSON.stringify({ ...loadShareLinks(reviewId), ...links }));
}

export function loadShareLinks(reviewId: string): ShareLinks {
  try {
    const raw: unknown = JSON.parse(safeGet(linksKey(reviewId)) ?? '{}');
    return raw && typeof raw === 'object' ? (raw as ShareLinks) : {};
  } catch {
    return {};
  }
}
