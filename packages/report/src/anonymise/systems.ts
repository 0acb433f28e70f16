// Systems, bots and integrations that speak in an incident (alerting, paging,
// dashboards, CI/CD, chat bots): they are not people, so the anonymiser keeps
// their names ("Alertmanager fired", "PagerDuty paged the on-call engineer").

/** Names of well-known incident tooling, lower case. */
const SYSTEMS = new Set([
  'alertmanager',
  'prometheus',
  'pagerduty',
  'opsgenie',
  'victorops',
  'splunk on-call',
  'incident.io',
  'firehydrant',
  'rootly',
  'grafana',
  'kibana',
  'datadog',
  'new relic',
  'newrelic',
  'honeycomb',
  'sentry',
  'statuspage',
  'status page',
  'slackbot',
  'slack',
  'github',
  'github actions',
  'gitlab',
  'jenkins',
  'circleci',
  'argo cd',
  'argocd',
  'spinnaker',
  'jira',
  'zoom',
  'cloudwatch',
  'stackdriver',
  'nagios',
  'zabbix',
  'icinga',
  'uptime robot',
  'uptimerobot',
  'pingdom',
  'server',
  'system',
  'importer',
  'cron',
]);

/** Words that make a name a bot's: "deploy-bot", "Deploy Bot", "release automation" (not "Talbot"). */
const BOT_WORD = /(?:^|[\s_.-])(?:bot|robot|automation|integration|webhook|daemon|scheduler)$/i;
/** "DeployBot", "StatusBot": a glued Bot with a capital B. */
const CAMEL_BOT = /[a-z]Bot$/;

/** True when a name is a system, bot or integration rather than a person. */
export function isSystemName(name: string): boolean {
  const raw = name
    .trim()
    .replace(/^@/, '')
    .replace(/\s*\(.*\)$/, '');
  const n = raw.toLowerCase();
  if (n === '') return false;
  return SYSTEMS.has(n) || BOT_WORD.test(n) || CAMEL_BOT.test(raw);
}
