// The blameless-language rules: what each flags, why, and a system-focused
// rewrite. Patterns are built per call because they embed participants' names.
import { WB_END, WB_START, escapeRegExp, nameVariants, subjectPattern } from './words.ts';

/** Identifiers of the checker's rules (stable: dismissals refer to them). */
export const RULE_IDS = [
  'human-error',
  'should-have',
  'failed-to',
  'forgot',
  'judgement',
  'mistake',
  'fault',
  'blame',
  'counterfactual',
  'person-failure',
  'custom',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Rule {
  id: RuleId;
  /** Why the wording is flagged. */
  message: string;
  /** A system-focused rewrite to offer. */
  suggestion: string;
  /** Skip a match preceded by a negation ("no one is to blame"). */
  negatable: boolean;
  patterns: RegExp[];
}

const re = (source: string): RegExp => new RegExp(source, 'giu');
const ADVERBS = '(?:(?:really|clearly|obviously|just|simply|also|then|again|completely|apparently|somehow)\\s+)?';
const FAILURE_VERBS = [
  'ignored',
  'ignores',
  'missed',
  'misses',
  'overlooked',
  'neglected',
  'broke',
  'breaks',
  'caused',
  'causes',
  'messed up',
  'screwed up',
  'botched',
  'dropped the ball',
  'misconfigured',
  'mistyped',
  'fat-fingered',
  'fat fingered',
  "didn't bother",
  'did not bother',
  "didn't (?:check|verify|test|read|follow|notice|look|review|think|care|listen|escalate|update|wait)",
  'did not (?:check|verify|test|read|follow|notice|look|review|think|care|listen|escalate|update|wait)',
  'never (?:checked|verified|tested|read|followed|noticed|looked|reviewed)',
  'failed(?!\\s+to)',
  'forgot(?!\\s+to)',
  'skipped',
  'rushed',
];

/** The rules, with `names` (participants) and `terms` (the review's own) compiled in. */
export function buildRules(
  names: readonly string[],
  terms: readonly { term: string; suggestion: string | null }[],
): Rule[] {
  const subj = subjectPattern(names);
  const poss = [
    'his',
    'her',
    'their',
    'my',
    'our',
    'your',
    "someone's",
    "somebody's",
    "(?:the\\s+)?(?:engineer|developer|operator|on-?call|intern|admin|author|reviewer)'s",
    ...nameVariants(names).map((n) => `${escapeRegExp(n)}'s`),
  ].join('|');
  const rules: Rule[] = [
    {
      id: 'human-error',
      message: '"Human error" names a person as the cause and ends the inquiry where it should start.',
      suggestion:
        'Describe the condition instead, e.g. "the deployment process allowed a change to the wrong cluster".',
      negatable: true,
      patterns: [
        re(
          `${WB_START}(?:human[- ](?:error|mistake|failure)s?|operator[- ]error|user[- ]error|pilot[- ]error|pebkac|picnic|fat[- ]finger(?:ed|ing|s)?|id-?10-?t)${WB_END}`,
        ),
      ],
    },
    {
      id: 'should-have',
      message: '"Should have" judges a person with hindsight.',
      suggestion: 'Say what made it hard at the time, e.g. "the runbook did not mention the replica lag check".',
      negatable: false,
      patterns: [
        re(
          `(?<subj>${subj})\\s+${ADVERBS}(?:should(?:\\s+not|n't)?\\s+have|should've|ought(?:\\s+not)?\\s+to\\s+have)${WB_END}`,
        ),
      ],
    },
    {
      id: 'failed-to',
      message: '"Failed to" makes a person\'s omission the cause.',
      suggestion: 'Describe the gap in the system, e.g. "nothing prompted a check of the config before the deploy".',
      negatable: false,
      patterns: [re(`(?<subj>${subj})\\s+${ADVERBS}failed\\s+to${WB_END}`)],
    },
    {
      id: 'forgot',
      message: '"Forgot" locates the problem in someone\'s memory rather than in the process.',
      suggestion: 'Say what did not support the step, e.g. "the checklist had no step to re-enable the alert".',
      negatable: false,
      patterns: [
        re(`${WB_START}(?:forgot|forgotten|forgetting)(?:\\s+to)?${WB_END}`),
        re(`(?<subj>${subj})\\s+forget(?:s)?${WB_END}`),
      ],
    },
    {
      id: 'judgement',
      message: "This judges a person's character or attention instead of describing the situation.",
      suggestion: 'Describe the situation: workload, time pressure, what the tools showed at that moment.',
      negatable: false,
      patterns: [
        re(
          `${WB_START}(?:careless(?:ly|ness)?|sloppy|sloppiness|negligen(?:t|tly|ce)|lazy|laziness|incompeten(?:t|ce)|reckless(?:ly|ness)?|inattentive|cowboy|stupid(?:ity)?|idiot(?:ic)?|dumb|clumsy|rookie mistake|lack of (?:care|attention|diligence|discipline)|(?:(?:was|were|is|are)(?:n't|\\s+not)|not)\\s+paying\\s+attention|(?:should|ought to)\\s+(?:have\\s+)?know(?:n)?\\s+better)${WB_END}`,
        ),
      ],
    },
    {
      id: 'mistake',
      message: 'Attributing a mistake to a person stops the search for what allowed it.',
      suggestion:
        'Describe how the system let it through, e.g. "the change passed review and CI because nothing tested the migration".',
      negatable: true,
      patterns: [
        re(
          `${WB_START}(?:mistakes?|errors?|blunders?|slip-?ups?|oversights?)\\s+(?:(?:was|were)\\s+)?(?:made\\s+)?by${WB_END}`,
        ),
        re(
          `${WB_START}(?:${poss})\\s+(?:own\\s+)?(?:mistakes?|errors?|blunders?|slip-?ups?|screw-?ups?|oversights?)${WB_END}`,
        ),
        re(
          `(?<subj>${subj})\\s+${ADVERBS}(?:made|makes|making)\\s+(?:a|an|the|this|that|another)\\s+(?:[\\p{L}-]+\\s+)?(?:mistake|error|blunder)${WB_END}`,
        ),
      ],
    },
    {
      id: 'fault',
      message: 'Talking about fault assigns blame.',
      suggestion: 'Ask what in the system allowed it, e.g. "the deployment process allowed an unreviewed change".',
      negatable: true,
      patterns: [
        re(
          `${WB_START}(?:at\\s+fault|(?:${poss}|whose)\\s+fault|fault\\s+(?:lies|lay|lied|was\\s+with|is\\s+with|belongs))${WB_END}`,
        ),
      ],
    },
    {
      id: 'blame',
      message: 'Blame points at people; the review looks for how the system made the outcome possible.',
      suggestion: 'Describe the contributing condition, e.g. "the alert routing sent pages to a retired rotation".',
      negatable: true,
      patterns: [re(`(?<!git\\s)${WB_START}(?:blam(?:e|ed|es|ing|eworthy)|to\\s+blame)${WB_END}`)],
    },
    {
      id: 'counterfactual',
      message: 'Counterfactuals ("could have", "if only") describe what did not happen, with hindsight.',
      suggestion: 'Describe what did happen and why it made sense at the time.',
      negatable: false,
      patterns: [
        re(
          `${WB_START}(?:could(?:n't|\\s+not)?\\s+have|could've|if\\s+only|would(?:n't|\\s+not)?\\s+have\\s+(?:happened|been\\s+(?:avoided|prevented|caught|noticed)))${WB_END}`,
        ),
        re(`(?:^|[.!?]\\s+)(?:had\\s+(?<subj>${subj})\\s+(?:just\\s+|only\\s+|simply\\s+)?[\\p{L}]+ed)${WB_END}`),
        re(`${WB_START}if\\s+(?<subj>${subj})\\s+had\\s+(?:just\\s+|only\\s+|simply\\s+)?[\\p{L}]+ed${WB_END}`),
      ],
    },
    {
      id: 'person-failure',
      message: 'A person is the subject of a failure.',
      suggestion: 'Make the system the subject, e.g. "the alert was not seen because it went to a muted channel".',
      negatable: false,
      patterns: [
        re(`(?<subj>${subj})\\s+${ADVERBS}(?:${FAILURE_VERBS.join('|')})${WB_END}`),
        re(
          `${WB_START}(?:${poss})\\s+(?:change|commit|deploy|deployment|push|pr|pull request|config|query|script|typo|command)\\s+(?:caused|broke|took down|triggered|brought down)${WB_END}`,
        ),
        // "ignored the alert", "the page was ignored": a signal someone chose to disregard, whoever the subject.
        re(
          `${WB_START}(?:ignored|ignoring|ignores|disregarded)\\s+(?:the|an?|all|every|both|this|that|these|those|our|their|his|her|its)\\s+(?:[\\p{L}-]+\\s+)?(?:alerts?|alarms?|pages?|warnings?|notifications?|pings?|escalations?)${WB_END}`,
        ),
        re(
          `${WB_START}(?:alerts?|alarms?|pages?|warnings?|notifications?|pings?|escalations?)\\s+(?:was|were|got|had\\s+been)\\s+(?:\\p{L}+ly\\s+)?(?:ignored|disregarded)${WB_END}`,
        ),
      ],
    },
  ];
  const custom = terms.filter((t) => t.term.trim().length > 0);
  if (custom.length > 0) {
    const suggestionFor = new Map(custom.map((t) => [t.term.trim().toLowerCase(), t.suggestion]));
    rules.push({
      id: 'custom',
      message: 'This review asked to flag this term.',
      suggestion: 'Rephrase around the system and the conditions at the time.',
      negatable: false,
      patterns: [re(`${WB_START}(?:${custom.map((t) => escapeRegExp(t.term.trim())).join('|')})${WB_END}`)],
    });
    customSuggestions.set(rules[rules.length - 1]!, suggestionFor);
  }
  return rules;
}

/** Per custom rule: the suggestion of each term, looked up by the lower-cased match. */
export const customSuggestions = new WeakMap<Rule, Map<string, string | null>>();
