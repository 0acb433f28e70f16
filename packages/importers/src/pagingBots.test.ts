import { describe, expect, it } from 'vitest';
import { isPagingBot } from './pagingBots.ts';

describe('isPagingBot', () => {
  it('knows paging and monitoring services by name, whatever the case or decoration', () => {
    for (const name of ['PagerDuty', 'Opsgenie', 'alertmanager', 'Grafana Alerting', 'Datadog', 'Splunk On-Call']) {
      expect(isPagingBot(name), name).toBe(true);
    }
  });

  it('leaves deploy, CI and reminder bots as automation', () => {
    for (const name of ['GitHub', 'Jenkins', 'deploybot', 'Slackbot', 'Argo CD', 'Google Calendar']) {
      expect(isPagingBot(name, 'Deployed checkout 4.2 to production'), name).toBe(false);
    }
  });

  it('reads a firing alert from any bot by its text', () => {
    expect(isPagingBot('monitor-relay', '[FIRING:1] CheckoutLatencyHigh (prod)')).toBe(true);
    expect(isPagingBot('monitor-relay', 'Triggered: disk usage above 90% on db-2')).toBe(true);
    expect(isPagingBot('monitor-relay', 'Daily report: 0 incidents')).toBe(false);
  });
});
