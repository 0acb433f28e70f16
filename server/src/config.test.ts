import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toMatch(/data$/);
    expect(config.MAX_FRAME_BYTES).toBeLessThan(100 * 1024 * 1024);
  });
  it('switches the multi-server mode on only with both DATABASE_URL and REDIS_URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/both DATABASE_URL and REDIS_URL/);
    const both = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://root@127.0.0.1/test' });
    expect(both.SERVER_ID).toMatch(/:\d+$/);
  });
  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', UPDATES_PER_SECOND: '0', CREATE_TOKEN: 'short' })).toThrow(
      /PORT[\s\S]*UPDATES_PER_SECOND|UPDATES_PER_SECOND[\s\S]*PORT/,
    );
  });
});
