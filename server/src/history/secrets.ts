// Finds what looks like a secret in a text with secretlint (the maintained
// detector behind many CI secret checks): its recommended rules (cloud keys,
// GitHub/Slack/npm/OpenAI tokens, private keys, basic-auth URLs, ...) plus a
// few patterns for what people paste in an incident channel and it does not
// cover on its own: `password=…`, `secret: …`, `api_key=…`, `token=…`, and a
// private key's first line.
import { lintSource } from '@secretlint/core';
import { creator as patternRule } from '@secretlint/secretlint-rule-pattern';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';

/** What was found: which rule, and the text with the secret masked (never the secret itself). */
export interface SecretFinding {
  rule: string;
  masked: string;
}

const ASSIGNMENT = String.raw`\s*[:=]\s*["']?(?<value>[^\s"'<>]{6,})`;

const CONFIG: SecretLintCoreConfig = {
  rules: [
    { id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended },
    {
      id: '@secretlint/secretlint-rule-pattern',
      rule: patternRule,
      options: {
        patterns: [
          {
            name: 'password or secret assignment',
            patterns: [`/\\b[\\w.-]*(?:password|passwd|pwd|secret)${ASSIGNMENT}/i`],
          },
          {
            // The preset's private-key rule wants a whole, well-formed key; a pasted fragment is enough here.
            name: 'private key',
            patterns: ['/-----BEGIN [A-Z ]*PRIVATE KEY-----/'],
          },
          {
            name: 'API key or token assignment',
            patterns: [`/\\b[\\w.-]*(?:api[_-]?key|access[_-]?key|auth[_-]?token|token)${ASSIGNMENT}/i`],
          },
        ],
      },
    },
  ],
};

/** The found text with its secret part masked: a `name=` stays readable, the value keeps two characters. */
function mask(text: string, start: number, end: number): string {
  const found = text.slice(start, end).split('\n')[0]!;
  const cut = found.search(/[:=]\s*\S/);
  const keep = cut < 0 ? 0 : found.slice(cut).search(/[^:=\s"']/) + cut;
  const value = found.slice(keep);
  return `${found.slice(0, keep)}${value.slice(0, 2)}${'•'.repeat(Math.min(8, Math.max(3, value.length - 2)))}`;
}

/** The secrets secretlint finds in `text`, masked. */
export async function findSecrets(text: string): Promise<SecretFinding[]> {
  if (text.trim().length === 0) return [];
  const result = await lintSource({
    source: { filePath: '/deleted-text.txt', content: text, contentType: 'text' },
    options: { config: CONFIG, noPhysicFilePath: true },
  });
  return result.messages.map((m) => ({
    rule: m.ruleId.replace(/^@secretlint\/secretlint-rule-/, ''),
    masked: mask(text, m.range[0], m.range[1]),
  }));
}
