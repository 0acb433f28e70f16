// The in-app light/dark switch (remembered in this browser).
import { useSyncExternalStore } from 'react';
import { currentTheme, pickTheme, subscribeTheme } from './theme.ts';

export function ThemeSwitch() {
  const theme = useSyncExternalStore(subscribeTheme, currentTheme);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="btn btn-small btn-ghost theme-switch"
      aria-pressed={dark}
      onClick={() => pickTheme(dark ? 'light' : 'dark')}
      data-testid="theme-switch"
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
    >
      {dark ? '☾ Dark' : '☀ Light'}
    </button>
  );
}
