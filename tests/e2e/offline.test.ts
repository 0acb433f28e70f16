// Offline in Chromium: a reload without the server shows the cached review; offline edits merge on reconnect.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson, startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { addEntry, eventually, joinReview, readTimeline, screenshot, waitForConnection } from './helpers/review.ts';

/** The lazily loaded views that ReviewPage prefetches when idle, so an offline reload can open them. */
const PREFETCHED_VIEWS = ['WhysView', 'ActionsView', 'HumanFactorsView', 'NotesEditor'];

/**
 * Waits until an offline reload can work: the service worker controls the page,
 * and its cache holds the shell ('/') and every /assets/ file the page loaded,
 * including the prefetched views' chunks.
 */
async function waitForOfflineShell(page: Page): Promise<void> {
  let last = '';
  try {
    await eventually(async () => {
      last = await page.evaluate(async (views) => {
        if (!navigator.serviceWorker.controller) return 'no service worker controls the page';
        const assets = performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name))
          .filter((u) => u.pathname.startsWith('/assets/'))
          .map((u) => u.pathname);
        const notLoaded = views.filter((v) => !assets.some((a) => a.startsWith(`/assets/${v}-`)));
        if (notLoaded.length) return `views not prefetched yet: ${notLoaded.join(', ')}`;
        const cache = await caches.open('hindsight-shell-v1');
        const missing = [];
        for (const path of ['/', ...assets]) if (!(await cache.match(path))) missing.push(path);
        return missing.length ? `not cached yet: ${missing.join(', ')}` : '';
      }, PREFETCHED_VIEWS);
      expect(last).toBe('');
    }, 30_000);
  } catch (err) {
    throw new Error(`the offline shell was never ready: ${last}`, { cause: err });
  }
}

describe('offline editing', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let ana: Person;
  let ben: Person;

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('DNS resolver flapping');
    [ana, ben] = await Promise.all([newPerson(), newPerson()]);
    await joinReview(ana, review.links.facilitator, 'Ana Lopez');
    await joinReview(ben, review.links.editor, 'Ben Okafor');
    await addEntry(ana.page, '10:00', 'Resolver latency alert');
    await eventually(async () => expect(await readTimeline(ben.page)).toHaveLength(1));
    await waitForOfflineShell(ana.page);
  });

  afterAll(async () => {
    await Promise.all([ana?.close(), ben?.close()]);
    await server?.stop();
  });

  it('one person goes offline, edits, comes back: everything merges', async () => {
    await ana.context.setOffline(true);
    // Chromium keeps an open WebSocket under network emulation; the watchdog or a reconnect notices.
    await ana.page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await waitForConnection(ana.page, 'Offline — saved locally');
    await addEntry(ana.page, '10:05', 'Ana (offline) failed over to the secondary resolver');
    await addEntry(ben.page, '10:06', 'Ben (online) paged the network team');
    await screenshot(ana.page, 'offline-editing');
    await ana.context.setOffline(false);
    await ana.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitForConnection(ana.page, 'Live', 30_000);
    const merged = await eventually(async () => {
      const a = await readTimeline(ana.page);
      expect(a).toHaveLength(3);
      expect(await readTimeline(ben.page)).toEqual(a);
      return a;
    }, 30_000);
    expect(merged.map((r) => r.time)).toEqual(['10:00', '10:05', '10:06']);
  });

  it('a reload without the server shows the review from the browser cache; edits merge when it returns', async () => {
    const port = server.port;
    const dataDir = server.dataDir;
    await server.stop();
    await ana.page.reload();
    await ana.page.locator('[data-entry-id]').first().waitFor();
    await waitForConnection(ana.page, 'Offline — saved locally', 30_000);
    expect(await readTimeline(ana.page)).toHaveLength(3);
    await addEntry(ana.page, '10:20', 'Resolver config rolled back (while the server was down)');
    await addEntry(ben.page, '10:21', 'Ben confirmed recovery (while the server was down)');
    await screenshot(ana.page, 'offline-reload');
    server = await startServer({ withClient: true, dataDir, env: { PORT: String(port) } });
    await waitForConnection(ana.page, 'Live', 30_000);
    await waitForConnection(ben.page, 'Live', 30_000);
    const merged = await eventually(async () => {
      const a = await readTimeline(ana.page);
      expect(a).toHaveLength(5);
      expect(await readTimeline(ben.page)).toEqual(a);
      return a;
    }, 30_000);
    const exported = (await exportJson(server, review.id, review.tokens.observer)) as {
      timeline: { summary: string }[];
    };
    expect(exported.timeline.map((e) => e.summary)).toEqual(merged.map((r) => r.summary));
  });
});
