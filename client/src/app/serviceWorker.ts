// Registers the service worker that keeps the app shell for offline reloads (production builds only).

/** Asks the service worker to keep every /assets/ file this page has loaded so far (lazy chunks included). */
export function cacheLoadedAssets(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => {
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => new URL(u).pathname.startsWith('/assets/'));
    registration.active?.postMessage({ type: 'cache-assets', urls });
  });
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = (): void => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(cacheLoadedAssets)
      .catch(() => {
        // Without it the app still works online; offline reloads just will not load the shell.
      });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
}
