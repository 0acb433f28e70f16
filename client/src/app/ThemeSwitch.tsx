// The in-app light/dark switch (remembered in this browser).
import { pickTheme, useTheme } from './theme.ts';

export function ThemeSwitch() {
  const theme = useTheme();
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
