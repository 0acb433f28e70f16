// Mounts the app shell (React) into #root and registers the service worker.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { registerServiceWorker } from './serviceWorker.ts';

/** Renders the app into #root; the entry module calls it once the page's own chunk is in (main.tsx). */
export function mount(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  registerServiceWorker();
}
