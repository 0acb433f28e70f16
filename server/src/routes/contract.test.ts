// Every route of the HTTP contract (@hindsight/api) is one the app serves, with
// the same method and path: a route renamed or moved on either side fails here.
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '@hindsight/api';
import { createApp, type AppDeps } from '../app.ts';

// Building the app registers its routes; nothing here is called.
const unused = {} as never;
const app = createApp({
  store: unused,
  registry: unused,
  metrics: unused,
  log: { warn: () => undefined, info: () => undefined, error: () => undefined } as unknown as AppDeps['log'],
  publicUrl: undefined,
  createToken: undefined,
  clientDist: '/nonexistent',
  ingest: { maxAlerts: 1, postsPerMinute: 1 },
});

describe('the HTTP contract', () => {
  it('names only routes the app serves', () => {
    const served = new Set(app.routes.map((r) => `${r.method} ${r.path}`));
    const missing = API_ROUTES.filter((route) => !served.has(route));
    expect(missing).toEqual([]);
    expect(API_ROUTES.length).toBeGreaterThan(20);
  });
});
