// Light or dark: the system's choice until the person picks one in the app; the pick is remembered.
// No React here: the entry module sets the theme before the app loads (ThemeSwitch has the hook).

export type Theme = 'light' | 'dark';
const KEY = 'hindsight:theme';
const system = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)');

function picked(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** The theme in effect: the person's pick, else the system's. */
export function currentTheme(): Theme {
  return picked() ?? (system().matches ? 'dark' : 'light');
}

const listeners = new Set<() => void>();

function apply(): void {
  const theme = currentTheme();
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  listeners.forEach((l) => l());
}

/** Sets the theme on the page now and follows the system's changes while nothing is picked. */
export function startTheme(): void {
  apply();
  system().addEventListener('change', apply);
  window.addEventListener('storage', (e) => e.key === KEY && apply());
}

export function pickTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Private mode: the pick lasts for this page only.
  }
  apply();
}

/** Calls `listener` whenever the theme in effect changes; returns the unsubscribe. */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
