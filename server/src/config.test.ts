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
  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', UPDATES_PER_SECOND: '0', CREATE_TOKEN: 'short' })).toThrow(
      /PORT[\s\S]*UPDATES_PER_SECOND|UPDATES_PER_SECOND[\s\S]*PORT/,
    );
  });
});
