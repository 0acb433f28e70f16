// Which chat senders are paging and monitoring bots: their messages are alerts
// (so the delay from a page to the first human answer is found from the chat
// alone), while other bots (deploy, CI, reminders) stay automation.

/** Names (lower case, as they appear in a bot's name) of paging, on-call and monitoring services. */
const PAGING = [
  'pagerduty',
  'opsgenie',
  'alertmanager',
  'prometheus',
  'grafana',
  'datadog',
  'new relic',
  'newrelic',
  'victorops',
  'splunk on-call',
  'incident.io',
  'rootly',
  'firehydrant',
  'squadcast',
  'xmatters',
  'zenduty',
  'ilert',
  'better stack',
  'betterstack',
  'better uptime',
  'pingdom',
  'uptimerobot',
  'statuscake',
  'nagios',
  'icinga',
  'zabbix',
  'sentry',
  'cloudwatch',
  'stackdriver',
  'dynatrace',
  'honeycomb',
  'checkly',
];

/** Words that make any bot's message a page or an alert ("[FIRING:1] HighLatency", "Triggered: ..."). */
const ALERT_TEXT =
  /^\s*(?:\[?firing\b|\[alert\]|alert:|triggered\b|incident (?:#\d+ )?triggered|critical\b|\[critical\])/i;

/**
 * True when a bot named `name` (display or app name) pages people or reports
 * monitoring alerts, or when a bot's `text` reads as a firing alert.
 */
export function isPagingBot(name: string, text = ''): boolean {
  const n = name.toLowerCase();
  return PAGING.some((p) => n.includes(p)) || ALERT_TEXT.test(text);
}
