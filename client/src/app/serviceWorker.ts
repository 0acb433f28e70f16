// Registers the service worker that keeps the app shell for offline reloads (production builds only).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app still works online; offline reloads just will not load the shell.
    });
  });
}
